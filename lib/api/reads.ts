/**
 * The public read API (/api/v1): each answer a pure function of the public record, shaped as
 * its contract (lib/api/schemas.ts). Published data only: the record holds nothing else.
 */
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { entitiesQuerySchema, searchQuerySchema, searchResponse, entityDetailSchema, entitySchema, methodologySchema, provinceSchema, rankingsQuerySchema, resultsQuerySchema } from "@/lib/api/schemas";
import { byName, byScoreThenName } from "@/lib/domain/order";
import { sourceAddress } from "@/lib/domain/source-address";
import { getPublicDataset, type PublicDataset } from "@/lib/record/dataset";
import { entityList, entityView } from "@/lib/record/entities";
import { hitPath, searchRecord } from "@/lib/record/entity-search";
import { methodologyDetails } from "@/lib/record/methodology";
import { provinceHistory } from "@/lib/record/provinces";
import { assessmentJson, matchesResultFilter, rankJson, resultRowJson, toScore, type ResultRowJson } from "@/lib/api/rows";

type Province = z.infer<typeof provinceSchema>;
type MethodologyJson = z.infer<typeof methodologySchema>;
type EntityDetail = z.infer<typeof entityDetailSchema>;
type Listing<T> = { data: T[]; total: number };

export function provincesJson(dataset: PublicDataset): Province[] {
  return provinceHistory(dataset);
}

export function methodologiesJson(dataset: PublicDataset): MethodologyJson[] {
  return [...methodologyDetails(dataset)].sort((a, b) => a.year - b.year).map((m) => ({
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

export function entitiesJson(dataset: PublicDataset, query: z.infer<typeof entitiesQuerySchema>): Listing<z.infer<typeof entitySchema>> {
  return entityList(dataset, query);
}

/** One entity with its published results, ranks stated honestly, and every source. */
export function entityJson(dataset: PublicDataset, slug: string): EntityDetail | null {
  const report = entityView(dataset, slug);
  if (!report) return null;
  return {
    slug: report.entity.slug,
    type: report.entity.type,
    name: report.entity.name,
    province: report.entity.province,
    regencyCode: report.entity.regencyCode,
    aliases: report.entity.aliases,
    results: report.years.map(({ year, row, methodology, dimensionScores, sources, assessedUnder }) => ({
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
        zone: s.zone,
        category: s.category,
        opinion: s.opinion,
        nationalRank: s.nationalRank,
        provinceRank: s.provinceRank,
        url: s.sourceUrl,
        facts: {
          yearInferred: s.yearInferred,
          rankFromList: s.rankFromList,
          provinceRankWithinType: s.provinceRankWithinType,
          disputed: s.disputed,
          homePageOnly: sourceAddress(s.sourceUrl).homePageOnly,
        },
      })),
      assessedUnder,
    })),
    groupStatements: report.statements.map((st) => ({
      year: st.year,
      province: st.province ? { name: st.province.name, slug: st.province.slug } : null,
      group: st.entityGroup,
      zone: st.zone,
      category: st.category,
      opinion: st.opinion,
      sourceUrl: st.sourceUrl,
      yearInferred: st.yearInferred,
      members: st.members.map((m) => ({ name: m.name, slug: m.slug })),
    })),
  };
}

/** Published results, newest year first, then by entity name; ranks as the pages state them. */
export function resultsJson(dataset: PublicDataset, query: z.infer<typeof resultsQuerySchema>): Listing<ResultRowJson> {
  const years = query.year === undefined ? dataset.years : dataset.years.filter((y) => y === query.year);
  const all: ResultRowJson[] = [];
  for (const year of years) {
    const rows = (dataset.rowsByYear.get(year) ?? []).filter((row) => matchesResultFilter(row, query)).sort(byName);
    for (const row of rows) all.push(resultRowJson(year, row));
  }
  const start = (query.page - 1) * query.pageSize;
  return { data: all.slice(start, start + query.pageSize), total: all.length };
}

/** One year's ranking: highest score first (unscored last), ranks computed over whole groups. */
export function rankingsJson(dataset: PublicDataset, query: z.infer<typeof rankingsQuerySchema>): Listing<ResultRowJson> {
  const rows = (dataset.rowsByYear.get(query.year) ?? []).filter((row) => matchesResultFilter(row, query)).sort(byScoreThenName);
  const start = (query.page - 1) * query.pageSize;
  return { data: rows.slice(start, start + query.pageSize).map((row) => resultRowJson(query.year, row)), total: rows.length };
}

/** The site search's hits (lib/record/entity-search.ts), best first, each with its page's path. */
export function searchJson(dataset: PublicDataset, query: z.infer<typeof searchQuerySchema>): z.infer<typeof searchResponse> {
  return { query: query.q, data: searchRecord(dataset, query.q, { limit: query.limit }).map((hit) => ({ ...hit, path: hitPath(hit) })) };
}

// The same answers read from the record of a given database (tests, scripts) or this process's.
export const apiProvinces = async (prisma?: PrismaClient) => provincesJson(await getPublicDataset(prisma));
export const apiMethodologies = async (prisma?: PrismaClient) => methodologiesJson(await getPublicDataset(prisma));
export const apiEntities = async (query: z.infer<typeof entitiesQuerySchema>, prisma?: PrismaClient) => entitiesJson(await getPublicDataset(prisma), query);
export const apiEntity = async (slug: string, prisma?: PrismaClient) => entityJson(await getPublicDataset(prisma), slug);
export const apiResults = async (query: z.infer<typeof resultsQuerySchema>, prisma?: PrismaClient) => resultsJson(await getPublicDataset(prisma), query);
export const apiSearch = async (query: z.infer<typeof searchQuerySchema>, prisma?: PrismaClient) => searchJson(await getPublicDataset(prisma), query);
export const apiRankings = async (query: z.infer<typeof rankingsQuerySchema>, prisma?: PrismaClient) => rankingsJson(await getPublicDataset(prisma), query);
