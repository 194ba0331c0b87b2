import { changeFromPrevious, type ScoreChange } from "./change";
import { groupCompleteness, presentRank, type Completeness, type RankView } from "./completeness";
import { provinceGroupOf } from "./groups";
import { rankInPublishedScores, rankWithTies } from "./rank";
import { resultFigures, type ReportedFigures, type ResultFigures, type SourceRef } from "./provenance";
import { competingRanks, type StatedRank } from "./rank-conflicts";
import { buildRanking, reportsOf, sourceStating, type RankingInput, type RankingRow } from "./ranking-view";
import type { EntityType, Methodology } from "./types";

/** A published result of one year with what ranks within its province need. */
export interface YearResultInput extends RankingInput {
  province: { id: number; name: string; slug: string } | null;
  publishedProvinceRank: number | null;
  /**
   * The source ranks the entity among its own type in the province ("peringkat 2 di antara
   * Pemkab Jawa Tengah"), not among the province's group (Pemda). False when not stated.
   */
  provinceRankWithinType?: boolean;
}

/** Another entity a source states with the same rank in the same group (a competing rank). */
export interface RankRival {
  name: string;
  slug: string;
  score: number | null;
  rank: number;
  statedBy: SourceRef[];
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
  /** The source of that list, when known. */
  provinceRankedScoresSource?: (group: string, provinceId: number) => string | null;
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
  /** The province rank is stated among the entity's own type (see YearResultInput). */
  provinceRankWithinType: boolean;
  /** Each figure with the sources stating it and the values other sources state. */
  figures: ResultFigures;
  /** Other entities stated with the same national / province rank in the same group. */
  rankRivals: { national: RankRival[]; province: RankRival[] };
  /** Sources of the row another source contradicts (a conflict noted with the source, recorded or not). */
  disputedBy: SourceRef[];
  /** Sources differ on something the row shows: a figure, a competing rank, or a disputed source. */
  sourcesDiffer: boolean;
}

const NO_FIGURES: ReportedFigures = { sourceId: null, url: "", score: null, zone: null, category: null, opinion: null, nationalRank: null, provinceRank: null };

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
  const provinceRanks = new Map<number, { rank: RankView; completeness: Completeness; fromList: ReportedFigures | null }>();
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
      // A rank among the entity's own type is "of" the number of that type assessed.
      const of = input.provinceRankWithinType && input.publishedProvinceRank !== null ? facts.provinceAssessed(member.entity.type, provinceId) : (fromList?.of ?? assessed);
      const sourceUrl =
        input.publishedProvinceRank !== null
          ? sourceStating(input, "provinceRank", input.publishedProvinceRank)
          : (facts.provinceRankedScoresSource?.(group, provinceId) ?? input.sourceUrl);
      const published = publishedRank !== null ? { rank: publishedRank, of, sourceUrl } : null;
      // A rank read from a published list of the group's scores is stated by that list's source.
      const listSource = input.publishedProvinceRank === null && fromList ? facts.provinceRankedScoresSource?.(group, provinceId) : null;
      provinceRanks.set(member.resultId, {
        rank: presentRank(completeness, ranked.get(member.resultId) ?? null, published),
        completeness,
        fromList: listSource && fromList ? { ...NO_FIGURES, url: listSource, provinceRank: fromList.rank } : null,
      });
    }
  }

  const built = rows.map((row) => {
    const input = inputById.get(row.resultId)!;
    const change = changeOf(row.score, year, methodology?.name ?? null, priorOf(row.entity.slug));
    const province = provinceRanks.get(row.resultId) ?? null;
    const provinceRank = province?.rank ?? null;
    const figures = resultFigures(province?.fromList ? [...reportsOf(input), province.fromList] : reportsOf(input), {
      score: row.score,
      zone: { value: row.zone, computed: row.zoneBasis === "computed" },
      category: { value: row.category, computed: row.zoneBasis === "computed" },
      opinion: row.publishedOpinion,
      nationalRank: { value: row.rank.official?.rank ?? null, computed: row.rank.official?.source === "computed" },
      provinceRank: { value: provinceRank?.official?.rank ?? null, computed: provinceRank?.official?.source === "computed" },
    });
    return {
      ...row,
      province: input.province,
      publishedProvinceRank: input.publishedProvinceRank,
      nationalRank: row.rank,
      provinceGroup: provinceGroupOf(row.entity.type),
      provinceRank,
      provinceCompleteness: province?.completeness ?? null,
      change,
      provinceRankWithinType: input.provinceRankWithinType === true,
      figures,
      disputedBy: reportsOf(input).filter((r) => r.disputed).map((r) => ({ sourceId: r.sourceId, url: r.url })),
    };
  });
  return withRankRivals(built);
}

type RowWithoutRivals = Omit<YearRow, "rankRivals" | "sourcesDiffer">;

/**
 * Competing ranks across entities (lib/domain/rank-conflicts.ts): the national rank within the
 * type, and the province rank within the group it is stated in (the province's group, e.g. Pemda,
 * or the entity's own type when the source ranks among it).
 */
function withRankRivals(rows: readonly RowWithoutRivals[]): YearRow[] {
  const national: StatedRank<RowWithoutRivals>[] = [];
  const province: StatedRank<RowWithoutRivals>[] = [];
  for (const row of rows) {
    if (row.publishedNationalRank !== null) national.push({ key: row, group: row.entity.type, rank: row.publishedNationalRank, score: row.score });
    if (row.publishedProvinceRank !== null && row.province) {
      const group = row.provinceRankWithinType ? row.entity.type : row.provinceGroup;
      province.push({ key: row, group: `${row.province.id}|${group}`, rank: row.publishedProvinceRank, score: row.score });
    }
  }
  const nationalRivals = competingRanks(national);
  const provinceRivals = competingRanks(province);
  const rival = (key: "nationalRank" | "provinceRank") => (entry: StatedRank<RowWithoutRivals>): RankRival => {
    const stated = entry.key.figures[key];
    return {
      name: entry.key.entity.name,
      slug: entry.key.entity.slug,
      score: entry.key.score,
      rank: entry.rank,
      statedBy: stated.value === entry.rank ? stated.statedBy : (stated.alternatives.find((a) => a.value === entry.rank)?.statedBy ?? []),
    };
  };
  return rows.map((row) => {
    const rankRivals = {
      national: (nationalRivals.get(row) ?? []).map(rival("nationalRank")),
      province: (provinceRivals.get(row) ?? []).map(rival("provinceRank")),
    };
    const figureConflict = Object.values(row.figures).some((f) => f.alternatives.length > 0);
    return {
      ...row,
      rankRivals,
      sourcesDiffer: row.hasConflict || figureConflict || rankRivals.national.length > 0 || rankRivals.province.length > 0,
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
