import { getTranslations } from "next-intl/server";
import type { ProvinceGroupYear } from "@/lib/record/provinces";
import { CategoryFigure, RankFigure, ScoreFigure, SourcesFigure, ZoneFigure } from "@/components/provenance/figure-cells";
import { rowSourceIndex } from "@/components/provenance/source-index";
import { entityHref } from "@/lib/record/query";
import { RowLink } from "@/components/ui/row-link";

/** Ranking within the province for one group and year, each figure with its sources. */
export async function ProvinceGroupTable({ group, year, provinceName }: { group: ProvinceGroupYear; year: number; provinceName: string }) {
  const t = await getTranslations("province");
  const tr = await getTranslations("ranking");
  const tGroup = await getTranslations("group");
  const tType = await getTranslations("entityType");
  return (
    <div className="relative overflow-x-auto">
      <table role="table" className="phone-rows w-full border-collapse text-left text-sm sm:min-w-[760px]">
        <caption className="mb-1 text-left text-xs text-slate-700">{t("rankingCaption", { group: tGroup(group.group), name: provinceName, year })}</caption>
        <thead role="rowgroup">
          <tr role="row" className="border-b-2 border-slate-300">
            <th scope="col" role="columnheader" className="py-2 pr-3">{t("colProvinceRank")}</th>
            <th scope="col" role="columnheader" className="py-2 pr-3">{tr("colEntity")}</th>
            <th scope="col" role="columnheader" className="py-2 pr-3 text-right">{tr("colScore")}</th>
            <th scope="col" role="columnheader" className="py-2 pr-3">{tr("colZone")}</th>
            <th scope="col" role="columnheader" className="py-2 pr-3">{tr("colCategory")}</th>
            <th scope="col" role="columnheader" className="py-2">{tr("colSource")}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {group.rows.map((row) => {
            const index = rowSourceIndex(row);
            return (
              <tr key={row.resultId} role="row" className="border-b border-slate-200 align-top" data-entity={row.entity.slug}>
                <td role="cell" className="py-2 pr-3" data-figure="province-rank" data-phone="left" data-label={t("colProvinceRank")}>
                  <RankFigure row={row} which="province" index={index} year={year} />
                </td>
                <th scope="row" role="rowheader" className="py-2 pr-3 font-medium" data-phone="main">
                  <RowLink href={entityHref(row.entity.slug, year)} className="text-blue-800 underline">{row.entity.name}</RowLink>
                  {group.group === "PEMDA" && <span className="block text-xs font-normal text-slate-700">{tType(row.entity.type)}</span>}
                  {row.sourcesDiffer && <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">{tr("conflict")}</span>}
                </th>
                <td role="cell" className="py-2 pr-3 text-right" data-figure="score" data-phone="score">
                  <ScoreFigure row={row} index={index} year={year} empty={tr("noScoreValue")} />
                </td>
                <td role="cell" className="py-2 pr-3" data-figure="zone" data-phone="zone">
                  <ZoneFigure row={row} index={index} year={year} />
                </td>
                <td role="cell" className="py-2 pr-3" data-figure="category" data-phone="right" data-label={tr("colCategory")}>
                  <CategoryFigure row={row} index={index} year={year} />
                </td>
                <td role="cell" className="py-2" data-figure="sources" data-phone="wide" data-label={tr("colSource")}>
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
