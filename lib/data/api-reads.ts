/** Reads behind the public read API (/api/v1): published data only, shaped as its contract. */
import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { entitiesQuerySchema, entityDetailSchema, entitySchema, methodologySchema, provinceSchema, rankingsQuerySchema, resultsQuerySchema } from "@/lib/api/schemas";
import { getPublicDataset } from "./public-dataset";
import { normalizeName } from "@/lib/domain/normalize";
import type { Category, EntityType, Zone } from "@/lib/domain/types";
import { db } from "./db";
import { getEntityReport } from "./entities";
import { assessmentJson, matchesResultFilter, rankJson, resultRowJson, toScore, type ResultRowJson } from "@/lib/api/rows";

type Province = z.infer<typeof provinceSchema>;
type MethodologyJson = z.infer<typeof methodologySchema>;
type EntityDetail = z.infer<typeof entityDetailSchema>;


export async function apiProvinces(prisma: PrismaClient = db()): Promise<Province[]> {
  const rows = await prisma.province.findMany({ orderBy: { code: "asc" }, include: { splitFrom: { select: { slug: true } } } });
  return rows.map((p) => ({ code: p.code, name: p.name, slug: p.slug, formedIn: p.formedIn, splitFrom: p.splitFrom?.slug ?? null }));
}

export async function apiMethodologies(prisma: PrismaClient = db()): Promise<MethodologyJson[]> {
  const rows = await prisma.methodology.findMany({
    orderBy: { year: "asc" },
    include: { bands: { orderBy: { sortOrder: "asc" } }, dimensions: { orderBy: { sortOrder: "asc" } } },
  });
  return rows.map((m) => ({
    year: m.year,
    name: m.name,
    opinionName: m.opinionName,
    bandsVerified: m.bandsVerified,
    notes: m.notes,
    sources: m.sources.split("\n").filter((s) => s !== ""),
    bands: m.bands.map((b) => ({
      min: toScore(b.min),
      max: toScore(b.max),
      zone: b.zone as Zone,
      category: b.category as Category | null,
      label: b.label,
    })),
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
  prisma: PrismaClient = db(),
): Promise<{ data: z.infer<typeof entitySchema>[]; total: number }> {
  const where: Prisma.EntityWhereInput = {};
  if (query.type) where.type = query.type;
  if (query.province) where.province = { slug: query.province };
  if (query.q) {
    // Aliases are stored as written; match on the normalised words of the query.
    const words = normalizeName(query.q).split(" ").filter(Boolean);
    where.AND = words.map((word) => ({ OR: [{ name: { contains: word } }, { aliases: { some: { alias: { contains: word } } } }] }));
  }
  const [rows, total] = await Promise.all([
    prisma.entity.findMany({
      where,
      orderBy: [{ type: "asc" }, { name: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { slug: true, type: true, name: true, province: { select: { name: true, slug: true } }, regency: { select: { code: true } } },
    }),
    prisma.entity.count({ where }),
  ]);
  return {
    data: rows.map((e) => ({
      slug: e.slug,
      type: e.type as EntityType,
      name: e.name,
      province: e.province,
      regencyCode: e.regency?.code ?? null,
    })),
    total,
  };
}

/** One entity with its published results, ranks stated honestly, and every source. */
export async function apiEntity(slug: string, prisma: PrismaClient = db()): Promise<EntityDetail | null> {
  const [entity, report] = await Promise.all([
    prisma.entity.findUnique({
      where: { slug },
      select: { aliases: { select: { alias: true }, orderBy: { alias: "asc" } }, regency: { select: { code: true } } },
    }),
    getEntityReport(slug, prisma),
  ]);
  if (!entity || !report) return null;
  return {
    slug: report.entity.slug,
    type: report.entity.type,
    name: report.entity.name,
    province: report.entity.province,
    regencyCode: entity.regency?.code ?? null,
    aliases: entity.aliases.map((a) => a.alias).filter((a) => a !== report.entity.name),
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
