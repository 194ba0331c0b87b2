import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { typesOfGroup } from "@/lib/domain/groups";
import type { SourceReport } from "@/lib/domain/primary";
import type { ReportedFigures } from "@/lib/domain/provenance";
import { parseRankedScores, pickPublishedCount, type PublishedFigure } from "@/lib/domain/published-facts";
import type { Category, EntityType, Zone } from "@/lib/domain/types";
import { buildYearRows, changeOf, sameChange, type PriorScore, type YearFacts, type YearResultInput, type YearRow } from "@/lib/domain/year-view";
import { db } from "@/lib/db/client";
import { publicDbAt } from "@/lib/db/replica";
import { loadMethodologies, type MethodologyRecord } from "@/lib/db/methodologies";
import { processRevisionReader, readRevisionsWith, type DataRevisions } from "@/lib/db/revision";
import { isEntityPublic, PUBLIC_RESULT_WHERE, PUBLIC_STATEMENT_WHERE } from "./visibility";

/**
 * The public record: everything the public pages, the API and the downloads read, built here
 * from the published rows and nowhere else. Ranks are computed over whole groups here, so
 * every view that filters afterwards shows the same ranks. Every view is a pure function of
 * it (no database read per request); the year-specific parts are loaded per assessment year,
 * so that a write rebuilds only the years it touched.
 */
export interface PublicDataset {
  /** Years with at least one published result, newest first. */
  years: number[];
  /** Every year's method as stored (years without published results too). */
  methodologies: Map<number, MethodologyRecord>;
  rowsByYear: Map<number, YearRow[]>;
  /** Sources and dimension scores of the published results, by year and result id (none for a
   * result without either). */
  detailsByYear: Map<number, Map<number, ResultDetail>>;
  /** Published group statements (a figure a source states for a whole group), by year. */
  statementsByYear: Map<number, GroupStatementRecord[]>;
  facts: FactIndex;
  /** Every province, in Kemendagri code order. */
  provinces: ProvinceRecord[];
  /** The entities the public may see (lib/record/visibility.ts), with their published results. */
  entities: EntityDirectory;
  /** What the rows were built from (for rebuilding single years). */
  inputs: Inputs;
}

export interface ProvinceRecord {
  id: number;
  code: string;
  name: string;
  slug: string;
  /** The year a split formed it, the date and the law that formed it, and the province it came from. */
  formedIn: number | null;
  /** ISO date ("2022-07-25"). */
  formedOn: string | null;
  formedBy: string | null;
  splitFrom: string | null;
}

export interface EntityRecord {
  id: number;
  slug: string;
  name: string;
  type: EntityType;
  province: { name: string; slug: string } | null;
  /** Kemendagri code of its kabupaten/kota, when it has one. */
  regencyCode: string | null;
  /** Every name it is known by as written (its own name may be one), alphabetical. */
  aliases: string[];
  /** The matching keys of those names (EntityAlias.key). */
  aliasKeys: string[];
}

/** A published result of an entity: the year and its row in that year's record. */
export interface DatedRow {
  year: number;
  row: YearRow;
}

export interface EntityDirectory {
  /** In list order: by type, then name (text order, as the database sorts it). */
  list: EntityRecord[];
  bySlug: Map<string, EntityRecord>;
  /** Each public entity's published results, oldest year first. */
  history: Map<string, DatedRow[]>;
}

/**
 * One source of a published result: what it reported (lib/domain/primary.ts), whether it is the
 * primary one, and the facts about it readers are told. Never the curators' notes: those are for
 * the admin, and the public record does not load them.
 */
export interface SourceRecord extends SourceReport {
  id: number;
  isPrimary: boolean;
  /** The year was worked out from the publication date. */
  yearInferred: boolean;
  /** A position in a published list is used as the rank. */
  rankFromList: boolean;
  /** The province rank is among the entity's own type. */
  provinceRankWithinType: boolean;
  /** Another source states otherwise. */
  disputed: boolean;
}

/** A figure a source states for a whole group without naming each member, with the members recorded. */
export interface GroupStatementRecord {
  id: number;
  year: number;
  province: { id: number; name: string; slug: string } | null;
  entityGroup: string;
  zone: Zone | null;
  category: Category | null;
  opinion: string | null;
  sourceUrl: string;
  yearInferred: boolean;
  /** In name order. */
  members: { name: string; slug: string; type: EntityType }[];
}

