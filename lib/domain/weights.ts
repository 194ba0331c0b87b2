/**
 * A year's dimension weights, in hundredths of a percent (21,85 % → 2185). A weight may be
 * unpublished (null). The published ones may not add up to more than 100 %, and when every
 * dimension has one they must add up to exactly 100 %.
 */
export type WeightProblem = { kind: "over"; total: number } | { kind: "under"; total: number };

export const FULL_WEIGHT = 10000;

export function validateWeights(weights: readonly (number | null)[]): WeightProblem | null {
  const known = weights.filter((w): w is number => w !== null);
  const total = known.reduce((sum, w) => sum + w, 0);
  if (total > FULL_WEIGHT) return { kind: "over", total };
  if (known.length > 0 && known.length === weights.length && total !== FULL_WEIGHT) return { kind: "under", total };
  return null;
}
