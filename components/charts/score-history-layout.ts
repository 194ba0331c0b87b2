/**
 * Where everything in the score-history chart goes, as percentages of the plot area: pure, so
 * the drawing (a server-rendered SVG) holds no arithmetic and this is unit-tested.
 *
 * x: each year is a slot of equal width, the year's point at the slot's middle; y: 0 at the
 * bottom, 100 at the top. Scores are in hundredths, as everywhere in Rapor.
 */

import type { Zone } from "@/lib/domain/types";

export interface HistorySeries {
  name: string;
  /** Score in hundredths per year; null where the year has no score. */
  points: { year: number; score: number | null }[];
}

export interface YearBands {
  year: number;
  /** Each zone's inclusive range in hundredths, e.g. 8801–10000. */
  bands: { min: number; max: number; zone: Zone }[];
}

export interface BandRect {
  zone: Zone;
  /** Left edge and width, % of the plot width. */
  x: number;
  width: number;
  /** Top edge and height, % of the plot height. */
  y: number;
  height: number;
}

export interface PlottedPoint {
  year: number;
  score: number;
  x: number;
  y: number;
}

export interface ScoreHistoryLayout {
  years: { year: number; x: number }[];
  bands: BandRect[];
  /** Dashed separators where the method changed, between the year before and this one. */
  methodChanges: { year: number; x: number }[];
  /** One list per series, in the series' order; years without a score are skipped (the line
   * joins the points on either side). */
  series: PlottedPoint[][];
  yTicks: { value: number; y: number }[];
}

export const Y_TICKS = [0, 25, 50, 75, 100] as const;

const MAX = 10000;

/** Consecutive years with the same bands drawn as one area each: a decade under one method is
 * three areas instead of thirty. */
export function bandSpans(bands: readonly YearBands[]): { from: number; to: number; bands: YearBands["bands"] }[] {
  const spans: { from: number; to: number; bands: YearBands["bands"] }[] = [];
  const same = (a: YearBands["bands"], b: YearBands["bands"]) =>
    a.length === b.length && a.every((x, i) => x.min === b[i]!.min && x.max === b[i]!.max && x.zone === b[i]!.zone);
  for (const yb of [...bands].sort((a, b) => a.year - b.year)) {
    const last = spans[spans.length - 1];
    if (last && last.to === yb.year - 1 && same(last.bands, yb.bands)) last.to = yb.year;
    else spans.push({ from: yb.year, to: yb.year, bands: yb.bands });
  }
  return spans;
}

/** % from the top of the plot for a score in hundredths (clamped to 0–100). */
export function scoreY(hundredths: number): number {
  return round(((MAX - Math.min(MAX, Math.max(0, hundredths))) / MAX) * 100);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The years shown run from the first to the last year that has a band or a point, with every
 * year between them (a gap year keeps its slot, so distances stay true to time).
 * Returns null when there is nothing to draw.
 */
export function layoutScoreHistory(input: {
  series: readonly HistorySeries[];
  bands: readonly YearBands[];
  methodChanges: readonly number[];
}): ScoreHistoryLayout | null {
  const known = [...input.bands.map((b) => b.year), ...input.series.flatMap((s) => s.points.map((p) => p.year))];
  if (known.length === 0) return null;
  const first = Math.min(...known);
  const last = Math.max(...known);
  const slot = 100 / (last - first + 1);
  const left = (year: number) => round((year - first) * slot);
  const middle = (year: number) => round((year - first + 0.5) * slot);

  const years = [];
  for (let year = first; year <= last; year++) years.push({ year, x: middle(year) });

  const bands: BandRect[] = [];
  for (const span of bandSpans(input.bands)) {
    for (const band of span.bands) {
      // A band covers its range up to where the next one starts (8000 → up to 8001), so
      // adjacent zones meet without a hairline gap.
      const top = scoreY(Math.min(MAX, band.max + (band.max < MAX ? 1 : 0)));
      const bottom = scoreY(band.min);
      bands.push({
        zone: band.zone,
        x: left(span.from),
        width: round((span.to - span.from + 1) * slot),
        y: top,
        height: round(bottom - top),
      });
    }
  }

  const methodChanges = input.methodChanges.filter((y) => y > first && y <= last).map((year) => ({ year, x: left(year) }));

  const series = input.series.map((s) =>
    [...s.points]
      .filter((p): p is { year: number; score: number } => p.score !== null)
      .sort((a, b) => a.year - b.year)
      .map((p) => ({ year: p.year, score: p.score, x: middle(p.year), y: scoreY(p.score) })),
  );

  return { years, bands, methodChanges, series, yTicks: Y_TICKS.map((value) => ({ value, y: scoreY(value * 100) })) };
}

/** Which year labels fit on a narrow screen: every other one, always keeping the last year. */
export function keepOnNarrow(index: number, count: number): boolean {
  return count <= 6 || (count - 1 - index) % 2 === 0;
}
