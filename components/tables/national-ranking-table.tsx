import { getLocale, getTranslations } from "next-intl/server";
import type { RankingGroup } from "@/lib/domain/ranking-view";
import { formatScore } from "@/lib/domain/score";
import { ZoneChip } from "@/components/ui/zone-chip";
import { RankCell } from "./rank-cell";

export async function NationalRankingTable({ group, year }: { group: RankingGroup; year: number }) {
  const t = await getTranslations("ranking");
  const tType = await getTranslations("entityType");
  const tZone = await getTranslations("zone");
  const locale = await getLocale();
  const numberLocale = locale === "en" ? "en-US" : "id-ID";
  const { completeness } = group;
  const coverage = completeness.complete
    ? t("coverageComplete", { recorded: completeness.recorded })
    : completeness.expected !== null
      ? t("coverageIncomplete", { recorded: completeness.recorded, expected: completeness.expected })
      : t("coverageUnknown", { recorded: completeness.recorded });
  const headingId = `jenis-${group.type.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h2 id={headingId} className="text-lg font-semibold">
        {tType(group.type)}
      </h2>
      <p className="mb-2 text-sm text-slate-700">{coverage}</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[720px] border-collapse text-left text-sm">
          <caption className="sr-only">{t("caption", { type: tType(group.type), year })}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">{t("colRank")}</th>
              <th scope="col" className="py-2 pr-3">{t("colEntity")}</th>
              <th scope="col" className="py-2 pr-3">{t("colProvince")}</th>
              <th scope="col" className="py-2 pr-3 text-right">{t("colScore")}</th>
              <th scope="col" className="py-2 pr-3">{t("colZone")}</th>
              <th scope="col" className="py-2 pr-3">{t("colCategory")}</th>
              <th scope="col" className="py-2">{t("colSource")}</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <tr key={row.resultId} className="border-b border-slate-200 align-top" data-entity={row.entity.slug}>
                <td className="py-2 pr-3">
                  <RankCell rank={row.rank} />
                </td>
                <th scope="row" className="py-2 pr-3 font-medium">
                  {row.entity.name}
                  {row.hasConflict && (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">
                      {t("conflict")}
                    </span>
                  )}
                </th>
                <td className="py-2 pr-3">{row.province?.name ?? t("national")}</td>
                <td className="py-2 pr-3 text-right font-mono tabular-nums">
                  {row.score !== null ? formatScore(row.score, numberLocale) : t("noScoreValue")}
                </td>
                <td className="py-2 pr-3">
                  <ZoneChip zone={row.zone} basis={row.zoneBasis} verified={row.zoneVerified} />
                </td>
                <td className="py-2 pr-3">
                  {row.category && <span className="mr-1 font-semibold">{row.category}</span>}
                  {row.label}
                  {row.disagreements.map((d) => (
                    <div key={d.field} className="mt-1 text-xs text-amber-900">
                      ⚠{" "}
                      {t("disagreement", {
                        published: d.field === "zone" ? tZone(d.published) : d.published,
                        computed: d.field === "zone" ? tZone(d.computed) : d.computed,
                      })}
                    </div>
                  ))}
                </td>
                <td className="py-2">
                  {row.sourceUrl ? (
                    <a href={row.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">
                      {row.sourceCount > 1 ? t("sources", { count: row.sourceCount }) : t("source")}
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
