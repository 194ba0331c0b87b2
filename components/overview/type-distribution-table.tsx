import { getLocale, getTranslations } from "next-intl/server";
import type { TypeOverview } from "@/lib/record/overview";
import { ZONES } from "@/lib/domain/types";
import { intlLocale } from "@/lib/i18n/routing";

/** Zone counts and shares per entity type, of the recorded results, beside the published counts. */
export async function TypeDistributionTable({ types, year }: { types: TypeOverview[]; year: number }) {
  const t = await getTranslations("home");
  const tType = await getTranslations("entityType");
  const tZone = await getTranslations("zone");
  const locale = intlLocale(await getLocale());
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[680px] border-collapse text-left text-sm">
        <caption className="mb-1 text-left text-sm text-slate-700">{t("distributionCaption", { year })}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 align-bottom">
            <th scope="col" className="py-2 pr-3">{t("colType")}</th>
            {ZONES.map((z) => (
              <th key={z} scope="col" className="py-2 pr-3 text-right">{tZone(z)}</th>
            ))}
            <th scope="col" className="py-2 pr-3 text-right">{t("colRecorded")}</th>
            <th scope="col" className="py-2">{t("colPublished")}</th>
          </tr>
        </thead>
        <tbody>
          {types.map((row) => (
            <tr key={row.type} className="border-b border-slate-200 align-top" data-type={row.type}>
              <th scope="row" className="py-2 pr-3 font-medium">{tType(row.type)}</th>
              {ZONES.map((z) => (
                <td key={z} className="py-2 pr-3 text-right tabular-nums">
                  {num.format(row.distribution.counts[z])}
                  <span className="block text-xs text-slate-700">{pct.format(row.distribution.shareTenths[z] / 10)} %</span>
                </td>
              ))}
              <td className="py-2 pr-3 text-right tabular-nums">
                {row.assessed !== null ? t("recordedOf", { recorded: row.recorded, assessed: row.assessed }) : num.format(row.recorded)}
                {row.distribution.unknown > 0 && <span className="block text-xs text-slate-700">{t("withoutZone", { count: row.distribution.unknown })}</span>}
                {!row.complete && <span className="block text-xs text-slate-700">{t("partial")}</span>}
              </td>
              <td className="py-2 text-xs">
                {Object.keys(row.published).length > 0
                  ? ZONES.filter((z) => row.published[z] !== undefined)
                      .map((z) => `${tZone(z)} ${num.format(row.published[z]!)}`)
                      .join(" · ")
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
