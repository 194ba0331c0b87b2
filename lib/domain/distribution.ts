import { roundHalfUpDivide } from "./average";
import { ZONES, type Zone } from "./types";

/** How many results fall in each zone, with shares for display. */
export interface ZoneDistribution {
  counts: Record<Zone, number>;
  /** Results with a zone (the base of the percentages). */
  total: number;
  /** Results without any zone (neither a score nor a published zone). */
  unknown: number;
  /** Share of each zone in tenths of a percent (42,9 % → 429), rounded half-up. */
  shareTenths: Record<Zone, number>;
}

export function zoneDistribution(zones: readonly (Zone | null)[]): ZoneDistribution {
  const counts: Record<Zone, number> = { HIJAU: 0, KUNING: 0, MERAH: 0 };
  let unknown = 0;
  for (const zone of zones) {
    if (zone) counts[zone]++;
    else unknown++;
  }
  return fromCounts(counts, unknown);
}

/** A distribution from counts (e.g. published national counts). */
export function fromCounts(counts: Record<Zone, number>, unknown = 0): ZoneDistribution {
  const total = ZONES.reduce((sum, z) => sum + counts[z], 0);
  const shareTenths = { HIJAU: 0, KUNING: 0, MERAH: 0 } as Record<Zone, number>;
  if (total > 0) for (const z of ZONES) shareTenths[z] = roundHalfUpDivide(counts[z] * 1000, total);
  return { counts: { ...counts }, total, unknown, shareTenths };
}

export interface TrendPoint {
  year: number;
  distribution: ZoneDistribution;
  /** "published": national counts as a source gives them; "recorded": counted from the results
   * on record only, which is not the whole when fewer were recorded than assessed. */
  basis: "published" | "recorded";
  /** For "recorded": whether the recorded results cover everyone assessed. */
  complete: boolean;
  sourceUrl: string | null;
}

/**
 * One year of the national zone-count trend: the published counts when a source gives all
 * three zones, otherwise the recorded results' counts, marked as such.
 */
export function trendPoint(
  year: number,
  published: { counts: Record<Zone, number>; sourceUrl: string | null } | null,
  recorded: ZoneDistribution,
  recordedComplete: boolean,
): TrendPoint {
  if (published) {
    return { year, distribution: fromCounts(published.counts), basis: "published", complete: true, sourceUrl: published.sourceUrl };
  }
  return { year, distribution: recorded, basis: "recorded", complete: recordedComplete, sourceUrl: null };
}
