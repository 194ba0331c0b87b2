/**
 * The orders results are listed in. "Score descending, then name" is how every ranking reads
 * (the national and provincial groups, the home page's top five, the rankings API); names sort
 * as Indonesian readers expect. One collator serves every comparison (the same order as
 * `localeCompare(other, "id")`, without looking the locale up per call).
 */
const NAMES = new Intl.Collator("id");

/** Two names in Indonesian alphabetical order. */
export function compareNames(a: string, b: string): number {
  return NAMES.compare(a, b);
}

export interface ScoredEntity {
  score: number | null;
  entity: { name: string };
}

/** Highest score first, results without a score last; equal scores by name. */
export function byScoreThenName(a: ScoredEntity, b: ScoredEntity): number {
  return (b.score ?? -1) - (a.score ?? -1) || compareNames(a.entity.name, b.entity.name);
}

/** By the entity's name alone. */
export function byName(a: ScoredEntity, b: ScoredEntity): number {
  return compareNames(a.entity.name, b.entity.name);
}
