import { useLocale, useTranslations } from "next-intl";
import { formatScore } from "@/lib/domain/score";
import type { YearRow } from "@/lib/domain/year-view";
import { intlLocale } from "@/lib/i18n/routing";
import { CategoryCell } from "@/components/tables/category-cell";
import { RankCell } from "@/components/tables/rank-cell";
import { ZoneChip } from "@/components/ui/zone-chip";
import { DisputedNote, FigureConflict, FigureRefs, RankRivals, SourceList } from "./figure-notes";
import type { SourceIndex } from "./source-index";

/**
 * The cells of a result row that carry their provenance: each figure with the numbers of its
 * sources and, where sources differ, the "sumber berbeda" mark with its explanation. Every table
 * of results (rankings, a province's groups, an entity's years) renders its figures with these.
 */

/** The national or the province rank as the page states it, with its sources and any competing rank. */
export function RankFigure({ row, which, index, year }: { row: YearRow; which: "national" | "province"; index: SourceIndex; year: number }) {
  const tType = useTranslations("entityType");
  const t = useTranslations("provenance");
  const rank = which === "national" ? row.nationalRank : row.provinceRank;
  const figure = which === "national" ? row.figures.nationalRank : row.figures.provinceRank;
  const rivals = which === "national" ? row.rankRivals.national : row.rankRivals.province;
  if (!rank) return <span className="text-slate-600">—</span>;
  const among = which === "province" && row.provinceRankWithinType && rank.official?.source === "published" ? t("amongType", { type: tType(row.entity.type) }) : null;
  return (
    <>
      <RankCell rank={rank} among={among} />
      {rank.official && <FigureRefs figure={figure} index={index} year={year} />}
      <FigureConflict figure={figure} field={which === "national" ? "nationalRank" : "provinceRank"} year={year} />
      <RankRivals rivals={rivals} rank={rank.official?.source === "published" ? rank.official.rank : null} year={year} />
    </>
  );
}

/** The score (or a dash), its sources and any other score a source states. */
export function ScoreFigure({ row, index, year, empty }: { row: YearRow; index: SourceIndex; year: number; empty: string }) {
  const locale = intlLocale(useLocale());
  return (
    <>
      <span className="font-mono tabular-nums">{row.score !== null ? formatScore(row.score, locale) : empty}</span>
      {row.score !== null && <FigureRefs figure={row.figures.score} index={index} year={year} />}
      <FigureConflict figure={row.figures.score} field="score" year={year} />
    </>
  );
}

/** The zone: from verified bands (linked to the methodology), as a source states it, or not established. */
export function ZoneFigure({ row, index, year }: { row: YearRow; index: SourceIndex; year: number }) {
  return (
    <>
      <ZoneChip zone={row.zone} basis={row.zoneBasis} />
      {row.zone && <FigureRefs figure={row.figures.zone} index={index} year={year} />}
      <FigureConflict figure={row.figures.zone} field="zone" year={year} />
    </>
  );
}

/** Category and opinion, each with its sources and disagreements. */
export function CategoryFigure({ row, index, year }: { row: YearRow; index: SourceIndex; year: number }) {
  return (
    <>
      <CategoryCell row={row} />
      {row.category && <FigureRefs figure={row.figures.category} index={index} year={year} />}
      {row.publishedOpinion && row.figures.opinion.statedBy.length > 0 && (
        <span className="block text-xs">
          <FigureRefs figure={row.figures.opinion} index={index} year={year} />
        </span>
      )}
      <FigureConflict figure={row.figures.category} field="category" year={year} />
      <FigureConflict figure={row.figures.opinion} field="opinion" year={year} />
    </>
  );
}

/** The row's sources as numbered footnotes, and a note when a source is disputed by one not on record. */
export function SourcesFigure({ row, index }: { row: YearRow; index: SourceIndex }) {
  const shownElsewhere = Object.values(row.figures).some((f) => f.alternatives.length > 0);
  return (
    <>
      <SourceList index={index} />
      <DisputedNote disputedBy={row.disputedBy} shownElsewhere={shownElsewhere} />
    </>
  );
}
