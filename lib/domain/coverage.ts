/**
 * Honest coverage: every share, average and count says how many results it rests on out of how
 * many were assessed (when a source publishes that number). A share of the recorded results of a
 * group recorded in part is never the group's share: 1 of 38 Polres recorded, green, is not
 * "100 % green".
 */

export type Coverage =
  /** Every assessed result is recorded (a published count reached, or an admin marked the group complete). */
  | { kind: "whole"; counted: number; assessed: number | null }
  /** Fewer recorded than the published number assessed. */
  | { kind: "part"; counted: number; assessed: number }
  /** Some recorded; how many were assessed is not published. */
  | { kind: "unknown-total"; counted: number }
  /** Nothing recorded to count. */
  | { kind: "none"; assessed: number | null };

export function describeCoverage(counted: number, assessed: number | null, complete: boolean): Coverage {
  if (counted === 0) return { kind: "none", assessed };
  if (complete) return { kind: "whole", counted, assessed };
  if (assessed === null) return { kind: "unknown-total", counted };
  if (counted >= assessed) return { kind: "whole", counted, assessed };
  return { kind: "part", counted, assessed };
}

/** Whether a share of the counted results may be stated as the group's share (no count beside it). */
export function isGroupShare(coverage: Coverage): boolean {
  return coverage.kind === "whole";
}

export interface YearCoverage {
  year: number;
  /** Published results recorded for the year. */
  recorded: number;
}

/** A year is shown first when it has at least this share of the best-covered year's results. */
export const MEANINGFUL_SHARE = { numerator: 1, denominator: 2 } as const;

export interface DefaultYear {
  year: number;
  /** The year with the most recorded results: the yardstick. */
  best: YearCoverage;
  /** The newest year, when it is not the one shown (too few results yet). */
  newerSkipped: YearCoverage[];
}

/**
 * The year a view opens on: the newest year whose recorded results number at least half of the
 * best-covered year's. The public record fills slowly after an announcement (2025: 34 results
 * against 154 for 2022), and a page opening on a nearly empty year reads as if nothing happened.
 * Null without any year. An explicit `?tahun=` always wins over this.
 */
export function defaultYear(years: readonly YearCoverage[]): DefaultYear | null {
  if (years.length === 0) return null;
  const newestFirst = [...years].sort((a, b) => b.year - a.year);
  const best = newestFirst.reduce((top, y) => (y.recorded > top.recorded ? y : top), newestFirst[0]!);
  const meaningful = (y: YearCoverage) => y.recorded * MEANINGFUL_SHARE.denominator >= best.recorded * MEANINGFUL_SHARE.numerator;
  const index = newestFirst.findIndex(meaningful);
  return { year: newestFirst[index]!.year, best, newerSkipped: newestFirst.slice(0, index) };
}
