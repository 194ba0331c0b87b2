import { classifyScore } from "./classify";
import { groupCompleteness, presentRank, type Completeness, type RankView } from "./completeness";
import { findDisagreements, type Disagreement } from "./disagreement";
import { byScoreThenName } from "./order";
import { rankWithTies } from "./rank";
import { ENTITY_TYPES, type Category, type EntityType, type Methodology, type Zone } from "./types";

/** A published result as the ranking needs it (plain data, read from the store). */
export interface RankingInput {
  resultId: number;
  entity: { name: string; slug: string; type: EntityType };
  province: { name: string; slug: string } | null;
  score: number | null;
  publishedZone: Zone | null;
  publishedCategory: Category | null;
  publishedOpinion: string | null;
  publishedNationalRank: number | null;
  hasConflict: boolean;
  sourceUrl: string | null;
  sourceCount: number;
}

export interface RankingRow extends RankingInput {
  /** The zone to show: from the year's bands when there is a score, else as published. */
  zone: Zone | null;
  zoneBasis: "computed" | "published" | null;
  /** False when the zone comes from unverified bands. */
  zoneVerified: boolean;
  category: Category | null;
  label: string | null;
  disagreements: Disagreement[];
  rank: RankView;
}

export interface RankingGroup {
  type: EntityType;
  completeness: Completeness;
  rows: RankingRow[];
}

export interface GroupFacts {
  /** Number assessed per type, as published (national or for the province viewed). */
  assessedCount: (type: EntityType) => number | null;
  /** Whether an admin marked the group complete. */
  markedComplete: (type: EntityType) => boolean;
}

/**
 * Group one year's results by entity type and rank each group with ties. A group's ranks are
 * stated as computed only when the group is complete; otherwise the source's rank is stated
 * and the computed position is kept apart, to be labelled with its coverage.
 */
export function buildRanking(
  inputs: readonly RankingInput[],
  methodology: Methodology | null,
  facts: GroupFacts,
): RankingGroup[] {
  const byType = new Map<EntityType, RankingInput[]>();
  for (const input of inputs) {
    const list = byType.get(input.entity.type);
    if (list) list.push(input);
    else byType.set(input.entity.type, [input]);
  }
  const groups: RankingGroup[] = [];
  for (const type of ENTITY_TYPES) {
    const members = byType.get(type);
    if (!members) continue;
    const ranked = new Map(rankWithTies(members, (m) => m.score).map((r) => [r.item, r]));
    const assessed = facts.assessedCount(type);
    const completeness = groupCompleteness({
      scoredCount: ranked.size,
      publishedAssessedCount: assessed,
      markedComplete: facts.markedComplete(type),
    });
    const rows = members.map((input): RankingRow => {
      const computed = input.score !== null ? classifyScore(input.score, methodology) : null;
      const computedRank = ranked.get(input) ?? null;
      const published =
        input.publishedNationalRank !== null ? { rank: input.publishedNationalRank, of: assessed, sourceUrl: input.sourceUrl } : null;
      return {
        ...input,
        zone: computed?.zone ?? input.publishedZone,
        zoneBasis: computed ? "computed" : input.publishedZone ? "published" : null,
        zoneVerified: computed ? computed.verified : true,
        category: computed ? computed.category : input.publishedCategory,
        label: computed?.category ? computed.label : (input.publishedOpinion ?? computed?.label ?? null),
        disagreements: findDisagreements({ zone: input.publishedZone, category: input.publishedCategory }, computed),
        rank: presentRank(completeness, computedRank, published),
      };
    });
    rows.sort(byScoreThenName);
    groups.push({ type, completeness, rows });
  }
  return groups;
}
