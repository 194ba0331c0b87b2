import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { typesOfGroup } from "@/lib/domain/groups";
import { parseRankedScores, pickPublishedCount, type PublishedFigure } from "@/lib/domain/published-facts";
import type { Category, EntityType, Methodology, Zone } from "@/lib/domain/types";
import { buildYearRows, type PriorScore, type YearResultInput, type YearRow } from "@/lib/domain/year-view";
import { db } from "@/lib/db/client";
import { publicDbAt } from "@/lib/db/replica";
import { loadMethodologies } from "@/lib/db/methodologies";
import { PUBLIC_RESULT_WHERE } from "./visibility";

/**
 * The public record: every published result, the published facts and completeness marks. Ranks are computed over whole groups here,
 * so every page that filters afterwards shows the same ranks.
 */
export interface PublicDataset {
  /** Years with at least one published result, newest first. */
  years: number[];
  methodologies: Map<number, Methodology>;
  rowsByYear: Map<number, YearRow[]>;
  facts: FactIndex;
}

export interface FactRow extends PublishedFigure {
  year: number;
  provinceId: number | null;
  entityGroup: string;
  metric: string;
}

export class FactIndex {
  private readonly byKey = new Map<string, FactRow[]>();
  constructor(rows: readonly FactRow[]) {
    for (const row of rows) {
      const key = FactIndex.key(row.year, row.provinceId, row.entityGroup, row.metric);
      const list = this.byKey.get(key);
      if (list) list.push(row);
      else this.byKey.set(key, [row]);
    }
  }
  static key(year: number, provinceId: number | null, group: string, metric: string): string {
    return `${year}|${provinceId ?? "N"}|${group}|${metric}`;
  }
  get(year: number, provinceId: number | null, group: string, metric: string): FactRow[] {
    return this.byKey.get(FactIndex.key(year, provinceId, group, metric)) ?? [];
  }
  /** The number assessed of a group; for PEMDA, the sum of Pemprov + Pemkab + Pemkot when
   * only those are published. */
  assessed(year: number, provinceId: number | null, group: string): number | null {
    const direct = pickPublishedCount(this.get(year, provinceId, group, "count_assessed"));
    if (direct) return direct.value;
    const parts = typesOfGroup(group);
    if (parts.length < 2) return null;
    const counts = parts.map((t) => pickPublishedCount(this.get(year, provinceId, t, "count_assessed")));
    return counts.every((c) => c !== null) ? counts.reduce((s, c) => s + c!.value, 0) : null;
  }
}

const RESULT_SELECT = {
  id: true,
  year: true,
  score: true,
  publishedZone: true,
  publishedCategory: true,
  publishedOpinion: true,
  publishedNationalRank: true,
  publishedProvinceRank: true,
  hasConflict: true,
  sourceUrl: true,
  entity: { select: { name: true, slug: true, type: true } },
  province: { select: { id: true, name: true, slug: true } },
  _count: { select: { sources: true } },
} as const;

