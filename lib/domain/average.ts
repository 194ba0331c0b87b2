/** Averages of scores in hundredths, exact until the final half-up rounding. */

export interface Average {
  /** Mean rounded half-up to whole hundredths (two decimals) for display. */
  hundredths: number;
  /** How many scores it covers. */
  count: number;
  /** Exact sum, so callers can combine averages without re-rounding. */
  sum: number;
}

/** Mean of the non-null scores, rounded half-up to two decimals; null for an empty group. */
export function averageScore(scores: readonly (number | null)[]): Average | null {
  let sum = 0;
  let count = 0;
  for (const score of scores) {
    if (score === null) continue;
    sum += score;
    count++;
  }
  if (count === 0) return null;
  return { hundredths: roundHalfUpDivide(sum, count), count, sum };
}

/**
 * Integer division rounded half-up (half away from zero for negatives), exact for integers:
 * no float is involved, so 93,645 → 93,65 always.
 */
export function roundHalfUpDivide(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError("denominator must be positive");
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor((2 * abs + denominator) / (2 * denominator));
  // Never -0: a negative that rounds to zero is 0 (Intl would print "-0,00").
  return quotient === 0 ? 0 : sign * quotient;
}
