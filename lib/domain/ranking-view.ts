import { establishedClassification } from "./classify";
import { groupCompleteness, presentRank, type Completeness, type RankView } from "./completeness";
import { findDisagreements, type Disagreement } from "./disagreement";
import { byScoreThenName } from "./order";
import type { ReportedFigures } from "./provenance";
import { rankWithTies } from "./rank";
import { shownClassification, type ZoneBasis } from "./shown";
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
  /**
   * What each source reported, the primary first. Without it (a result stored without source
   * rows), the result's own link states the result's own figures.
   */
  reports?: readonly ReportedFigures[];
}

export type { ZoneBasis } from "./shown";

export interface RankingRow extends RankingInput {
  /** The zone to show: from the year's verified bands when there is a score, else as published. */
  zone: Zone | null;
  zoneBasis: ZoneBasis | null;
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
      const computed = establishedClassification(input.score, methodology);
      const computedRank = ranked.get(input) ?? null;
      const published =
        input.publishedNationalRank !== null
          ? { rank: input.publishedNationalRank, of: assessed, sourceUrl: sourceStating(input, "nationalRank", input.publishedNationalRank) }
          : null;
      return {
        ...input,
        ...shownClassification(input, methodology),
        disagreements: findDisagreements({ zone: input.publishedZone, category: input.publishedCategory }, computed),
        rank: presentRank(completeness, computedRank, published),
      };
    });
    rows.sort(byScoreThenName);
    groups.push({ type, completeness, rows });
  }
  return groups;
}

/** The reports of a result: its sources, or its own figures under its own link when it has none. */
export function reportsOf(input: RankingInput & { publishedProvinceRank?: number | null }): readonly ReportedFigures[] {
  if (input.reports && input.reports.length > 0) return input.reports;
  if (!input.sourceUrl) return [];
  return [
    {
      sourceId: null,
      url: input.sourceUrl,
      score: input.score,
      zone: input.publishedZone,
      category: input.publishedCategory,
      opinion: input.publishedOpinion,
      nationalRank: input.publishedNationalRank,
      provinceRank: input.publishedProvinceRank ?? null,
    },
  ];
}

/** The first source that states a rank the row shows (not merely the row's primary source). */
export function sourceStating(
  input: RankingInput & { publishedProvinceRank?: number | null },
  key: "nationalRank" | "provinceRank",
  rank: number,
): string | null {
  return reportsOf(input).find((r) => r[key] === rank)?.url ?? input.sourceUrl;
}
