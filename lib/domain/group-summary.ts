import { averageScore } from "./average";
import { presentAverage, type AverageView, type Completeness, type PublishedAverage } from "./completeness";
import { zoneDistribution, type ZoneDistribution } from "./distribution";
import { rankWithTies } from "./rank";
import type { Zone } from "./types";

export interface SummaryMember {
  score: number | null;
  zone: Zone | null;
}

export interface GroupSummary<T extends SummaryMember> {
  /** Results recorded (with or without a score). */
  recorded: number;
  /** Results without a score: shown with their published zone, outside ranks and averages. */
  unscored: number;
  average: AverageView;
  /** Highest score(s) among the recorded results (several when tied). Whether that is the
   * best of the whole group depends on completeness, which callers must state. */
  best: T[];
  distribution: ZoneDistribution;
}

/** Average (stated honestly for the group's completeness), best entity and zone counts of a
 * group such as the Polres of one province in one year. */
export function summarizeGroup<T extends SummaryMember>(
  members: readonly T[],
  completeness: Completeness,
  published: PublishedAverage | null,
): GroupSummary<T> {
  const ranked = rankWithTies(members, (m) => m.score);
  return {
    recorded: members.length,
    unscored: members.filter((m) => m.score === null).length,
    average: presentAverage(completeness, averageScore(members.map((m) => m.score)), published),
    best: ranked.filter((r) => r.rank === 1).map((r) => r.item),
    distribution: zoneDistribution(members.map((m) => m.zone)),
  };
}