export interface ResultDetail {
  /** The primary source first, then in the order recorded. */
  sources: SourceRecord[];
  /** Dimension scores in hundredths by dimension code, when published. */
  dimensionScores: Record<string, number> | null;
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
    return this.assessedFigure(year, provinceId, group)?.value ?? null;
  }

  /** The number assessed of a group with the sources that state it (every part's, for a sum). */
  assessedFigure(year: number, provinceId: number | null, group: string): { value: number; sources: string[] } | null {
    const stating = (rows: readonly FactRow[], value: number) => rows.filter((r) => r.value.trim() === String(value)).map((r) => r.sourceUrl);
    const rows = this.get(year, provinceId, group, "count_assessed");
    const direct = pickPublishedCount(rows);
    if (direct) return { value: direct.value, sources: [...new Set(stating(rows, direct.value))] };
    const parts = typesOfGroup(group);
    if (parts.length < 2) return null;
    const counts = parts.map((t) => {
      const partRows = this.get(year, provinceId, t, "count_assessed");
      const count = pickPublishedCount(partRows);
      return count ? { value: count.value, sources: stating(partRows, count.value) } : null;
    });
    if (!counts.every((c) => c !== null)) return null;
    return { value: counts.reduce((sum, c) => sum + c!.value, 0), sources: [...new Set(counts.flatMap((c) => c!.sources))] };
  }
}

/** A stored result as the ranking reads it: the database keeps zones, categories and types as text. */
export interface StoredResult {
  id: number;
  score: number | null;
  publishedZone: string | null;
  publishedCategory: string | null;
  publishedOpinion: string | null;
  publishedNationalRank: number | null;
  publishedProvinceRank: number | null;
  hasConflict: boolean;
  sourceUrl: string | null;
  entity: { name: string; slug: string; type: string };
  province: { id: number; name: string; slug: string } | null;
  sourceCount: number;
  /** Its sources as loaded (primary first); absent when only counted. */
  sources?: readonly StoredSource[];
}

/** A stored source row as the record loads it: the database keeps zones and categories as text. */
export type StoredSource = Omit<SourceRecord, "zone" | "category"> & { zone: string | null; category: string | null };

/** The one reading of a stored result as the domain's ranking input. */
export function yearResultInput(r: StoredResult): YearResultInput {
  const reports: ReportedFigures[] | undefined = r.sources?.map((s) => ({
    sourceId: s.id,
    url: s.sourceUrl,
    score: s.score,
    zone: s.zone as Zone | null,
    category: s.category as Category | null,
    opinion: s.opinion,
    nationalRank: s.nationalRank,
    provinceRank: s.provinceRank,
    disputed: s.disputed,
  }));
  const withinType =
    r.publishedProvinceRank !== null && (r.sources ?? []).some((s) => s.provinceRank === r.publishedProvinceRank && s.provinceRankWithinType);
  return {
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
    sourceCount: r.sourceCount,
    // Always both keys: every input has one shape (the record's build is hot at national scale).
    reports,
    provinceRankWithinType: withinType,
  };
}

/** What a year's ranks need beside its results: the published counts, completeness marks and ranked lists. */
export function yearFacts(year: number, facts: FactIndex, marked: (provinceId: number | null, group: string) => boolean): YearFacts {
  return {
    nationalAssessed: (type) => facts.assessed(year, null, type),
    nationalMarked: (type) => marked(null, type),
    provinceAssessed: (group, provinceId) => facts.assessed(year, provinceId, group),
    provinceMarked: (group, provinceId) => marked(provinceId, group),
    provinceRankedScores: (group, provinceId) => {
      const list = facts.get(year, provinceId, group, "ranked_scores")[0];
      return list ? parseRankedScores(list.value) : null;
    },
    provinceRankedScoresSource: (group, provinceId) => facts.get(year, provinceId, group, "ranked_scores")[0]?.sourceUrl ?? null,
  };
}

/** A published result as loaded, with its sources (primary first) and stored dimension scores. */
export interface LoadedResult extends Omit<StoredResult, "sourceCount" | "sources"> {
  year: number;
  /** JSON of hundredths by dimension code, as stored. */
  dimensionScores: string | null;
  sources: StoredSource[];
}

/** A published group statement as loaded. */
export interface LoadedStatement {
  id: number;
  year: number;
  province: { id: number; name: string; slug: string } | null;
  entityGroup: string;
  zone: string | null;
  category: string | null;
  opinion: string | null;
  sourceUrl: string;
  yearInferred: boolean;
  members: { entity: { name: string; slug: string; type: string } }[];
}

