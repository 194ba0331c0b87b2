import type { Band, Category, Methodology, Zone } from "./types";

export interface Classification {
  zone: Zone;
  category: Category | null;
  label: string;
  /** False when the year's bands are not verified: show the result with that caveat. */
  verified: boolean;
}

/**
 * Classify a score (hundredths) with a year's methodology. Returns null when there is no
 * methodology for the year, when it has no bands, or when no band covers the score
 * (bands are validated to cover 0–100, so that means a broken methodology).
 */
export function classifyScore(
  scoreHundredths: number,
  methodology: Methodology | null | undefined,
): Classification | null {
  if (!methodology) return null;
  const band = findBand(scoreHundredths, methodology.bands);
  if (!band) return null;
  return {
    zone: band.zone,
    category: band.category,
    label: band.label,
    verified: methodology.bandsVerified,
  };
}

/**
 * Nothing invented: a zone or category is derived from a score only with bands a full published
 * table confirms (`bandsVerified`). In a year whose bands are not verified (2019, 2025) a result
 * shows what its sources state, and its zone is "not established" unless a source states it.
 */
export function establishedClassification(
  scoreHundredths: number | null,
  methodology: Methodology | null | undefined,
): Classification | null {
  if (scoreHundredths === null || !methodology?.bandsVerified) return null;
  return classifyScore(scoreHundredths, methodology);
}

export function findBand(scoreHundredths: number, bands: readonly Band[]): Band | null {
  for (const band of bands) {
    if (scoreHundredths >= band.min && scoreHundredths <= band.max) return band;
  }
  return null;
}

export type BandProblem =
  | { kind: "empty" }
  | { kind: "inverted"; index: number }
  | { kind: "gap"; from: number; to: number }
  | { kind: "overlap"; at: number }
  | { kind: "start"; min: number }
  | { kind: "end"; max: number };

/**
 * Check that bands cover 0–100 (in hundredths) exactly once: no gaps, no overlaps.
 * Bands may be given in any order. Returns the problems found (empty when valid).
 */
export function validateBands(bands: readonly Band[]): BandProblem[] {
  if (bands.length === 0) return [{ kind: "empty" }];
  const problems: BandProblem[] = [];
  bands.forEach((band, index) => {
    if (band.min > band.max) problems.push({ kind: "inverted", index });
  });
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const first = sorted[0]!;
  if (first.min !== 0) problems.push({ kind: "start", min: first.min });
  // Compare each band with the furthest end reached so far, not only the previous band's end:
  // a band contained in a wider one must not make the next band look like it leaves a gap.
  let reach = first.max;
  for (let i = 1; i < sorted.length; i++) {
    const next = sorted[i]!;
    if (next.min <= reach) problems.push({ kind: "overlap", at: next.min });
    else if (next.min > reach + 1) problems.push({ kind: "gap", from: reach + 1, to: next.min - 1 });
    reach = Math.max(reach, next.max);
  }
  const maxEnd = Math.max(...sorted.map((b) => b.max));
  if (maxEnd !== 10000) problems.push({ kind: "end", max: maxEnd });
  return problems;
}
