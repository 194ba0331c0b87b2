import type { PrismaClient } from "@/lib/generated/prisma/client";
import { byScoreThenName } from "@/lib/domain/order";
import { groupCompleteness } from "@/lib/domain/completeness";
import { describeCoverage, type Coverage } from "@/lib/domain/coverage";
import { trendPoint, zoneDistribution, type TrendPoint, type ZoneDistribution } from "@/lib/domain/distribution";
import { topList, type TopList } from "@/lib/domain/leaders";
import { pickPublishedCount, pickZoneCounts } from "@/lib/domain/published-facts";
import { ENTITY_TYPES, ZONES, type Band, type EntityType, type Zone } from "@/lib/domain/types";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type PublicDataset } from "./dataset";
import { overviewQuery, type OverviewQuery } from "./query";
import { chooseYear, nationalYearOptions, type YearChoice } from "./years";

export interface TypeOverview {
  type: EntityType;
  recorded: number;
  scored: number;
  /** Number assessed nationally, as published, and the sources that state it. */
  assessed: number | null;
  assessedSources: string[];
  complete: boolean;
  /**
   * Zones of the recorded results: from verified bands, else as a source states them. Results
   * whose zone is not established (a year with unverified bands, no zone stated) are left out
   * and counted in `unknown`.
   */
  distribution: ZoneDistribution;
  /** How much of the type the zone counts rest on: results with a zone, of the number assessed. */
  zoneCoverage: Coverage;
  /** National zone counts of the type as published, per zone where a source gives it, with its source. */
  published: Partial<Record<Zone, { count: number; sourceUrl: string | null }>>;
  /** The type's top (and, when complete, bottom) results, never contradicting a published rank. */
  leaders: TopList<YearRow>;
}

export interface Overview {
  years: number[];
  year: number | null;
  /** Why this year: asked for, or the newest with a meaningful share of results; every year's coverage. */
  yearChoice: YearChoice | null;
  methodology: { name: string; bandsVerified: boolean; bands: readonly Band[] } | null;
  types: TypeOverview[];
  trend: (TrendPoint & { sourcesDiffer: boolean })[];
}

const TOP = 5;

/** The home page: per-type zone distribution, the types' leaders, and the national trend. */
export function overviewView(dataset: PublicDataset, query: OverviewQuery): Overview {
  const yearChoice = chooseYear(nationalYearOptions(dataset), query.tahun);
  const year = yearChoice?.year ?? null;
  const rows = year !== null ? (dataset.rowsByYear.get(year) ?? []) : [];
  const types: TypeOverview[] = [];
  for (const type of ENTITY_TYPES) {
    const members = rows.filter((r) => r.entity.type === type);
    if (members.length === 0 || year === null) continue;
    const published: TypeOverview["published"] = {};
    for (const zone of ZONES) {
      const count = pickPublishedCount(dataset.facts.get(year, null, type, `count_${zone.toLowerCase()}`));
      if (count) published[zone] = { count: count.value, sourceUrl: count.sourceUrl };
    }
    const assessed = dataset.facts.assessedFigure(year, null, type);
    const complete = members[0]!.rank.complete;
    const distribution = zoneDistribution(members.map((m) => m.zone));
    types.push({
      type,
      recorded: members.length,
      scored: members.filter((r) => r.score !== null).length,
      assessed: assessed?.value ?? null,
      assessedSources: assessed?.sources ?? [],
      complete,
      distribution,
      zoneCoverage: describeCoverage(distribution.total, assessed?.value ?? null, complete && distribution.unknown === 0),
      published,
      leaders: topList([...members].sort(byScoreThenName), TOP, (row) => row.nationalRank),
    });
  }
  const methodology = year !== null ? dataset.methodologies.get(year) : undefined;
  return {
    years: dataset.years,
    year,
    yearChoice,
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