/** Everything the record is built from: what lib/record loads from the database, or a test gives. */
export interface RecordSource {
  /** Published results, in the order they were stored. */
  results: LoadedResult[];
  methodologies: Map<number, MethodologyRecord>;
  factRows: FactRow[];
  /** Groups an admin marked complete. */
  marks: { year: number; provinceId: number | null; entityGroup: string }[];
  /** Published group statements (none when absent). */
  statements?: LoadedStatement[];
  entities: EntityRecord[];
  provinces: ProvinceRecord[];
}

type ResultRow = LoadedResult;
type MarkKey = string;

/**
 * The published results of some years (all when `years` is null), each with its sources. The
 * sources come in a query of their own: much faster than loading them as a relation of each
 * result (or counting them per result).
 */
async function loadResults(prisma: PrismaClient, years: readonly number[] | null): Promise<LoadedResult[]> {
  const where = years ? { ...PUBLIC_RESULT_WHERE, year: { in: [...years] } } : PUBLIC_RESULT_WHERE;
  const [results, sources] = await Promise.all([
    prisma.result.findMany({
      where,
      select: {
        id: true,
        year: true,
        score: true,
        dimensionScores: true,
        publishedZone: true,
        publishedCategory: true,
        publishedOpinion: true,
        publishedNationalRank: true,
        publishedProvinceRank: true,
        hasConflict: true,
        sourceUrl: true,
        entity: { select: { name: true, slug: true, type: true } },
        province: { select: { id: true, name: true, slug: true } },
      },
      orderBy: { id: "asc" },
    }),
    prisma.resultSource.findMany({
      where: { result: where },
      select: {
        resultId: true,
        id: true,
        isPrimary: true,
        score: true,
        zone: true,
        category: true,
        opinion: true,
        nationalRank: true,
        provinceRank: true,
        sourceUrl: true,
        yearInferred: true,
        rankFromList: true,
        provinceRankWithinType: true,
        disputed: true,
      },
      orderBy: [{ resultId: "asc" }, { isPrimary: "desc" }, { id: "asc" }],
    }),
  ]);
  const byResult = new Map<number, LoadedResult["sources"]>();
  for (const { resultId, ...source } of sources) {
    const list = byResult.get(resultId);
    if (list) list.push(source);
    else byResult.set(resultId, [source]);
  }
  return results.map((r) => ({ ...r, sources: byResult.get(r.id) ?? [] }));
}

const FACT_SELECT = { year: true, provinceId: true, entityGroup: true, metric: true, value: true, sourceUrl: true } as const;
const markKey = (year: number, provinceId: number | null, group: string): MarkKey => `${year}|${provinceId ?? "N"}|${group}`;

/** The published group statements of some years (all when `years` is null), members in name order. */
async function loadStatements(prisma: PrismaClient, years: readonly number[] | null): Promise<LoadedStatement[]> {
  return prisma.groupStatement.findMany({
    where: years ? { ...PUBLIC_STATEMENT_WHERE, year: { in: [...years] } } : PUBLIC_STATEMENT_WHERE,
    select: {
      id: true,
      year: true,
      province: { select: { id: true, name: true, slug: true } },
      entityGroup: true,
      zone: true,
      category: true,
      opinion: true,
      sourceUrl: true,
      yearInferred: true,
      members: { select: { entity: { select: { name: true, slug: true, type: true } } }, orderBy: { entity: { name: "asc" } } },
    },
    orderBy: { id: "asc" },
  });
}

function statementsOf(statements: readonly LoadedStatement[]): Map<number, GroupStatementRecord[]> {
  const byYear = new Map<number, GroupStatementRecord[]>();
  for (const st of statements) {
    const record: GroupStatementRecord = {
      id: st.id,
      year: st.year,
      province: st.province,
      entityGroup: st.entityGroup,
      zone: st.zone as Zone | null,
      category: st.category as Category | null,
      opinion: st.opinion,
      sourceUrl: st.sourceUrl,
      yearInferred: st.yearInferred,
      members: st.members.map((m) => ({ ...m.entity, type: m.entity.type as EntityType })),
    };
    const list = byYear.get(st.year);
    if (list) list.push(record);
    else byYear.set(st.year, [record]);
  }
  return byYear;
}

