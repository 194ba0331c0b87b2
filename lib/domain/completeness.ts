import type { Average } from "./average";
import type { Ranked } from "./rank";

/**
 * Sources often name only part of a group: Kalimantan Selatan 2025 sampled 5 of its 13
 * Polres and the source names one of them. A (year, type, province) group is complete only
 * when its scored results cover the number assessed that a source publishes, or when an
 * admin has marked it complete. Ranks and averages of an incomplete group computed from the
 * recorded rows must never be shown as if they were the whole.
 */
export interface GroupCoverage {
  /** Results in the group that have a score (only those enter ranks and averages). */
  scoredCount: number;
  /** The number assessed according to a source, when one publishes it. */
  publishedAssessedCount: number | null;
  /** An admin has checked the group against the official list and marked it complete. */
  markedComplete: boolean;
}

export type Completeness =
  | { complete: true; basis: "published-count" | "admin"; recorded: number; expected: number | null }
  | { complete: false; recorded: number; expected: number | null };

export function groupCompleteness(coverage: GroupCoverage): Completeness {
  const { scoredCount, publishedAssessedCount, markedComplete } = coverage;
  if (markedComplete) {
    return { complete: true, basis: "admin", recorded: scoredCount, expected: publishedAssessedCount };
  }
  if (publishedAssessedCount !== null && scoredCount > 0 && scoredCount >= publishedAssessedCount) {
    return { complete: true, basis: "published-count", recorded: scoredCount, expected: publishedAssessedCount };
  }
  return { complete: false, recorded: scoredCount, expected: publishedAssessedCount };
}

export interface PublishedRank {
  rank: number;
  /** Out of how many, when the source says (or the published count assessed). */
  of: number | null;
  sourceUrl: string | null;
}

export interface RankView {
  complete: boolean;
  /** The rank to state: computed for a complete group, the source's for an incomplete one. */
  official:
    | { source: "computed"; rank: number; of: number; tied: boolean }
    | { source: "published"; rank: number; of: number | null; sourceUrl: string | null }
    | null;
  /** Only for an incomplete group: the position among the recorded results, to be labelled
   * with its coverage ("urutan 1 dari 1 hasil yang tercatat"). */
  partial: { rank: number; of: number; tied: boolean } | null;
}

export function presentRank(
  completeness: Completeness,
  computed: Pick<Ranked<unknown>, "rank" | "of" | "tied"> | null,
  published: PublishedRank | null,
): RankView {
  if (completeness.complete) {
    if (computed) {
      return {
        complete: true,
        official: { source: "computed", rank: computed.rank, of: computed.of, tied: computed.tied },
        partial: null,
      };
    }
    return { complete: true, official: publishedOfficial(published), partial: null };
  }
  return {
    complete: false,
    official: publishedOfficial(published),
    partial: computed ? { rank: computed.rank, of: computed.of, tied: computed.tied } : null,
  };
}

function publishedOfficial(published: PublishedRank | null): RankView["official"] {
  if (!published) return null;
  return { source: "published", rank: published.rank, of: published.of, sourceUrl: published.sourceUrl };
}

export interface PublishedAverage {
  hundredths: number;
  sourceUrl: string | null;
}

export interface AverageView {
  complete: boolean;
  official:
    | { source: "computed"; hundredths: number; count: number }
    | { source: "published"; hundredths: number; sourceUrl: string | null }
    | null;
  /** Only for an incomplete group: the mean of the recorded results, labelled with its count. */
  partial: { hundredths: number; count: number } | null;
  /** A published average beside a computed one that differs from it (both are shown). */
  publishedDiffers: PublishedAverage | null;
}

export function presentAverage(
  completeness: Completeness,
  computed: Average | null,
  published: PublishedAverage | null,
): AverageView {
  if (completeness.complete && computed) {
    const differs = published && published.hundredths !== computed.hundredths ? published : null;
    return {
      complete: true,
      official: { source: "computed", hundredths: computed.hundredths, count: computed.count },
      partial: null,
      publishedDiffers: differs,
    };
  }
  return {
    complete: completeness.complete,
    official: published ? { source: "published", hundredths: published.hundredths, sourceUrl: published.sourceUrl } : null,
    partial: computed && !completeness.complete ? { hundredths: computed.hundredths, count: computed.count } : null,
    publishedDiffers: null,
  };
}
