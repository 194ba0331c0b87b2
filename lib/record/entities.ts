import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeName } from "@/lib/domain/normalize";
import type { Band, EntityType, Zone } from "@/lib/domain/types";
import type { YearRow } from "@/lib/domain/year-view";
import { publicDb } from "@/lib/db/replica";
import { containsText } from "@/lib/db/text";
import { findEntitySlugsMatching } from "./rankings";
import { getPublicDataset } from "./dataset";
import { PUBLIC_RESULT_WHERE } from "./visibility";

export interface SourceRow {
  id: number;
  isPrimary: boolean;
  score: number | null;
  zone: string | null;
  category: string | null;
  opinion: string | null;
  nationalRank: number | null;
  provinceRank: number | null;
  sourceUrl: string;
  notes: string;
}

export interface EntityYear {
  year: number;
  row: YearRow;
  methodology: { name: string; bandsVerified: boolean; bands: readonly Band[] } | null;
  /** Dimension scores in hundredths by dimension code, when published. */
  dimensionScores: Record<string, number> | null;
  dimensionNames: Record<string, string>;
  sources: SourceRow[];
}

export interface EntityReport {
  entity: {
    name: string;
    slug: string;
    type: EntityType;
    province: { name: string; slug: string } | null;
    /** Kemendagri code of its kabupaten/kota, when it has one. */
    regencyCode: string | null;
    /** Other names it is known by (its own name left out), alphabetical. */
    aliases: string[];
  };
  /** Oldest first. */
  years: EntityYear[];
}

function parseDimensions(json: string | null): Record<string, number> | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const out: Record<string, number> = {};
    for (const [code, value] of Object.entries(parsed)) if (typeof value === "number" && Number.isInteger(value)) out[code] = value;
    return Object.keys(out).length ? out : null;
  } catch {
    return null;
  }
}

/** One entity's published history with ranks, sources and dimensions; null for an unknown slug. */
export async function getEntityReport(slug: string, prisma?: PrismaClient): Promise<EntityReport | null> {
  const client = prisma ?? publicDb();
  const entity = await client.entity.findUnique({
    where: { slug },
    select: {
      name: true,
      slug: true,
      type: true,
      province: { select: { name: true, slug: true } },
      regency: { select: { code: true } },
      aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
      results: {
        where: PUBLIC_RESULT_WHERE,
        orderBy: { year: "asc" },
        select: {
          id: true,
          year: true,
          dimensionScores: true,
          sources: {
            orderBy: [{ isPrimary: "desc" }, { id: "asc" }],
            select: { id: true, isPrimary: true, score: true, zone: true, category: true, opinion: true, nationalRank: true, provinceRank: true, sourceUrl: true, notes: true },
          },
        },
      },
    },
  });
  if (!entity) return null;
  const [dataset, dimensions] = await Promise.all([
    getPublicDataset(prisma),
    client.methodologyDimension.findMany({ select: { year: true, code: true, name: true } }),
  ]);
  const years: EntityYear[] = [];
  for (const result of entity.results) {
    const row = dataset.rowsByYear.get(result.year)?.find((r) => r.resultId === result.id);
    if (!row) continue;
    const m = dataset.methodologies.get(result.year);
    years.push({
      year: result.year,
      row,
      methodology: m ? { name: m.name, bandsVerified: m.bandsVerified, bands: m.bands } : null,
      dimensionScores: parseDimensions(result.dimensionScores),
      dimensionNames: Object.fromEntries(dimensions.filter((d) => d.year === result.year).map((d) => [d.code, d.name])),
      sources: result.sources,
    });
  }
  return {
    entity: {
      name: entity.name,
      slug: entity.slug,
      type: entity.type as EntityType,
      province: entity.province,
      regencyCode: entity.regency?.code ?? null,
      aliases: entity.aliases.map((a) => a.alias).filter((a) => a !== entity.name),
    },
    years,
  };
}

export interface CompareSeries {
  name: string;
  slug: string;
  type: EntityType;
  province: string | null;
  points: { year: number; score: number | null; zone: Zone | null; methodologyName: string | null }[];
}

export const MAX_COMPARED = 4;

/** Up to four entities' score histories for one chart; unknown slugs are left out. */
export async function getCompareSeries(slugs: readonly string[], prisma?: PrismaClient): Promise<CompareSeries[]> {
  const wanted = [...new Set(slugs)].slice(0, MAX_COMPARED);
  if (wanted.length === 0) return [];
  const entities = await (prisma ?? publicDb()).entity.findMany({
    where: { slug: { in: wanted } },
    select: { name: true, slug: true, type: true, province: { select: { name: true } } },
  });
  const dataset = await getPublicDataset(prisma);
  const years = [...dataset.years].sort((a, b) => a - b);
  return wanted
    .map((slug) => entities.find((e) => e.slug === slug))
    .filter((e) => e !== undefined)
    .map((e) => ({
      name: e.name,
      slug: e.slug,
      type: e.type as EntityType,
      province: e.province?.name ?? null,
      points: years.flatMap((year) => {
        const row = dataset.rowsByYear.get(year)?.find((r) => r.entity.slug === e.slug);
        return row ? [{ year, score: row.score, zone: row.zone, methodologyName: dataset.methodologies.get(year)?.name ?? null }] : [];
      }),
    }));
}

/** Entities with published results whose name or alias matches, for adding to a comparison. */
export async function findComparableEntities(
  query: string,
  prisma?: PrismaClient,
): Promise<{ name: string; slug: string; type: EntityType; province: string | null }[]> {
  if (query.trim() === "") return [];
  const slugs = await findEntitySlugsMatching(query, prisma);
  const dataset = await getPublicDataset(prisma);
  const seen = new Map<string, { name: string; slug: string; type: EntityType; province: string | null }>();
  for (const year of dataset.years) {
    for (const row of dataset.rowsByYear.get(year) ?? []) {
      if (slugs.has(row.entity.slug) && !seen.has(row.entity.slug)) {
        seen.set(row.entity.slug, { ...row.entity, province: row.province?.name ?? null });
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, "id")).slice(0, 20);
}

export interface EntityListFilter {
  type?: EntityType;
  province?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface EntityListItem {
  slug: string;
  type: EntityType;
  name: string;
  province: { name: string; slug: string } | null;
  regencyCode: string | null;
}

/** Entities (reference data and those results name), filtered by type, province and name words. */
export async function listEntities(filter: EntityListFilter, prisma: PrismaClient = publicDb()): Promise<{ data: EntityListItem[]; total: number }> {
  const where: Prisma.EntityWhereInput = {};
  if (filter.type) where.type = filter.type;
  if (filter.province) where.province = { slug: filter.province };
  if (filter.q) {
    // Aliases are stored as written; match on the normalised words of the query.
    const words = normalizeName(filter.q).split(" ").filter(Boolean);
    where.AND = words.map((word) => ({ OR: [{ name: containsText(prisma, word) }, { aliases: { some: { alias: containsText(prisma, word) } } }] }));
  }
  const [rows, total] = await Promise.all([
    prisma.entity.findMany({
      where,
      orderBy: [{ type: "asc" }, { name: "asc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: { slug: true, type: true, name: true, province: { select: { name: true, slug: true } }, regency: { select: { code: true } } },
    }),
    prisma.entity.count({ where }),
  ]);
  return {
    data: rows.map((e) => ({ slug: e.slug, type: e.type as EntityType, name: e.name, province: e.province, regencyCode: e.regency?.code ?? null })),
    total,
  };
}
