import type { PrismaClient } from "@/lib/generated/prisma/client";
import { byScoreThenName } from "@/lib/domain/order";
import { groupCompleteness } from "@/lib/domain/completeness";
import { trendPoint, zoneDistribution, type TrendPoint, type ZoneDistribution } from "@/lib/domain/distribution";
import { pickPublishedCount, pickZoneCounts } from "@/lib/domain/published-facts";
import { ENTITY_TYPES, ZONES, type Band, type EntityType, type Zone } from "@/lib/domain/types";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, resolveYear, type PublicDataset } from "./dataset";
import { overviewQuery, type OverviewQuery } from "./query";

export interface TypeOverview {
  type: EntityType;
  recorded: number;
  scored: number;
  /** Number assessed nationally, as published. */
  assessed: number | null;
  complete: boolean;
  /** Zones of the recorded results (computed from the score, else as published). */
  distribution: ZoneDistribution;
  /** National zone counts of the type as published, per zone where a source gives it. */
  published: Partial<Record<Zone, number>>;
  top: YearRow[];
  bottom: YearRow[];
}

export interface Overview {
  years: number[];
  year: number | null;
  methodology: { name: string; bandsVerified: boolean; bands: readonly Band[] } | null;
  types: TypeOverview[];
  trend: (TrendPoint & { sourcesDiffer: boolean })[];
}

const TOP = 5;

/** The home page: per-type zone distribution, top and bottom five, and the national trend. */
export function overviewView(dataset: PublicDataset, query: OverviewQuery): Overview {
  const year = resolveYear(dataset.years, query.tahun);
  const rows = year !== null ? (dataset.rowsByYear.get(year) ?? []) : [];
  const types: TypeOverview[] = [];
  for (const type of ENTITY_TYPES) {
    const members = rows.filter((r) => r.entity.type === type);
    if (members.length === 0 || year === null) continue;
    const scored = members.filter((r) => r.score !== null).sort(byScoreThenName);
    const published: Partial<Record<Zone, number>> = {};
    for (const zone of ZONES) {
      const count = pickPublishedCount(dataset.facts.get(year, null, type, `count_${zone.toLowerCase()}`));
      if (count) published[zone] = count.value;
    }
    types.push({
      type,
      recorded: members.length,
      scored: scored.length,
      assessed: dataset.facts.assessed(year, null, type),
      complete: members[0]!.rank.complete,
      distribution: zoneDistribution(members.map((m) => m.zone)),
      published,
      top: scored.slice(0, TOP),
      bottom: scored.length > TOP ? scored.slice(Math.max(TOP, scored.length - TOP)).reverse() : [],
    });
  }
  const methodology = year !== null ? dataset.methodologies.get(year) : undefined;
  return {
    years: dataset.years,
    year,
    methodology: methodology ? { name: methodology.name, bandsVerified: methodology.bandsVerified, bands: methodology.bands } : null,
    types,
    trend: nationalTrend(dataset),
  };
}

/** National zone counts per year, oldest first: published counts where a source gives all
 * three zones, else the recorded results' counts, marked as such. */
export function nationalTrend(dataset: PublicDataset): Overview["trend"] {
  return [...dataset.years].sort((a, b) => a - b).map((y) => {
    const all = dataset.rowsByYear.get(y) ?? [];
    const assessed = pickPublishedCount(dataset.facts.get(y, null, "ALL", "count_assessed"))?.value ?? null;
    const published = pickZoneCounts(
      {
        HIJAU: dataset.facts.get(y, null, "ALL", "count_hijau"),
        KUNING: dataset.facts.get(y, null, "ALL", "count_kuning"),
        MERAH: dataset.facts.get(y, null, "ALL", "count_merah"),
      },
      assessed,
    );
    const recordedComplete = groupCompleteness({ scoredCount: all.length, publishedAssessedCount: assessed, markedComplete: false }).complete;
    return { ...trendPoint(y, published, zoneDistribution(all.map((r) => r.zone)), recordedComplete), sourcesDiffer: published?.sourcesDiffer ?? false };
  });
}

export async function getOverview(tahun: string | undefined, prisma?: PrismaClient): Promise<Overview> {
  return overviewView(await getPublicDataset(prisma), overviewQuery.lenient({ tahun }).value);
}
