/** The public API's JSON shapes of domain rows (pure: shared by the app and the benchmark baseline). */
import type { z } from "zod";
import type { RankView } from "@/lib/domain/completeness";
import { typesOfGroup } from "@/lib/domain/groups";
import type { Figure, SourceRef } from "@/lib/domain/provenance";
import type { RankRival, YearRow } from "@/lib/domain/year-view";
import type { resultRowSchema } from "./schemas";

/** Hundredths → the JSON number with two decimals (9545 → 95.45). */
export const toScore = (hundredths: number): number => hundredths / 100;

export function rankJson(rank: RankView) {
  return {
    complete: rank.complete,
    official: rank.official
      ? rank.official.source === "computed"
        ? { source: "computed" as const, rank: rank.official.rank, of: rank.official.of, tied: rank.official.tied }
        : { source: "published" as const, rank: rank.official.rank, of: rank.official.of, sourceUrl: rank.official.sourceUrl }
      : null,
    partial: rank.partial,
  };
}


const urlsOf = (refs: readonly SourceRef[]) => [...new Set(refs.map((r) => r.url))];

/** A figure's sources: what states the value shown, and the other values stated (scores as numbers with two decimals). */
export function figureSourcesJson<T extends number | string>(figure: Figure<T>, asJson: (value: T) => number | string = (v) => v) {
  return {
    computed: figure.computed,
    statedBy: urlsOf(figure.statedBy),
    alternatives: figure.alternatives.map((a) => ({ value: asJson(a.value), statedBy: urlsOf(a.statedBy) })),
  };
}

const rivalJson = (r: RankRival) => ({ name: r.name, slug: r.slug, score: r.score === null ? null : toScore(r.score), rank: r.rank, statedBy: urlsOf(r.statedBy) });

/** A result's score, zone, category, published figures and national rank: the fields every
 * API shape of a result shares, in this order. */
export function assessmentJson(row: YearRow) {
  return {
    score: row.score === null ? null : toScore(row.score),
    zone: row.zone,
    zoneBasis: row.zoneBasis,
    category: row.category,
    label: row.label,
    publishedZone: row.publishedZone,
    publishedCategory: row.publishedCategory,
    publishedOpinion: row.publishedOpinion,
    nationalRank: rankJson(row.nationalRank),
    figureSources: {
      score: figureSourcesJson(row.figures.score, toScore),
      zone: figureSourcesJson(row.figures.zone),
      category: figureSourcesJson(row.figures.category),
      opinion: figureSourcesJson(row.figures.opinion),
      nationalRank: figureSourcesJson(row.figures.nationalRank),
      provinceRank: figureSourcesJson(row.figures.provinceRank),
    },
    rankRivals: { national: row.rankRivals.national.map(rivalJson), province: row.rankRivals.province.map(rivalJson) },
    sourcesDiffer: row.sourcesDiffer,
  };
}

export type ResultRowJson = z.infer<typeof resultRowSchema>;

export function resultRowJson(year: number, row: YearRow): ResultRowJson {
  return {
    year,
    entity: { slug: row.entity.slug, name: row.entity.name, type: row.entity.type },
    province: row.province ? { name: row.province.name, slug: row.province.slug } : null,
    ...assessmentJson(row),
    provinceGroup: row.provinceGroup,
    provinceRank: row.provinceRank ? rankJson(row.provinceRank) : null,
    change: row.change
      ? { fromYear: row.change.fromYear, delta: row.change.delta === null ? null : toScore(row.change.delta), methodologyChanged: row.change.methodologyChanged }
      : null,
    hasConflict: row.hasConflict,
    sourceUrl: row.sourceUrl,
  };
}

export function matchesResultFilter(row: YearRow, filter: { type?: string; province?: string; entity?: string }): boolean {
  if (filter.type && !typesOfGroup(filter.type).includes(row.entity.type)) return false;
  if (filter.province && row.province?.slug !== filter.province) return false;
  if (filter.entity && row.entity.slug !== filter.entity) return false;
  return true;
}

