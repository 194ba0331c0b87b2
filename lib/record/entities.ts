import type { PrismaClient } from "@/lib/generated/prisma/client";
import { compareNames } from "@/lib/domain/order";
import type { ResultFigures } from "@/lib/domain/provenance";
import type { ZoneBasis } from "@/lib/domain/ranking-view";
import type { Band, EntityType, Zone } from "@/lib/domain/types";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type GroupStatementRecord, type PublicDataset, type SourceRecord } from "./dataset";
import type { CompareQuery } from "./query";
import { matchingSlugs, searchEntities } from "./search";

export type { SourceRecord };

export interface EntityYear {
  year: number;
  row: YearRow;
  methodology: { name: string; bandsVerified: boolean; bands: readonly Band[] } | null;
  /** Dimension scores in hundredths by dimension code, when published. */
  dimensionScores: Record<string, number> | null;
  dimensionNames: Record<string, string>;
  sources: SourceRecord[];
  /** The province the result was assessed under, when it is not the entity's province today (before a split). */
  assessedUnder: { name: string; slug: string } | null;
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
  /** Figures sources state for a whole group the entity belongs to, without naming it (oldest first): not its results. */
  statements: GroupStatementRecord[];
}

/** The entity page: one entity's published history with ranks, sources and dimensions; null for an unknown slug. */
export function entityView(dataset: PublicDataset, slug: string): EntityReport | null {
  const entity = dataset.entities.bySlug.get(slug);
  if (!entity) return null;
  const years = (dataset.entities.history.get(slug) ?? []).map(({ year, row }): EntityYear => {
    const m = dataset.methodologies.get(year);
    const detail = dataset.detailsByYear.get(year)?.get(row.resultId);
    return {
      year,
      row,
      methodology: m ? { name: m.name, bandsVerified: m.bandsVerified, bands: m.bands } : null,
      dimensionScores: detail?.dimensionScores ?? null,
      dimensionNames: Object.fromEntries((m?.dimensions ?? []).map((d) => [d.code, d.name])),
      sources: detail?.sources ?? [],
      assessedUnder: row.province && entity.province && row.province.slug !== entity.province.slug ? { name: row.province.name, slug: row.province.slug } : null,
    };
  });
  const statements = [...dataset.statementsByYear.values()]
    .flat()
    .filter((st) => st.members.some((m) => m.slug === slug))
    .sort((a, b) => a.year - b.year || a.id - b.id);
  return {
    entity: {
      name: entity.name,
      slug: entity.slug,
      type: entity.type,
      province: entity.province,
      regencyCode: entity.regencyCode,
      aliases: entity.aliases.filter((a) => a !== entity.name),
    },
    years,
    statements,
  };
}

export async function getEntityReport(slug: string, prisma?: PrismaClient): Promise<EntityReport | null> {
  return entityView(await getPublicDataset(prisma), slug);
}

export interface CompareSeries {
  name: string;
  slug: string;
  type: EntityType;
  province: string | null;
  points: {
    year: number;
    score: number | null;
    zone: Zone | null;
    zoneBasis: ZoneBasis | null;
    methodologyName: string | null;
    /** The score's and the zone's sources, for the comparison's "sumber berbeda" marks. */
    figures: Pick<ResultFigures, "score" | "zone">;
  }[];
}

export const MAX_COMPARED = 4;

/** Up to four entities' score histories for one chart; unknown slugs are left out. */
export function compareSeries(dataset: PublicDataset, slugs: readonly string[]): CompareSeries[] {
  const wanted = [...new Set(slugs)].slice(0, MAX_COMPARED);
  return wanted.flatMap((slug) => {
    const e = dataset.entities.bySlug.get(slug);
    if (!e) return [];
    const points = (dataset.entities.history.get(slug) ?? []).map(({ year, row }) => ({
      year,
      score: row.score,
      zone: row.zone,
      zoneBasis: row.zoneBasis,
      methodologyName: dataset.methodologies.get(year)?.name ?? null,
      figures: { score: row.figures.score, zone: row.figures.zone },
    }));
    return [{ name: e.name, slug: e.slug, type: e.type, province: e.province?.name ?? null, points }];
  });
}

export async function getCompareSeries(slugs: readonly string[], prisma?: PrismaClient): Promise<CompareSeries[]> {
  return compareSeries(await getPublicDataset(prisma), slugs);
}

export interface Candidate {
  name: string;
  slug: string;
  type: EntityType;
  province: string | null;
}

/** Entities with published results whose name or alias matches, for adding to a comparison:
 * as named in their latest published result, alphabetical, at most 20. */
export function comparableEntities(dataset: PublicDataset, query: string): Candidate[] {
  if (query.trim() === "") return [];
  const slugs = matchingSlugs(dataset, query);
  const seen = new Map<string, Candidate>();
  for (const year of dataset.years) {
    for (const row of dataset.rowsByYear.get(year) ?? []) {
      if (slugs.has(row.entity.slug) && !seen.has(row.entity.slug)) {
        seen.set(row.entity.slug, { ...row.entity, province: row.province?.name ?? null });
      }
    }
  }
  return [...seen.values()].sort((a, b) => compareNames(a.name, b.name)).slice(0, 20);
}

export async function findComparableEntities(query: string, prisma?: PrismaClient): Promise<Candidate[]> {
  return comparableEntities(await getPublicDataset(prisma), query);
}

export interface CompareView {
  series: CompareSeries[];
  /** Slugs from the address that match no entity (a mistyped or outdated link). */
  unknown: string[];
  /** Matches of the search not compared yet. */
  candidates: Candidate[];
  q: string;
  /** Slugs of the address beyond the four compared (left out, and said so). */
  beyond: string[];
}

/** The comparison page: the entities of the address (four at most) and the search to add one. */
export function compareView(dataset: PublicDataset, query: CompareQuery): CompareView {
  const asked = query.instansi ?? [];
  const slugs = asked.slice(0, MAX_COMPARED);
  const q = query.q ?? "";
  const series = compareSeries(dataset, slugs);
  const compared = new Set(series.map((s) => s.slug));
  return {
    series,
    unknown: [...new Set(slugs)].filter((slug) => !compared.has(slug)),
    candidates: comparableEntities(dataset, q).filter((c) => !compared.has(c.slug)),
    q,
    beyond: [...new Set(asked.slice(MAX_COMPARED))].filter((slug) => !slugs.includes(slug)),
  };
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

/** Public entities (reference data and those results name), filtered by type, province and
 * name words, by type then name. */
export function entityList(dataset: PublicDataset, filter: EntityListFilter): { data: EntityListItem[]; total: number } {
  let list = dataset.entities.list;
  if (filter.type) list = list.filter((e) => e.type === filter.type);
  if (filter.province) list = list.filter((e) => e.province?.slug === filter.province);
  if (filter.q) list = searchEntities(list, filter.q, "words");
  const start = (filter.page - 1) * filter.pageSize;
  return {
    data: list.slice(start, start + filter.pageSize).map((e) => ({ slug: e.slug, type: e.type, name: e.name, province: e.province, regencyCode: e.regencyCode })),
    total: list.length,
  };
}

export async function listEntities(filter: EntityListFilter, prisma?: PrismaClient): Promise<{ data: EntityListItem[]; total: number }> {
  return entityList(await getPublicDataset(prisma), filter);
}