async function loadPublicDataset(prisma: PrismaClient): Promise<PublicDataset> {
  const [results, methodologies, factRows, marks] = await Promise.all([
    prisma.result.findMany({ where: PUBLIC_RESULT_WHERE, select: RESULT_SELECT, orderBy: { id: "asc" } }),
    loadMethodologies(prisma),
    prisma.publishedFact.findMany({
      select: { year: true, provinceId: true, entityGroup: true, metric: true, value: true, sourceUrl: true },
      orderBy: { id: "asc" },
    }),
    prisma.groupCompleteness.findMany({ where: { complete: true }, select: { year: true, provinceId: true, entityGroup: true } }),
  ]);
  const facts = new FactIndex(factRows);
  const marked = new Set(marks.map((m) => `${m.year}|${m.provinceId ?? "N"}|${m.entityGroup}`));
  const years = [...new Set(results.map((r) => r.year))].sort((a, b) => b - a);

  const historyBySlug = new Map<string, PriorScore[]>();
  for (const r of results) {
    const list = historyBySlug.get(r.entity.slug) ?? [];
    list.push({ year: r.year, score: r.score, methodologyName: methodologies.get(r.year)?.name ?? null });
    historyBySlug.set(r.entity.slug, list);
  }

  const rowsByYear = new Map<number, YearRow[]>();
  for (const year of years) {
    const inputs: YearResultInput[] = results
      .filter((r) => r.year === year)
      .map((r) => ({
        resultId: r.id,
        entity: { name: r.entity.name, slug: r.entity.slug, type: r.entity.type as EntityType },
        province: r.province,
        score: r.score,
        publishedZone: r.publishedZone as Zone | null,
        publishedCategory: r.publishedCategory as Category | null,
        publishedOpinion: r.publishedOpinion,
        publishedNationalRank: r.publishedNationalRank,
        publishedProvinceRank: r.publishedProvinceRank,
        hasConflict: r.hasConflict,
        sourceUrl: r.sourceUrl,
        sourceCount: r._count.sources,
      }));
    const rows = buildYearRows(
      year,
      inputs,
      methodologies.get(year) ?? null,
      {
        nationalAssessed: (type) => facts.assessed(year, null, type),
        nationalMarked: (type) => marked.has(`${year}|N|${type}`),
        provinceAssessed: (group, provinceId) => facts.assessed(year, provinceId, group),
        provinceMarked: (group, provinceId) => marked.has(`${year}|${provinceId}|${group}`),
        provinceRankedScores: (group, provinceId) => {
          const list = facts.get(year, provinceId, group, "ranked_scores")[0];
          return list ? parseRankedScores(list.value) : null;
        },
      },
      (slug) => {
        const earlier = (historyBySlug.get(slug) ?? []).filter((h) => h.year < year).sort((a, b) => b.year - a.year);
        return earlier[0] ?? null;
      },
    );
    rowsByYear.set(year, rows);
  }
  return { years, methodologies, rowsByYear, facts };
}

/** The current DataRevision: SQLite triggers raise it on every change to a table read here. */
export async function getDataRevision(prisma: PrismaClient): Promise<number> {
  const row = await prisma.dataRevision.findUnique({ where: { id: 1 }, select: { value: true } });
  // A database without the row (never migrated past it) is never cached.
  return row?.value ?? -1;
}

/**
 * The public record is built once per data revision, not per request: at national scale
 * (16k results) building it costs about a second, reading the revision well under one
 * millisecond. Any write, including one by another process (the CLI importer), raises the
 * revision, so the next request rebuilds; requests arriving meanwhile share one build.
 */
export class PublicDatasetCache {
  private entry: { revision: number; dataset: Promise<PublicDataset> } | null = null;
  /**
   * `prisma` gives the primary (the revision is read there); `readFrom` the database to build
   * from, holding at least that revision (a replica that has caught up, lib/db/replica.ts).
   */
  constructor(
    private readonly prisma: () => PrismaClient,
    private readonly readFrom: (revision: number) => Promise<PrismaClient> = async () => prisma(),
  ) {}

  async get(): Promise<PublicDataset> {
    const prisma = this.prisma();
    const revision = await getDataRevision(prisma);
    if (revision >= 0 && this.entry?.revision === revision) return this.entry.dataset;
    const dataset = revision >= 0 ? this.readFrom(revision).then(loadPublicDataset) : loadPublicDataset(prisma);
    if (revision < 0) return dataset;
    const entry = { revision, dataset };
    this.entry = entry;
    // A failed build is not kept: the next request tries again.
    dataset.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    return dataset;
  }
}

const processCache = new PublicDatasetCache(db, publicDbAt);
const cachedDefault = cache(() => processCache.get());

/** The public dataset (shared by every read of one request, rebuilt when the data changes). */
export function getPublicDataset(prisma?: PrismaClient): Promise<PublicDataset> {
  return prisma ? loadPublicDataset(prisma) : cachedDefault();
}

/** Resolve `?tahun=`: a published year, else the latest one. */
export function resolveYear(years: readonly number[], requested: string | string[] | undefined): number | null {
  const n = Number(Array.isArray(requested) ? requested[0] : requested);
  if (years.includes(n)) return n;
  return years[0] ?? null;
}
