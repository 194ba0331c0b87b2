/** Year-over-year change of one entity's score. */

export interface YearScore {
  year: number;
  score: number | null;
  /** Name of the methodology used that year (null when the year has none on record). */
  methodologyName: string | null;
}

export interface ScoreChange {
  fromYear: number;
  toYear: number;
  /** Difference in hundredths (positive = improved); null when either score is missing. */
  delta: number | null;
  /** True when the two years used different methodologies: not like-for-like. */
  methodologyChanged: boolean;
}

export function scoreChange(previous: YearScore, current: YearScore): ScoreChange {
  const delta = previous.score !== null && current.score !== null ? current.score - previous.score : null;
  const methodologyChanged =
    previous.methodologyName === null ||
    current.methodologyName === null ||
    previous.methodologyName !== current.methodologyName;
  return { fromYear: previous.year, toYear: current.year, delta, methodologyChanged };
}

/** Change from the latest earlier year that has a result (years need not be consecutive). */
export function changeFromPrevious(history: readonly YearScore[], year: number): ScoreChange | null {
  const current = history.find((h) => h.year === year);
  if (!current) return null;
  const earlier = history.filter((h) => h.year < year).sort((a, b) => b.year - a.year);
  const previous = earlier[0];
  if (!previous) return null;
  return scoreChange(previous, current);
}

/**
 * Years (of those given, oldest first) whose methodology differs from the previous year
 * given: where a trend chart must mark that scores are not like-for-like.
 */
export function methodologyChangeYears(history: readonly { year: number; methodologyName: string | null }[]): number[] {
  const sorted = [...history].sort((a, b) => a.year - b.year);
  const out: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (previous.methodologyName === null || current.methodologyName === null || previous.methodologyName !== current.methodologyName) {
      out.push(current.year);
    }
  }
  return out;
}
