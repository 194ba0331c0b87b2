import { changeFromPrevious, type ScoreChange } from "./change";
import { groupCompleteness, presentRank, type Completeness, type RankView } from "./completeness";
import { provinceGroupOf } from "./groups";
import { rankInPublishedScores, rankWithTies } from "./rank";
import { NONE, resultFigures, type ReportedFigures, type ResultFigures, type SourceRef } from "./provenance";
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
  statedBy: readonly SourceRef[];
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
  rankRivals: { national: readonly RankRival[]; province: readonly RankRival[] };
  /** Sources of the row another source contradicts (a conflict noted with the source, recorded or not). */
  disputedBy: readonly SourceRef[];
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

  // First what each row needs (its figures, its province rank), then the competing ranks across
  // rows, then each row built once: at national scale a copy of every row per step would double
  // the record's build time.
  const parts = rows.map((row) => {
    const input = inputById.get(row.resultId)!;
    const province = provinceRanks.get(row.resultId) ?? null;
    const provinceRank = province?.rank ?? null;
    const reports = reportsOf(input);
    const figures = resultFigures(province?.fromList ? [...reports, province.fromList] : reports, {
      score: row.score,
      zone: { value: row.zone, computed: row.zoneBasis === "computed" },
      category: { value: row.category, computed: row.zoneBasis === "computed" },
      opinion: row.publishedOpinion,
      nationalRank: { value: row.rank.official?.rank ?? null, computed: row.rank.official?.source === "computed" },
      provinceRank: { value: provinceRank?.official?.rank ?? null, computed: provinceRank?.official?.source === "computed" },
    });
    return { input, province, provinceRank, figures, disputedBy: disputedIn(reports), withinType: input.provinceRankWithinType === true };
  });
  const rivals = rankRivalsOf(rows, parts);
  return rows.map((row, i): YearRow => {
    const { input, province, provinceRank, figures, disputedBy, withinType } = parts[i]!;
    const rankRivals = rivals[i]!;
    return {
      ...row,
      // The reports are in the figures now: the row does not keep them twice.
      reports: undefined,
      province: input.province,
      publishedProvinceRank: input.publishedProvinceRank,
      nationalRank: row.rank,
      provinceGroup: provinceGroupOf(row.entity.type),
      provinceRank,
      provinceCompleteness: province?.completeness ?? null,
      change: changeOf(row.score, year, methodology?.name ?? null, priorOf(row.entity.slug)),
      provinceRankWithinType: withinType,
      figures,
      disputedBy,
      rankRivals,
      sourcesDiffer:
        row.hasConflict || hasAlternatives(figures) || rankRivals.national.length > 0 || rankRivals.province.length > 0 || disputedBy.length > 0,
    };
  });
}

const NO_RIVALS: YearRow["rankRivals"] = Object.freeze({ national: NONE, province: NONE });

function hasAlternatives(figures: ResultFigures): boolean {
  return (
    figures.score.alternatives.length > 0 ||
    figures.zone.alternatives.length > 0 ||
    figures.category.alternatives.length > 0 ||
    figures.opinion.alternatives.length > 0 ||
    figures.nationalRank.alternatives.length > 0 ||
    figures.provinceRank.alternatives.length > 0
  );
}

function disputedIn(reports: readonly ReportedFigures[]): readonly SourceRef[] {
  return reports.some((r) => r.disputed) ? reports.filter((r) => r.disputed).map((r) => ({ sourceId: r.sourceId, url: r.url })) : NONE;
}

/**
 * Competing ranks across entities (lib/domain/rank-conflicts.ts), per row: the national rank
 * within the type, and the province rank within the group it is stated in (the province's
 * group, e.g. Pemda, or the entity's own type when the source ranks among it).
 */
function rankRivalsOf(
  rows: readonly RankingRow[],
  parts: readonly { input: YearResultInput; figures: ResultFigures; withinType: boolean }[],
): YearRow["rankRivals"][] {
  const national: StatedRank<number>[] = [];
  const province: StatedRank<number>[] = [];
  rows.forEach((row, i) => {
    const { input, withinType } = parts[i]!;
    if (row.publishedNationalRank !== null) national.push({ key: i, group: row.entity.type, rank: row.publishedNationalRank, score: row.score });
    if (input.publishedProvinceRank !== null && input.province) {
      const group = withinType ? row.entity.type : provinceGroupOf(row.entity.type);
      province.push({ key: i, group: `${input.province.id}|${group}`, rank: input.publishedProvinceRank, score: row.score });
    }
  });
  const nationalRivals = competingRanks(national);
  const provinceRivals = competingRanks(province);
  const rival = (key: "nationalRank" | "provinceRank") => (entry: StatedRank<number>): RankRival => {
    const row = rows[entry.key]!;
    const stated = parts[entry.key]!.figures[key];
    return {
      name: row.entity.name,
      slug: row.entity.slug,
      score: row.score,
      rank: entry.rank,
      statedBy: stated.value === entry.rank ? stated.statedBy : (stated.alternatives.find((a) => a.value === entry.rank)?.statedBy ?? NONE),
    };
  };
  return rows.map((_, i) => {
    const n = nationalRivals.get(i);
    const p = provinceRivals.get(i);
    return n || p ? { national: (n ?? []).map(rival("nationalRank")), province: (p ?? []).map(rival("provinceRank")) } : NO_RIVALS;
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
