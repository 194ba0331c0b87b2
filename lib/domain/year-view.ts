import { changeFromPrevious, type ScoreChange } from "./change";
import { groupCompleteness, presentRank, type Completeness, type RankView } from "./completeness";
import { provinceGroupOf } from "./groups";
import { rankInPublishedScores, rankWithTies } from "./rank";
import { buildRanking, type RankingInput, type RankingRow } from "./ranking-view";
import type { EntityType, Methodology } from "./types";

/** A published result of one year with what ranks within its province need. */
export interface YearResultInput extends RankingInput {
  province: { id: number; name: string; slug: string } | null;
  publishedProvinceRank: number | null;
}

export interface YearFacts {
  /** Number assessed nationally per type, as published. */
  nationalAssessed: (type: EntityType) => number | null;
  nationalMarked: (type: EntityType) => boolean;
  /** Number assessed in a province per group key (PEMDA, POLRES, ...), as published. */
  provinceAssessed: (group: string, provinceId: number) => number | null;
  provinceMarked: (group: string, provinceId: number) => boolean;
  /** A published ranked list of the group's scores in the province (hundredths, highest first). */
  provinceRankedScores: (group: string, provinceId: number) => number[] | null;
}

export interface YearRow extends RankingRow {
  province: YearResultInput["province"];
  publishedProvinceRank: number | null;
  /** Rank within the type, nationally. */
  nationalRank: RankView;
  /** Group key of the rank within the province (PEMDA for the regional governments). */
  provinceGroup: string;
  /** Rank within the province and group; null for entities without a province. */
  provinceRank: RankView | null;
  provinceCompleteness: Completeness | null;
  /** Change from the entity's latest earlier result. */
  change: ScoreChange | null;
}

export interface PriorScore {
  year: number;
  score: number | null;
  methodologyName: string | null;
}

/**
 * Every published result of a year with its national rank (within type) and its rank within
 * province and group, each stated honestly (computed only for complete groups), and its
 * change from the previous result of the same entity. Filters applied afterwards never
 * change a rank: ranks are always over the whole group.
 */
export function buildYearRows(
  year: number,
  inputs: readonly YearResultInput[],
  methodology: Methodology | null,
  facts: YearFacts,
  priorOf: (slug: string) => PriorScore | null,
): YearRow[] {
  const groups = buildRanking(inputs, methodology, {
    assessedCount: facts.nationalAssessed,
    markedComplete: facts.nationalMarked,
  });
  const inputById = new Map(inputs.map((i) => [i.resultId, i]));
  const rows = groups.flatMap((g) => g.rows);

  const byProvinceGroup = new Map<string, RankingRow[]>();
  for (const row of rows) {
    const input = inputById.get(row.resultId)!;
    if (!input.province) continue;
    const key = `${input.province.id}|${provinceGroupOf(row.entity.type)}`;
    const list = byProvinceGroup.get(key);
    if (list) list.push(row);
    else byProvinceGroup.set(key, [row]);
  }
  const provinceRanks = new Map<number, { rank: RankView; completeness: Completeness }>();
  for (const [key, members] of byProvinceGroup) {
    const [provinceIdText, group] = key.split("|") as [string, string];
    const provinceId = Number(provinceIdText);
    const ranked = new Map(rankWithTies(members, (m) => m.score).map((r) => [r.item.resultId, r]));
    const assessed = facts.provinceAssessed(group, provinceId);
    const completeness = groupCompleteness({
      scoredCount: ranked.size,
      publishedAssessedCount: assessed,
      markedComplete: facts.provinceMarked(group, provinceId),
    });
    const list = facts.provinceRankedScores(group, provinceId);
    for (const member of members) {
      const input = inputById.get(member.resultId)!;
      const fromList = list && member.score !== null ? rankInPublishedScores(member.score, list) : null;
      const publishedRank = input.publishedProvinceRank ?? fromList?.rank ?? null;
      const published =
        publishedRank !== null
          ? { rank: publishedRank, of: fromList?.of ?? assessed, sourceUrl: input.sourceUrl }
          : null;
      provinceRanks.set(member.resultId, {
        rank: presentRank(completeness, ranked.get(member.resultId) ?? null, published),
        completeness,
      });
    }
  }

  return rows.map((row): YearRow => {
    const input = inputById.get(row.resultId)!;
    const change = changeOf(row.score, year, methodology?.name ?? null, priorOf(row.entity.slug));
    const province = provinceRanks.get(row.resultId) ?? null;
    return {
      ...row,
      province: input.province,
      publishedProvinceRank: input.publishedProvinceRank,
      nationalRank: row.rank,
      provinceGroup: provinceGroupOf(row.entity.type),
      provinceRank: province?.rank ?? null,
      provinceCompleteness: province?.completeness ?? null,
      change,
    };
  });
}

/** The change of a year's score from the entity's previous result (null without one). */
export function changeOf(score: number | null, year: number, methodologyName: string | null, prior: PriorScore | null): ScoreChange | null {
  return prior && prior.year < year ? changeFromPrevious([prior, { year, score, methodologyName }], year) : null;
}

export function sameChange(a: ScoreChange | null, b: ScoreChange | null): boolean {
  if (a === null || b === null) return a === b;
  return a.fromYear === b.fromYear && a.toYear === b.toYear && a.delta === b.delta && a.methodologyChanged === b.methodologyChanged;
}
