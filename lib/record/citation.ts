import type { Figure, FigureKey, SourceRef } from "@/lib/domain/provenance";
import { formatScore } from "@/lib/domain/score";
import { sourceAddress } from "@/lib/domain/source-address";
import type { EntityType, Zone } from "@/lib/domain/types";
import type { YearRow } from "@/lib/domain/year-view";

/**
 * "Kutip": a citation line to paste into a report, in the interface's language, built from the
 * view model alone. Each figure names its own source: the score the article that states it (the
 * row's primary source), the national rank the article that publishes it; a rank Rapor computed
 * says so and cites no article; where sources differ on a cited figure, the line says which value
 * it cites and what the others state. The words come from the `cite` messages (`t`), so the same
 * function writes both languages.
 */
export type CiteTranslate = (key: string, values?: Record<string, string | number>) => string;

export interface CiteContext {
  /** The interface's locale for numbers and dates ("id-ID", "en-GB"). */
  locale: string;
  /** The absolute address of the view cited. */
  address: string;
  /** The access date, already written ("26 November 2026"); see accessDate. */
  accessed: string;
  t: CiteTranslate;
}

/** The access date of a citation in the reader's language, on the calendar of a time zone. */
export function accessDate(date: Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** The assessment cited: the year's methodology name, else the assessment's usual name; the lead adds the year. */
function assessment(methodologyName: string | null | undefined, year: number, t: CiteTranslate): string {
  return (methodologyName?.trim() || t("assessment")).replace(new RegExp(`\\s*\\b${year}$`), "");
}

function via({ address, accessed, t }: CiteContext): string {
  return t("via", { address, date: accessed });
}

/** The source a figure is cited from: the row's primary source when it states the figure, else its first. */
function citedSource(figure: Figure<unknown>, primaryUrl: string): string | null {
  if (figure.computed) return null;
  const urls = figure.statedBy.map((s) => s.url);
  return urls.includes(primaryUrl) ? primaryUrl : (urls[0] ?? null);
}

const sites = (refs: readonly SourceRef[]) => [...new Set(refs.map((r) => sourceAddress(r.url).site))].join(", ");

/** "Sumber berbeda tentang nilai: dikutip 88,02 (a.com); disebut juga 88,01 (b.com)." */
function conflictSentence(key: FigureKey, figure: Figure<unknown>, text: (value: unknown) => string, t: CiteTranslate): string | null {
  if (figure.alternatives.length === 0 || figure.value === null) return null;
  const others = figure.alternatives.map((a) => t("conflictValue", { value: text(a.value), sites: sites(a.statedBy) })).join("; ");
  const cited = figure.computed ? t("conflictComputed", { value: text(figure.value) }) : t("conflictValue", { value: text(figure.value), sites: sites(figure.statedBy) });
  return t("conflict", { figure: t(`figure.${key}`), cited, others });
}

export interface EntityCitationInput {
  entity: { name: string; type: EntityType };
  year: number;
  methodologyName: string | null;
  row: YearRow;
}

/** The citation of one entity's result of one year. */
export function entityCitation({ entity, year, methodologyName, row }: EntityCitationInput, context: CiteContext): string {
  const { t, locale } = context;
  const zoneText = (zone: unknown) => t(`zone.${zone as Zone}`);
  const zone = row.zone ? zoneText(row.zone) : row.zoneBasis === "not-established" ? t("zoneNotEstablished") : null;
  const parts = [zone, row.category].filter((p): p is string => Boolean(p)).join(", ");
  const figures =
    row.score !== null
      ? `${formatScore(row.score, locale)}${parts ? ` (${parts})` : ""}`
      : t("noScore", { zone: parts || t("zoneUnknown") });

  const noun = t("typeNoun", { type: entity.type });
  const rank = row.nationalRank.official;
  const rankText = !rank
    ? ""
    : rank.source === "computed"
      ? t("rankComputed", { rank: rank.rank, of: rank.of, noun, tied: rank.tied ? "yes" : "no" })
      : rank.of !== null
        ? t("rankOf", { rank: rank.rank, of: rank.of, noun })
        : t("rankAmong", { rank: rank.rank, noun });

  const primary = row.sourceUrl ?? "";
  // A figure no source row states on its own (a result's published zone) rests on the row's primary source.
  const scoreSource = (row.score !== null ? citedSource(row.figures.score, primary) : citedSource(row.figures.zone, primary)) ?? (primary || null);
  const rankSource = rank?.source === "published" ? (citedSource(row.figures.nationalRank, rank.sourceUrl ?? primary) ?? rank.sourceUrl) : null;
  const sources =
    scoreSource && rankSource && rankSource !== scoreSource
      ? t("sourcesScoreRank", { score: scoreSource, rank: rankSource })
      : scoreSource
        ? t("source", { url: scoreSource })
        : rankSource
          ? t("sourceRank", { url: rankSource })
          : null;

  // A published rank another entity is stated with too (a competing rank, lib/domain/rank-conflicts.ts).
  const rivals = rank?.source === "published" ? row.rankRivals.national : [];
  const conflicts = [
    row.score !== null ? conflictSentence("score", row.figures.score, (v) => formatScore(v as number, locale), t) : null,
    conflictSentence("zone", row.figures.zone, zoneText, t),
    rank ? conflictSentence("nationalRank", row.figures.nationalRank, (v) => String(v), t) : null,
    rivals.length > 0 ? t("rankRivals", { rank: rank!.rank, names: rivals.map((r) => `${r.name} (${sites(r.statedBy)})`).join("; ") }) : null,
  ].filter((s): s is string => s !== null);

  const lead = t("lead", { assessment: assessment(methodologyName, year, t), year, subject: `${entity.name} ${figures}${rankText}` });
  return [lead, sources, ...conflicts, via(context)].filter(Boolean).join(" ");
}

export interface ProvinceCitationInput {
  province: { name: string };
  year: number;
  methodologyName: string | null;
  /** The province's Pemda average as the page states it, with its basis. */
  average: { hundredths: number; basis: "published" | "computed" | "partial"; count: number | null; sourceUrl: string | null } | null;
  zone: Zone | null;
}

/** The citation of a province's page on a year: its Pemda average, with what the average rests on. */
export function provinceCitation({ province, year, methodologyName, average, zone }: ProvinceCitationInput, context: CiteContext): string {
  const { t, locale } = context;
  const subject = average
    ? t("provinceAverage", {
        name: province.name,
        score: formatScore(average.hundredths, locale),
        zone: zone ? ` (${t(`zone.${zone}`)})` : "",
        basis: average.basis,
        count: average.count ?? 0,
      })
    : t("provinceNone", { name: province.name });
  const source = average?.basis === "published" && average.sourceUrl ? t("source", { url: average.sourceUrl }) : null;
  return [t("lead", { assessment: assessment(methodologyName, year, t), year, subject }), source, via(context)].filter(Boolean).join(" ");
}

export interface RankingsCitationInput {
  year: number;
  methodologyName: string | null;
  /** The filters in words ("Pemerintah Kota, Kalimantan Selatan"), empty for all. */
  scope: string;
  count: number;
}

/** The citation of a rankings view: the year, the filters and the number of results; each row's sources are on the page. */
export function rankingsCitation({ year, methodologyName, scope, count }: RankingsCitationInput, context: CiteContext): string {
  const { t } = context;
  const subject = t("rankings", { scope, count });
  return [t("lead", { assessment: assessment(methodologyName, year, t), year, subject }), t("rankingsSources"), via(context)].join(" ");
}
