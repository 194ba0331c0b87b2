import { getLocale, getTranslations } from "next-intl/server";
import { zoneTrendTable, type TrendPoint } from "@/lib/record/summary-tables";
import { summaryDownload } from "@/lib/record/query";
import { ZONES } from "@/lib/domain/types";
import { intlLocale } from "@/lib/i18n/routing";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ZoneTrendChart } from "@/components/charts/lazy-charts";
import { DownloadLinks } from "@/components/tables/download-links";

/** National zone counts per year: published counts where a source gives them, else the
 * recorded results, marked with an asterisk and explained. The table shows the rows its
 * download holds. */
export async function ZoneTrend({ trend }: { trend: readonly TrendPoint[] }) {
  const t = await getTranslations("home");
  const tp = await getTranslations("provenance");
  const tZone = await getTranslations("zone");
  const locale = intlLocale(await getLocale());
  const num = new Intl.NumberFormat(locale);
  const table = zoneTrendTable(trend);
  const label = (p: TrendPoint) => (p.basis === "published" ? String(p.year) : `${p.year}*`);
  const published = table.items.filter((p) => p.basis === "published");
  const summary =
    published.length > 0
      ? t("trendSummary", {
          list: published.map((p) => t("trendSummaryYear", { year: p.year, hijau: num.format(p.distribution.counts.HIJAU), kuning: num.format(p.distribution.counts.KUNING), merah: num.format(p.distribution.counts.MERAH) })).join("; "),
        })
      : t("trendNoPublished");
  return (
    <ChartFigure
      id="tren"
      title={t("trendTitle")}
      summary={summary}
      showTableLabel={t("showTable")}
      chart={
        <ZoneTrendChart
          locale={locale}
          zoneNames={{ HIJAU: tZone("HIJAU"), KUNING: tZone("KUNING"), MERAH: tZone("MERAH") }}
          data={table.items.map((p) => ({ label: label(p), ...p.distribution.counts }))}
        />
      }
      note={
        <>
          <p className="mb-2">* {t("trendRecordedNote")}</p>
          <DownloadLinks href={summaryDownload({ tabel: "tren-zona" })} context={t("trendTitle")} />
        </>
      }
      table={
        <table className="w-full border-collapse sm:min-w-[560px] text-left text-sm">
          <caption className="sr-only">{t("trendTitle")}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-1 pr-3">{t("colYear")}</th>
              {ZONES.map((z) => (
                <th key={z} scope="col" className="py-1 pr-3 text-right">{tZone(z)}</th>
              ))}
              <th scope="col" className="py-1">{t("colBasis")}</th>
            </tr>
          </thead>
          <tbody>
            {table.items.map((p) => (
              <tr key={p.year} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3">{p.year}</th>
                {ZONES.map((z) => (
                  <td key={z} className="py-1 pr-3 text-right tabular-nums">{num.format(p.distribution.counts[z])}</td>
                ))}
                <td className="py-1 text-xs">
                  {p.basis === "published" ? (
                    <>
                      {p.sourceUrl ? <a href={p.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">{t("basisPublished")}</a> : t("basisPublished")}
                      {p.sourcesDiffer && <> · {t("sourcesDiffer")}</>}
                    </>
                  ) : (
                    <>
                      {t("basisRecorded", { count: p.distribution.total })}
                      {p.distribution.unknown > 0 && <span className="block">{tp("zonesLeftOut", { count: p.distribution.unknown })}</span>}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
