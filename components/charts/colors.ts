/** Zone colours for charts and the map (the text label always accompanies them). */
export const ZONE_FILL = { HIJAU: "#15803d", KUNING: "#eab308", MERAH: "#b91c1c" } as const;
export const ZONE_BAND_FILL = { HIJAU: "#dcfce7", KUNING: "#fef9c3", MERAH: "#fee2e2" } as const;
/** Distinguishable series colours (Okabe–Ito), for up to four compared entities. */
export const SERIES = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"] as const;
export const SERIES_DASH = ["", "6 3", "2 2", "8 3 2 3"] as const;

/** The n-th compared entity's line: colour and dash pattern (undefined = solid), the same in
 * the chart and in its key. */
export function seriesStroke(index: number): { color: string; dash: string | undefined } {
  return { color: SERIES[index % SERIES.length]!, dash: SERIES_DASH[index % SERIES_DASH.length] || undefined };
}
