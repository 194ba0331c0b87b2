import { getLocale, getTranslations } from "next-intl/server";
import type { ProvinceGroupYear } from "@/lib/record/provinces";
import { entityHref } from "@/lib/record/query";
import { formatScore } from "@/lib/domain/score";
import { intlLocale } from "@/lib/i18n/routing";
import { RowLink } from "@/components/ui/row-link";
import { CategoryCell } from "@/components/tables/category-cell";
import { RankCell } from "@/components/tables/rank-cell";
import { ZoneChip } from "@/components/ui/zone-chip";

/** Ranking within the province for one group and year. */
export async function ProvinceGroupTable({ group, year, provinceName }: { group: ProvinceGroupYear; year: number; provinceName: string }) {
  const t = await getTranslations("province");
  const tr = await getTranslations("ranking");
  const tGroup = await getTranslations("group");
  const tType = await getTranslations("entityType");
  const locale = intlLocale(await getLocale());
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] border-collapse text-left text-sm">
        <caption className="mb-1 text-left text-xs text-slate-700">{t("rankingCaption", { group: tGroup(group.group), name: provinceName, year })}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">{t("colProvinceRank")}</th>
            <th scope="col" className="py-2 pr-3">{tr("colEntity")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{tr("colScore")}</th>
            <th scope="col" className="py-2 pr-3">{tr("colZone")}</th>
            <th scope="col" className="py-2">{tr("colCategory")}</th>
          </tr>
        </thead>
        <tbody>
          {group.rows.map((row) => (
            <tr key={row.resultId} className="border-b border-slate-200 align-top" data-entity={row.entity.slug}>
              <td className="py-2 pr-3">{row.provinceRank ? <RankCell rank={row.provinceRank} /> : "—"}</td>
              <th scope="row" className="py-2 pr-3 font-medium">
                <RowLink href={entityHref(row.entity.slug, year)} className="text-blue-800 underline">{row.entity.name}</RowLink>
                {group.group === "PEMDA" && <span className="block text-xs font-normal text-slate-700">{tType(row.entity.type)}</span>}
              </th>
              <td className="py-2 pr-3 text-right font-mono tabular-nums">{row.score !== null ? formatScore(row.score, locale) : tr("noScoreValue")}</td>
              <td className="py-2 pr-3"><ZoneChip zone={row.zone} basis={row.zoneBasis} verified={row.zoneVerified} /></td>
              <td className="py-2"><CategoryCell row={row} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