/** What the record is built from beside the results: kept so that single years can be rebuilt. */
interface Inputs {
  methodologies: Map<number, MethodologyRecord>;
  factRows: FactRow[];
  statements: LoadedStatement[];
  marks: Set<MarkKey>;
  /** Every entity and province (they belong to no year: a change to one rebuilds everything). */
  entities: EntityRecord[];
  provinces: ProvinceRecord[];
}

/** Text in the database's order (SQLite compares text by its bytes). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function loadEntities(prisma: PrismaClient): Promise<EntityRecord[]> {
  const rows = await prisma.entity.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      type: true,
      province: { select: { name: true, slug: true } },
      regency: { select: { code: true } },
      aliases: { select: { alias: true, key: true }, orderBy: { alias: "asc" } },
    },
  });
  return rows.map((e) => ({
    id: e.id,
    slug: e.slug,
    name: e.name,
    type: e.type as EntityType,
    province: e.province,
    regencyCode: e.regency?.code ?? null,
    aliases: e.aliases.map((a) => a.alias),
    aliasKeys: e.aliases.map((a) => a.key),
  }));
}

async function loadProvinces(prisma: PrismaClient): Promise<ProvinceRecord[]> {
  const rows = await prisma.province.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, slug: true, formedIn: true, formedOn: true, formedBy: true, splitFrom: { select: { slug: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    slug: p.slug,
    formedIn: p.formedIn,
    formedOn: p.formedOn ? p.formedOn.toISOString().slice(0, 10) : null,
    formedBy: p.formedBy,
    splitFrom: p.splitFrom?.slug ?? null,
  }));
}

/** Load the year-specific inputs of some years (all when `years` is null). */
async function loadYears(prisma: PrismaClient, years: readonly number[] | null) {
  const inYears = years ? { year: { in: [...years] } } : {};
  const [results, methodologies, factRows, marks, statements] = await Promise.all([
    loadResults(prisma, years),
    loadMethodologies(prisma, years ?? undefined),
    prisma.publishedFact.findMany({ where: inYears, select: FACT_SELECT, orderBy: { id: "asc" } }),
    prisma.groupCompleteness.findMany({ where: { complete: true, ...inYears }, select: { year: true, provinceId: true, entityGroup: true } }),
    loadStatements(prisma, years),
  ]);
  return { results, methodologies, factRows, marks, statements };
}

const markSet = (marks: RecordSource["marks"]): Set<MarkKey> => new Set(marks.map((m) => markKey(m.year, m.provinceId, m.entityGroup)));

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

