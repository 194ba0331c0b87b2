import type { Category, Zone } from "./types";

/**
 * Where each figure of a result comes from. A result is one primary value chosen among several
 * reports (lib/domain/primary.ts); a reader quoting a figure must see which sources state the
 * value shown (`statedBy`), and which other values other sources state (`alternatives`). A
 * figure Rapor computes itself (a zone from verified bands, a rank over a complete group) says
 * so (`computed`) and rests on the methodology, never on an article.
 */

/** One source's report of a result, as the figures need it. */
export interface ReportedFigures {
  /** The stored source row; null for a published group figure (a PublishedFact). */
  sourceId: number | null;
  url: string;
  score: number | null;
  zone: Zone | null;
  category: Category | null;
  opinion: string | null;
  nationalRank: number | null;
  provinceRank: number | null;
  /** Another source states otherwise (recorded or not): the row's sources differ. */
  disputed?: boolean;
}

export interface SourceRef {
  sourceId: number | null;
  url: string;
}

export interface Alternative<T> {
  value: T;
  statedBy: readonly SourceRef[];
}

/** How Rapor computed a figure: from the year's verified bands, or a rank over a complete group. */
export type ComputedBasis = "bands" | "rank";

export interface Figure<T> {
  /** The value the tables show (null: none shown). */
  value: T | null;
  /** Sources stating that value (for a computed value: the sources that agree with it). */
  statedBy: readonly SourceRef[];
  /** Other values stated by other sources, each with its sources: a conflict when not empty. */
  alternatives: readonly Alternative<T>[];
  computed: ComputedBasis | null;
}

export const FIGURE_KEYS = ["score", "zone", "category", "opinion", "nationalRank", "provinceRank"] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface ResultFigures {
  score: Figure<number>;
  zone: Figure<Zone>;
  category: Figure<Category>;
  opinion: Figure<string>;
  nationalRank: Figure<number>;
  provinceRank: Figure<number>;
}

/** The values a result shows, and which of them Rapor computed. */
export interface ShownFigures {
  score: number | null;
  zone: { value: Zone | null; computed: boolean };
  category: { value: Category | null; computed: boolean };
  opinion: string | null;
  nationalRank: { value: number | null; computed: boolean };
  provinceRank: { value: number | null; computed: boolean };
}

/** Opinion labels are compared as words: case and spacing are the sources' typography, not a disagreement. */
export function sameOpinion(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return norm(a) === norm(b);
}

/** Nothing: shared by every empty list and figure (a national record holds tens of thousands of figures). */
export const NONE: readonly never[] = Object.freeze([]);
const EMPTY_FIGURE: Figure<never> = Object.freeze({ value: null, statedBy: NONE, alternatives: NONE, computed: null });

/** Each report's source as a one-element list, made once and shared by the report's figures. */
const singles = new WeakMap<ReportedFigures, readonly SourceRef[]>();
function single(report: ReportedFigures): readonly SourceRef[] {
  let list = singles.get(report);
  if (!list) {
    list = Object.freeze([Object.freeze({ sourceId: report.sourceId, url: report.url })]);
    singles.set(report, list);
  }
  return list;
}

/** A list with one more source (the same list when the source is in it already). */
function withSource(list: readonly SourceRef[], report: ReportedFigures): readonly SourceRef[] {
  if (list.length === 0) return single(report);
  if (list.some((r) => r.url === report.url)) return list;
  return [...list, ...single(report)];
}

/**
 * One figure of a result from its reports: the sources stating the value shown, and every other
 * value a source states, in the order the reports come (the primary first). A source is listed
 * once per value even when two of its rows state it.
 */
export function figureOf<T>(
  reports: readonly ReportedFigures[],
  pick: (report: ReportedFigures) => T | null,
  value: T | null,
  computed: ComputedBasis | null,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
): Figure<T> {
  let statedBy: readonly SourceRef[] = NONE;
  let alternatives: Alternative<T>[] | null = null;
  for (const report of reports) {
    const stated = pick(report);
    if (stated === null) continue;
    if (value !== null && same(stated, value)) {
      statedBy = withSource(statedBy, report);
      continue;
    }
    alternatives ??= [];
    const other = alternatives.find((a) => same(a.value, stated));
    if (other) other.statedBy = withSource(other.statedBy, report);
    else alternatives.push({ value: stated, statedBy: single(report) });
  }
  if (value === null && statedBy.length === 0 && alternatives === null && computed === null) return EMPTY_FIGURE;
  return { value, statedBy, alternatives: alternatives ?? NONE, computed };
}

/** Every figure of a result from its reports and the values shown. */
export function resultFigures(reports: readonly ReportedFigures[], shown: ShownFigures): ResultFigures {
  return {
    score: figureOf(reports, (r) => r.score, shown.score, null),
    zone: figureOf(reports, (r) => r.zone, shown.zone.value, shown.zone.computed ? "bands" : null),
    category: figureOf(reports, (r) => r.category, shown.category.value, shown.category.computed ? "bands" : null),
    opinion: figureOf(reports, (r) => r.opinion, shown.opinion, null, sameOpinion),
    nationalRank: figureOf(reports, (r) => r.nationalRank, shown.nationalRank.value, shown.nationalRank.computed ? "rank" : null),
    provinceRank: figureOf(reports, (r) => r.provinceRank, shown.provinceRank.value, shown.provinceRank.computed ? "rank" : null),
  };
}

/** The figures on which sources disagree (in FIGURE_KEYS order). */
export function conflictingFigures(figures: ResultFigures): FigureKey[] {
  return FIGURE_KEYS.filter((key) => figures[key].alternatives.length > 0);
}

/** The sources stating a given value of a figure (the value shown, or one of the alternatives). */
export function sourcesStating<T>(figure: Figure<T>, value: T | null): readonly SourceRef[] {
  if (value === null) return NONE;
  if (figure.value === value) return figure.statedBy;
  return figure.alternatives.find((a) => a.value === value)?.statedBy ?? NONE;
}
