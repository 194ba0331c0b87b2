/** Distinguishable series colours (Okabe–Ito), for up to four compared entities. Zone colours: components/ui/zone-palette.ts. */
export const SERIES = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"] as const;
export const SERIES_DASH = ["", "6 3", "2 2", "8 3 2 3"] as const;

/** The n-th compared entity's line: colour and dash pattern (undefined = solid), the same in
 * the chart and in its key. */
export function seriesStroke(index: number): { color: string; dash: string | undefined } {
  return { color: SERIES[index % SERIES.length]!, dash: SERIES_DASH[index % SERIES_DASH.length] || undefined };
}
