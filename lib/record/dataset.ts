import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { typesOfGroup } from "@/lib/domain/groups";
import { parseRankedScores, pickPublishedCount, type PublishedFigure } from "@/lib/domain/published-facts";
import type { Category, EntityType, Methodology, Zone } from "@/lib/domain/types";
import { buildYearRows, type PriorScore, type YearResultInput, type YearRow } from "@/lib/domain/year-view";
import { db } from "@/lib/db/client";
import { publicDbAt } from "@/lib/db/replica";
import { loadMethodologies } from "@/lib/db/methodologies";
import { processRevisionReader, readRevisionsWith, type DataRevisions } from "@/lib/db/revision";
import { changeOf, sameChange } from "@/lib/domain/year-view";
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
  /** What the rows were built from (for rebuilding single years). */
  inputs: Inputs;
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
  /** Every row, in no particular order. */
  rows(): FactRow[] {
    return [...this.byKey.values()].flat();
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

type ResultRow = Awaited<ReturnType<typeof loadResults>>[number];
type MarkKey = string;

function loadResults(prisma: PrismaClient, years: readonly number[] | null) {
  return prisma.result.findMany({
    where: years ? { ...PUBLIC_RESULT_WHERE, year: { in: [...years] } } : PUBLIC_RESULT_WHERE,
    select: RESULT_SELECT,
    orderBy: { id: "asc" },
  });
}

const FACT_SELECT = { year: true, provinceId: true, entityGroup: true, metric: true, value: true, sourceUrl: true } as const;
const markKey = (year: number, provinceId: number | null, group: string): MarkKey => `${year}|${provinceId ?? "N"}|${group}`;

/** What a year's rows are built from, beside its results: kept so that other years can be rebuilt alone. */
interface Inputs {
  methodologies: Map<number, Methodology>;
  factRows: FactRow[];
  marks: Set<MarkKey>;
}

/** Load the inputs of some years (all when `years` is null). */
async function loadInputs(prisma: PrismaClient, years: readonly number[] | null): Promise<{ results: ResultRow[]; inputs: Inputs }> {
  const inYears = years ? { year: { in: [...years] } } : {};
  const [results, methodologies, factRows, marks] = await Promise.all([
    loadResults(prisma, years),
    loadMethodologies(prisma, years ?? undefined),
    prisma.publishedFact.findMany({ where: inYears, select: FACT_SELECT, orderBy: { id: "asc" } }),
    prisma.groupCompleteness.findMany({ where: { complete: true, ...inYears }, select: { year: true, provinceId: true, entityGroup: true } }),
  ]);
  return {
    results,
    inputs: {
      methodologies: new Map<number, Methodology>(methodologies),
      factRows,
      marks: new Set(marks.map((m) => markKey(m.year, m.provinceId, m.entityGroup))),
    },
  };
}

/** Each entity's published scores by year, for the change from its previous result. */
type History = Map<string, PriorScore[]>;

function addToHistory(history: History, slug: string, entry: PriorScore): void {
  const list = history.get(slug);
  if (list) list.push(entry);
  else history.set(slug, [entry]);
}

function priorIn(history: History, slug: string, year: number): PriorScore | null {
  let best: PriorScore | null = null;
  for (const h of history.get(slug) ?? []) if (h.year < year && (!best || h.year > best.year)) best = h;
  return best;
}

function buildYear(year: number, results: readonly ResultRow[], inputs: Inputs, facts: FactIndex, history: History): YearRow[] {
  const rows: YearResultInput[] = results.map((r) => ({
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
  const marked = inputs.marks;
  return buildYearRows(
    year,
    rows,
    inputs.methodologies.get(year) ?? null,
    {
      nationalAssessed: (type) => facts.assessed(year, null, type),
      nationalMarked: (type) => marked.has(markKey(year, null, type)),
      provinceAssessed: (group, provinceId) => facts.assessed(year, provinceId, group),
      provinceMarked: (group, provinceId) => marked.has(markKey(year, provinceId, group)),
      provinceRankedScores: (group, provinceId) => {
        const list = facts.get(year, provinceId, group, "ranked_scores")[0];
        return list ? parseRankedScores(list.value) : null;
      },
    },
    (slug) => priorIn(history, slug, year),
  );
}

function groupByYear(results: readonly ResultRow[]): Map<number, ResultRow[]> {
  const byYear = new Map<number, ResultRow[]>();
  for (const r of results) {
    const list = byYear.get(r.year);
    if (list) list.push(r);
    else byYear.set(r.year, [r]);
  }
  return byYear;
}

function assemble(rowsByYear: Map<number, YearRow[]>, inputs: Inputs, facts: FactIndex): PublicDataset {
  const years = [...rowsByYear.keys()].sort((a, b) => b - a);
  const ordered = new Map(years.map((y) => [y, rowsByYear.get(y)!]));
  return { years, methodologies: inputs.methodologies, rowsByYear: ordered, facts, inputs };
}

async function loadPublicDataset(prisma: PrismaClient): Promise<PublicDataset> {
  const { results, inputs } = await loadInputs(prisma, null);
  const facts = new FactIndex(inputs.factRows);
  const history: History = new Map();
  for (const r of results) {
    addToHistory(history, r.entity.slug, { year: r.year, score: r.score, methodologyName: inputs.methodologies.get(r.year)?.name ?? null });
  }
  const rowsByYear = new Map<number, YearRow[]>();
  for (const [year, list] of groupByYear(results)) rowsByYear.set(year, buildYear(year, list, inputs, facts, history));
  return assemble(rowsByYear, inputs, facts);
}

/**
 * The public record with only `touched` years rebuilt from the database; every other year keeps
 * its rows (the same objects), except that a row whose change from the previous result depends
 * on a rebuilt year gets that change again. Gives what a full build would give (tested).
 */
async function rebuildYears(prisma: PrismaClient, previous: PublicDataset, touched: ReadonlySet<number>): Promise<PublicDataset> {
  const years = [...touched];
  const { results, inputs: fresh } = await loadInputs(prisma, years);
  const old = previous.inputs;
  const methodologies = new Map([...old.methodologies].filter(([y]) => !touched.has(y)));
  for (const [y, m] of fresh.methodologies) methodologies.set(y, m);
  const inputs: Inputs = {
    methodologies,
    factRows: [...old.factRows.filter((f) => !touched.has(f.year)), ...fresh.factRows],
    marks: new Set([...[...old.marks].filter((k) => !touched.has(Number(k.slice(0, k.indexOf("|"))))), ...fresh.marks]),
  };
  const facts = new FactIndex(inputs.factRows);
  const history: History = new Map();
  for (const [year, rows] of previous.rowsByYear) {
    if (touched.has(year)) continue;
    const methodologyName = methodologies.get(year)?.name ?? null;
    for (const row of rows) addToHistory(history, row.entity.slug, { year, score: row.score, methodologyName });
  }
  for (const r of results) {
    addToHistory(history, r.entity.slug, { year: r.year, score: r.score, methodologyName: methodologies.get(r.year)?.name ?? null });
  }
  const rowsByYear = new Map<number, YearRow[]>();
  const byYear = groupByYear(results);
  const firstTouched = Math.min(...years);
  for (const [year, rows] of previous.rowsByYear) {
    if (touched.has(year)) continue;
    rowsByYear.set(year, year > firstTouched ? withChangesFrom(rows, year, methodologies.get(year)?.name ?? null, history) : rows);
  }
  for (const [year, list] of byYear) rowsByYear.set(year, buildYear(year, list, inputs, facts, history));
  return assemble(rowsByYear, inputs, facts);
}

/** The rows of a year not rebuilt, with each change from the previous result taken again
 * (a new row object only where it differs). */
function withChangesFrom(rows: YearRow[], year: number, methodologyName: string | null, history: History): YearRow[] {
  let changed = false;
  const out = rows.map((row) => {
    const change = changeOf(row.score, year, methodologyName, priorIn(history, row.entity.slug, year));
    if (sameChange(change, row.change)) return row;
    changed = true;
    return { ...row, change };
  });
  return changed ? out : rows;
}

/** The revision of every year, to learn which years a write touched. */
export type { DataRevisions };

/**
 * Which years must be rebuilt to go from `from` to `to`: null when everything must (year 0
 * moved: provinces, entities or aliases changed; or nothing year-specific explains the move).
 */
export function yearsToRebuild(from: DataRevisions, to: DataRevisions): Set<number> | null {
  if ((from.years.get(0) ?? 0) !== (to.years.get(0) ?? 0)) return null;
  const touched = new Set<number>();
  for (const [year, value] of to.years) if (year !== 0 && from.years.get(year) !== value) touched.add(year);
  for (const year of from.years.keys()) if (year !== 0 && !to.years.has(year)) touched.add(year);
  if (touched.size === 0) return from.global === to.global ? touched : null;
  return touched;
}

/**
 * The public record is built once per data revision, not per request, and after a write only
 * the years the write touched are built again (lib/db/revision.ts: per-year revisions raised by
 * triggers). Any write, including one by another process (the CLI importer), moves the
 * revision, so the next request rebuilds; requests arriving meanwhile share one build.
 */
interface CacheEntry {
  revisions: DataRevisions;
  dataset: Promise<PublicDataset>;
  /** The dataset once built: the base of the next partial rebuild. */
  built: PublicDataset | null;
}

export class PublicDatasetCache {
  private entry: CacheEntry | null = null;
  /** How the last build was made: "full", or the years rebuilt (for tests and the benchmark). */
  lastBuild: "full" | number[] | null = null;

  /**
   * `prisma` gives the primary, where the revisions are read (by `readRevisions`); `readFrom`
   * the database to build from, holding at least a given global revision (a read replica that
   * has caught up, lib/db/replica.ts; by default the primary).
   */
  constructor(
    private readonly prisma: () => PrismaClient,
    private readonly readRevisions: () => DataRevisions | null | Promise<DataRevisions | null> = () => readRevisionsWith(prisma()),
    private readonly readFrom: (revision: number) => Promise<PrismaClient> = async () => prisma(),
  ) {}

  async get(): Promise<PublicDataset> {
    const prisma = this.prisma();
    const revisions = await this.readRevisions();
    // A database without the revision (never migrated past it) is never cached.
    if (!revisions) return loadPublicDataset(prisma);
    const current = this.entry;
    if (current?.revisions.global === revisions.global) return current.dataset;
    const base = current?.built ?? null;
    const touched = base && current ? yearsToRebuild(current.revisions, revisions) : null;
    this.lastBuild = touched ? [...touched].sort((a, b) => a - b) : "full";
    const dataset =
      touched && base && touched.size === 0
        ? Promise.resolve(base)
        : this.readFrom(revisions.global).then((source) => (touched && base ? rebuildYears(source, base, touched) : loadPublicDataset(source)));
    const entry: CacheEntry = { revisions, dataset, built: null };
    this.entry = entry;
    dataset.then(
      (built) => {
        entry.built = built;
      },
      () => {
        // A failed build is not kept: the next request builds again (in full).
        if (this.entry === entry) this.entry = null;
      },
    );
    return dataset;
  }
}

const processCache = new PublicDatasetCache(db, () => processRevisionReader().revisions(), publicDbAt);
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
