/** Standard competition ranking ("1224"): tied scores share a rank, the next rank skips. */

export interface Ranked<T> {
  item: T;
  /** 1-based rank; equal scores share it. */
  rank: number;
  /** How many items were ranked (the "N" in "rank n of N"). */
  of: number;
  /** True when at least one other item has the same score. */
  tied: boolean;
}

/**
 * Rank items by score, highest first. Items without a score (null) are not ranked: a
 * result published only as a zone or category stays out of ranks. The input order breaks
 * no ties (ties share the rank); it only orders tied items in the output.
 */
export function rankWithTies<T>(items: readonly T[], scoreOf: (item: T) => number | null): Ranked<T>[] {
  const scored = items
    .map((item, index) => ({ item, index, score: scoreOf(item) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null);
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const counts = new Map<number, number>();
  for (const entry of scored) counts.set(entry.score, (counts.get(entry.score) ?? 0) + 1);
  const of = scored.length;
  const out: Ranked<T>[] = [];
  let rank = 0;
  scored.forEach((entry, position) => {
    if (position === 0 || entry.score !== scored[position - 1]!.score) rank = position + 1;
    out.push({ item: entry.item, rank, of, tied: counts.get(entry.score)! > 1 });
  });
  return out;
}

/** Rank within every group given by keyOf (e.g. year × type, or year × type × province). */
export function rankWithinGroups<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  scoreOf: (item: T) => number | null,
): Map<T, Ranked<T>> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const byItem = new Map<T, Ranked<T>>();
  for (const group of groups.values()) {
    for (const ranked of rankWithTies(group, scoreOf)) byItem.set(ranked.item, ranked);
  }
  return byItem;
}

/**
 * Where a score falls in a published ranked list of scores (highest first), e.g. the five
 * Polres scores of Kalimantan Selatan 2025 of which the source names only one. Same
 * competition ranking as rankWithTies; null when the score is not in the list.
 */
export function rankInPublishedScores(
  score: number,
  publishedScores: readonly number[],
): { rank: number; of: number; tied: boolean } | null {
  if (!publishedScores.includes(score)) return null;
  const higher = publishedScores.filter((s) => s > score).length;
  const same = publishedScores.filter((s) => s === score).length;
  return { rank: higher + 1, of: publishedScores.length, tied: same > 1 };
}
