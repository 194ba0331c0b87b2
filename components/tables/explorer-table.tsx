import { getTranslations } from "next-intl/server";
import { defaultDirection, type SortDirection, type SortKey } from "@/lib/domain/selection";
import type { YearRow } from "@/lib/domain/year-view";
import { entityHref, provinceHref } from "@/lib/record/query";
import { Link } from "@/components/ui/locale-link";
import { RowLink } from "@/components/ui/row-link";
import { ChangeText } from "@/components/ui/change-text";
import { CategoryFigure, RankFigure, ScoreFigure, SourcesFigure, ZoneFigure } from "@/components/provenance/figure-cells";
import { rowSourceIndex } from "@/components/provenance/source-index";

/** The rankings explorer table: national and provincial rank, score, zone, change, and the sources
 * of each figure (numbered footnotes in the last column).
 * `sortHref` gives the address of the table sorted by a column. */
export async function ExplorerTable({
  rows,
  year,
  sortHref,
  sort,
  dir,
}: {
  rows: YearRow[];
  year: number;
  sortHref: (key: SortKey, dir: SortDirection) => string;
  sort: SortKey;
  dir: SortDirection;
}) {
  const t = await getTranslations("explorer");
  const tr = await getTranslations("ranking");
  const tType = await getTranslations("entityType");

  const header = (key: SortKey, label: string, className = "") => {
    const active = sort === key;
    const nextDir: SortDirection = active ? (dir === "asc" ? "desc" : "asc") : defaultDirection(key);
    return (
      <th scope="col" role="columnheader" data-sortable="" className={`py-2 pr-3 ${className}`} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={sortHref(key, nextDir)} className="underline decoration-slate-400 hover:decoration-slate-900">
          {label}
          <span aria-hidden="true" className="ml-1 text-xs">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
          <span className="sr-only">{t("sortBy")}</span>
        </Link>
      </th>
    );
  };

  return (
    // relative: the sr-only labels (position: absolute) stay inside the scrolling box
    // instead of widening the page on a phone. On a phone the rows read as blocks (phone-rows,
    // app/globals.css): entity, score and zone first, the other cells below.
    <div className="relative overflow-x-auto">
      <table role="table" className="phone-rows w-full border-collapse text-left text-sm sm:min-w-[960px]">
        <caption className="sr-only">{t("caption", { year })}</caption>
        <thead role="rowgroup" className="phone-sort">
          <tr role="row" className="border-b-2 border-slate-300 align-bottom">
            <th scope="col" role="columnheader" className="py-2 pr-3">{t("colNationalRank")}</th>
            <th scope="col" role="columnheader" className="py-2 pr-3">{t("colProvinceRank")}</th>
            {header("nama", tr("colEntity"))}
            {header("provinsi", tr("colProvince"))}
            {header("nilai", tr("colScore"), "text-right")}
            <th scope="col" role="columnheader" className="py-2 pr-3">{tr("colZone")}</th>
            <th scope="col" role="columnheader" className="py-2 pr-3">{tr("colCategory")}</th>
            {header("perubahan", t("colChange"))}
            <th scope="col" role="columnheader" className="py-2">{tr("colSource")}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => {
            const index = rowSourceIndex(row);
            return (
              <tr key={row.resultId} role="row" className="border-b border-slate-200 align-top" data-entity={row.entity.slug}>
                <td role="cell" className="py-2 pr-3" data-figure="national-rank" data-phone="left" data-label={t("colNationalRank")}>
                  <RankFigure row={row} which="national" index={index} year={year} />
                </td>
                <td role="cell" className="py-2 pr-3" data-figure="province-rank" data-phone="right" data-label={t("colProvinceRank")}>
                  <RankFigure row={row} which="province" index={index} year={year} />
                </td>
                <th scope="row" role="rowheader" className="py-2 pr-3 font-medium" data-phone="main">
                  <RowLink href={entityHref(row.entity.slug, year)} className="text-blue-800 underline">
                    {row.entity.name}
                  </RowLink>
                  <span className="block text-xs font-normal text-slate-700">{tType(row.entity.type)}</span>
                  {row.sourcesDiffer && (
                    <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">{tr("conflict")}</span>
                  )}
                </th>
                <td role="cell" className="py-2 pr-3" data-phone="left" data-label={tr("colProvince")}>
                  {row.province ? (
                    <RowLink href={provinceHref(row.province.slug, year)} className="text-blue-800 underline">
                      {row.province.name}
                    </RowLink>
                  ) : (
                    tr("national")
                  )}
                </td>
                <td role="cell" className="py-2 pr-3 text-right" data-figure="score" data-phone="score">
                  <ScoreFigure row={row} index={index} year={year} empty={tr("noScoreValue")} />
                </td>
                <td role="cell" className="py-2 pr-3" data-figure="zone" data-phone="zone">
                  <ZoneFigure row={row} index={index} year={year} />
                </td>
                <td role="cell" className="py-2 pr-3" data-figure="category" data-phone="right" data-label={tr("colCategory")}>
                  <CategoryFigure row={row} index={index} year={year} />
                </td>
                <td role="cell" className="py-2 pr-3" data-phone="left" data-label={t("colChange")}>
                  <ChangeText change={row.change} />
                </td>
                <td role="cell" className="py-2" data-figure="sources" data-phone="right" data-label={tr("colSource")}>
                  <SourcesFigure row={row} index={index} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