/** Sources and dimension scores by result id; a result with neither has no entry (most at national scale). */
function detailsOf(results: readonly ResultRow[]): Map<number, ResultDetail> {
  const details = new Map<number, ResultDetail>();
  for (const r of results) {
    const dimensionScores = parseDimensions(r.dimensionScores);
    if (r.sources.length === 0 && dimensionScores === null) continue;
    details.set(r.id, {
      sources: r.sources.map((s) => ({ ...s, zone: s.zone as Zone | null, category: s.category as Category | null })),
      dimensionScores,
    });
  }
  return details;
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
  return buildYearRows(
    year,
    results.map((r) => yearResultInput({ ...r, sourceCount: r.sources.length })),
    inputs.methodologies.get(year) ?? null,
    yearFacts(year, facts, (provinceId, group) => inputs.marks.has(markKey(year, provinceId, group))),
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

/** The public entities, each with its published results (oldest first). */
function entityDirectory(
  all: readonly EntityRecord[],
  rowsByYear: ReadonlyMap<number, YearRow[]>,
  statements: readonly LoadedStatement[],
): EntityDirectory {
  const history = new Map<string, DatedRow[]>();
  for (const year of [...rowsByYear.keys()].sort((a, b) => a - b)) {
    for (const row of rowsByYear.get(year)!) {
      const list = history.get(row.entity.slug);
      if (list) list.push({ year, row });
      else history.set(row.entity.slug, [{ year, row }]);
    }
  }
  // A published group statement names its members: they are published with it.
  const named = new Set(statements.flatMap((st) => st.members.map((m) => m.entity.slug)));
  const list = all.filter((entity) => isEntityPublic(entity, history.get(entity.slug) ?? [], named.has(entity.slug)));
  return {
    list,
    bySlug: new Map(list.map((e) => [e.slug, e])),
    history: new Map(list.map((e) => [e.slug, history.get(e.slug) ?? []])),
  };
}

function assemble(rowsByYear: Map<number, YearRow[]>, detailsByYear: Map<number, Map<number, ResultDetail>>, inputs: Inputs, facts: FactIndex): PublicDataset {
  const years = [...rowsByYear.keys()].sort((a, b) => b - a);
  const ordered = new Map(years.map((y) => [y, rowsByYear.get(y)!]));
  return {
    years,
    methodologies: inputs.methodologies,
    rowsByYear: ordered,
    detailsByYear: new Map(years.map((y) => [y, detailsByYear.get(y)!])),
    statementsByYear: statementsOf(inputs.statements),
    facts,
    provinces: inputs.provinces,
    entities: entityDirectory(inputs.entities, ordered, inputs.statements),
    inputs,
  };
}

async function loadPublicDataset(prisma: PrismaClient): Promise<PublicDataset> {
  const [years, entities, provinces] = await Promise.all([loadYears(prisma, null), loadEntities(prisma), loadProvinces(prisma)]);
  return buildPublicDataset({ ...years, entities, provinces });
}

/** The public record from what it is built of (pure: the database is read before). */
export function buildPublicDataset(source: RecordSource): PublicDataset {
  const inputs: Inputs = {
    methodologies: source.methodologies,
    factRows: source.factRows,
    statements: source.statements ?? [],
    marks: markSet(source.marks),
    entities: [...source.entities].sort((a, b) => byText(a.type, b.type) || byText(a.name, b.name) || a.id - b.id),
    provinces: [...source.provinces].sort((a, b) => byText(a.code, b.code)),
  };
  const facts = new FactIndex(inputs.factRows);
  const history: History = new Map();
  for (const r of source.results) {
    addToHistory(history, r.entity.slug, { year: r.year, score: r.score, methodologyName: inputs.methodologies.get(r.year)?.name ?? null });
  }
  const rowsByYear = new Map<number, YearRow[]>();
  const detailsByYear = new Map<number, Map<number, ResultDetail>>();
  for (const [year, list] of groupByYear(source.results)) {
    rowsByYear.set(year, buildYear(year, list, inputs, facts, history));
    detailsByYear.set(year, detailsOf(list));
  }
  return assemble(rowsByYear, detailsByYear, inputs, facts);
}

/**
 * The public record with only `touched` years rebuilt from the database; every other year keeps
 * its rows (the same objects), except that a row whose change from the previous result depends
 * on a rebuilt year gets that change again. Gives what a full build would give (tested).
 */
async function rebuildYears(prisma: PrismaClient, previous: PublicDataset, touched: ReadonlySet<number>): Promise<PublicDataset> {
  const years = [...touched];
  const fresh = await loadYears(prisma, years);
  const old = previous.inputs;
  const methodologies = new Map([...old.methodologies].filter(([y]) => !touched.has(y)));
  for (const [y, m] of fresh.methodologies) methodologies.set(y, m);
  const inputs: Inputs = {
    methodologies,
    factRows: [...old.factRows.filter((f) => !touched.has(f.year)), ...fresh.factRows],
    statements: [...old.statements.filter((st) => !touched.has(st.year)), ...fresh.statements],
    marks: new Set([...[...old.marks].filter((k) => !touched.has(Number(k.slice(0, k.indexOf("|"))))), ...markSet(fresh.marks)]),
    entities: old.entities,
    provinces: old.provinces,
  };
  const facts = new FactIndex(inputs.factRows);
  const history: History = new Map();
  for (const [year, rows] of previous.rowsByYear) {
    if (touched.has(year)) continue;
    const methodologyName = methodologies.get(year)?.name ?? null;
    for (const row of rows) addToHistory(history, row.entity.slug, { year, score: row.score, methodologyName });
  }
  for (const r of fresh.results) {
    addToHistory(history, r.entity.slug, { year: r.year, score: r.score, methodologyName: methodologies.get(r.year)?.name ?? null });
  }
  const rowsByYear = new Map<number, YearRow[]>();
  const detailsByYear = new Map<number, Map<number, ResultDetail>>();
  const firstTouched = Math.min(...years);
  for (const [year, rows] of previous.rowsByYear) {
    if (touched.has(year)) continue;
    rowsByYear.set(year, year > firstTouched ? withChangesFrom(rows, year, methodologies.get(year)?.name ?? null, history) : rows);
    detailsByYear.set(year, previous.detailsByYear.get(year)!);
  }
  for (const [year, list] of groupByYear(fresh.results)) {
    rowsByYear.set(year, buildYear(year, list, inputs, facts, history));
    detailsByYear.set(year, detailsOf(list));
  }
  return assemble(rowsByYear, detailsByYear, inputs, facts);
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
