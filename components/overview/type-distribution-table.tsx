import { getLocale, getTranslations } from "next-intl/server";
import type { TypeOverview } from "@/lib/record/overview";
import { isGroupShare } from "@/lib/domain/coverage";
import { ZONES } from "@/lib/domain/types";
import { intlLocale } from "@/lib/i18n/routing";

/**
 * Zone counts per entity type, of the recorded results whose zone is established, beside the
 * published national counts. A share is the type's share only when every result assessed is
 * counted; otherwise it says what it rests on ("100,0 % dari 1 hasil"), and the results left
 * out (no established zone) are counted aloud.
 */
export async function TypeDistributionTable({ types, year }: { types: TypeOverview[]; year: number }) {
  const t = await getTranslations("home");
  const tp = await getTranslations("provenance");
  const tType = await getTranslations("entityType");
  const tZone = await getTranslations("zone");
  const locale = intlLocale(await getLocale());
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div className="overflow-x-auto">
      <table role="table" className="phone-rows phone-even w-full border-collapse text-left text-sm sm:min-w-[680px]">
        <caption className="mb-1 text-left text-sm text-slate-700">{t("distributionCaption", { year })}</caption>
        <thead role="rowgroup">
          <tr role="row" className="border-b-2 border-slate-300 align-bottom">
            <th scope="col" role="columnheader" className="py-2 pr-3">{t("colType")}</th>
            {ZONES.map((z) => (
              <th key={z} scope="col" role="columnheader" className="py-2 pr-3 text-right">{tZone(z)}</th>
            ))}
            <th scope="col" role="columnheader" className="py-2 pr-3 text-right">{t("colRecorded")}</th>
            <th scope="col" role="columnheader" className="py-2">{t("colPublished")}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {types.map((row) => {
            const whole = isGroupShare(row.zoneCoverage);
            return (
              <tr key={row.type} role="row" className="border-b border-slate-200 align-top" data-type={row.type}>
                <th scope="row" role="rowheader" className="py-2 pr-3 font-medium" data-phone="head">{tType(row.type)}</th>
                {ZONES.map((z) => (
                  <td key={z} role="cell" className="py-2 pr-3 text-right tabular-nums" data-phone="third" data-label={tZone(z)}>
                    {num.format(row.distribution.counts[z])}
                    {row.distribution.total > 0 && (
                      <span className="block text-xs text-slate-700">
                        {whole
                          ? `${pct.format(row.distribution.shareTenths[z] / 10)} %`
                          : tp("shareOf", { share: pct.format(row.distribution.shareTenths[z] / 10), base: row.distribution.total })}
                      </span>
                    )}
                  </td>
                ))}
                <td role="cell" className="py-2 pr-3 text-right tabular-nums" data-phone="left" data-label={t("colRecorded")}>
                  {row.assessed === null
                    ? num.format(row.recorded)
                    : row.assessedSources.length > 0
                      ? tp.rich("recordedOfSourced", {
                          recorded: row.recorded,
                          assessed: row.assessed,
                          src: (chunks) => (
                            <a href={row.assessedSources[0]} rel="noopener noreferrer" className="text-blue-800 underline">
                              {chunks}
                            </a>
                          ),
                        })
                      : t("recordedOf", { recorded: row.recorded, assessed: row.assessed })}
                  {row.distribution.unknown > 0 && <span className="block text-xs text-slate-700">{tp("zonesLeftOut", { count: row.distribution.unknown })}</span>}
                  {!row.complete && <span className="block text-xs text-slate-700">{t("partial")}</span>}
                </td>
                <td role="cell" className="py-2 text-xs" data-phone="right" data-label={t("colPublished")}>
                  {ZONES.some((z) => row.published[z])
                    ? ZONES.filter((z) => row.published[z]).map((z, i) => {
                        const p = row.published[z]!;
                        return (
                          <span key={z}>
                            {i > 0 && " · "}
                            {p.sourceUrl ? (
                              <a href={p.sourceUrl} rel="noopener noreferrer" className="text-blue-800 underline">{`${tZone(z)} ${num.format(p.count)}`}</a>
                            ) : (
                              `${tZone(z)} ${num.format(p.count)}`
                            )}
                          </span>
                        );
                      })
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
