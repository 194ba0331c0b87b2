/** Reads behind the public read API (/api/v1): published data only, shaped as its contract. */
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { entitiesQuerySchema, entityDetailSchema, entitySchema, methodologySchema, provinceSchema, rankingsQuerySchema, resultsQuerySchema } from "@/lib/api/schemas";
import { getPublicDataset } from "@/lib/record/dataset";
import type { Category, Zone } from "@/lib/domain/types";
import { getEntityReport, listEntities } from "@/lib/record/entities";
import { getMethodologyDetails } from "@/lib/record/methodology";
import { getProvinceHistory } from "@/lib/record/provinces";
import { assessmentJson, matchesResultFilter, rankJson, resultRowJson, toScore, type ResultRowJson } from "@/lib/api/rows";

type Province = z.infer<typeof provinceSchema>;
type MethodologyJson = z.infer<typeof methodologySchema>;
type EntityDetail = z.infer<typeof entityDetailSchema>;


export async function apiProvinces(prisma?: PrismaClient): Promise<Province[]> {
  return getProvinceHistory(prisma);
}

export async function apiMethodologies(prisma?: PrismaClient): Promise<MethodologyJson[]> {
  const details = await getMethodologyDetails(prisma);
  return [...details].sort((a, b) => a.year - b.year).map((m) => ({
    year: m.year,
    name: m.name,
    opinionName: m.opinionName,
    bandsVerified: m.bandsVerified,
    notes: m.notes,
    sources: m.sources,
    bands: m.bands.map((b) => ({ min: toScore(b.min), max: toScore(b.max), zone: b.zone, category: b.category, label: b.label })),
    dimensions: m.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      weightPercent: d.weight === null ? null : toScore(d.weight),
      verified: d.verified,
      notes: d.notes,
    })),
  }));
}

export async function apiEntities(
  query: z.infer<typeof entitiesQuerySchema>,
  prisma?: PrismaClient,
): Promise<{ data: z.infer<typeof entitySchema>[]; total: number }> {
  return listEntities(query, prisma);
}

/** One entity with its published results, ranks stated honestly, and every source. */
export async function apiEntity(slug: string, prisma?: PrismaClient): Promise<EntityDetail | null> {
  const report = await getEntityReport(slug, prisma);
  if (!report) return null;
  return {
    slug: report.entity.slug,
    type: report.entity.type,
    name: report.entity.name,
    province: report.entity.province,
    regencyCode: report.entity.regencyCode,
    aliases: report.entity.aliases,
    results: report.years.map(({ year, row, methodology, dimensionScores, sources }) => ({
      year,
      province: row.province ? { name: row.province.name, slug: row.province.slug } : null,
      ...assessmentJson(row),
      provinceRank: row.provinceRank ? rankJson(row.provinceRank) : null,
      methodology: methodology?.name ?? null,
      dimensionScores: dimensionScores
        ? Object.fromEntries(Object.entries(dimensionScores).map(([code, value]) => [code, toScore(value)]))
        : null,
      sourceUrl: row.sourceUrl,
      sources: sources.map((s) => ({
        primary: s.isPrimary,
        score: s.score === null ? null : toScore(s.score),
        zone: s.zone as Zone | null,
        category: s.category as Category | null,
        opinion: s.opinion,
        nationalRank: s.nationalRank,
        provinceRank: s.provinceRank,
        url: s.sourceUrl,
        notes: s.notes,
      })),
    })),
  };
}

/** Published results, newest year first, then by entity name; ranks as the pages state them. */
export async function apiResults(query: z.infer<typeof resultsQuerySchema>, prisma?: PrismaClient): Promise<{ data: ResultRowJson[]; total: number }> {
  const dataset = await getPublicDataset(prisma);
  const years = query.year === undefined ? dataset.years : dataset.years.filter((y) => y === query.year);
  const all: ResultRowJson[] = [];
  for (const year of years) {
    const rows = (dataset.rowsByYear.get(year) ?? []).filter((row) => matchesResultFilter(row, query));
    rows.sort((a, b) => a.entity.name.localeCompare(b.entity.name, "id"));
    for (const row of rows) all.push(resultRowJson(year, row));
  }
  const start = (query.page - 1) * query.pageSize;
  return { data: all.slice(start, start + query.pageSize), total: all.length };
}

/** One year's ranking: highest score first (unscored last), ranks computed over whole groups. */
export async function apiRankings(query: z.infer<typeof rankingsQuerySchema>, prisma?: PrismaClient): Promise<{ data: ResultRowJson[]; total: number }> {
  const dataset = await getPublicDataset(prisma);
  const rows = (dataset.rowsByYear.get(query.year) ?? []).filter((row) => matchesResultFilter(row, query));
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.entity.name.localeCompare(b.entity.name, "id"));
  const start = (query.page - 1) * query.pageSize;
  return { data: rows.slice(start, start + query.pageSize).map((row) => resultRowJson(query.year, row)), total: rows.length };
}
