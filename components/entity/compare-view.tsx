import { getLocale, getTranslations } from "next-intl/server";
import { MAX_COMPARED, type CompareView as CompareViewModel } from "@/lib/record/entities";
import { compareQuery } from "@/lib/record/query";
import { resultsDownload } from "@/lib/record/query";
import { methodologyChangeYears } from "@/lib/domain/change";
import { formatScore } from "@/lib/domain/score";
import { FigureConflict } from "@/components/provenance/figure-notes";
import { Link } from "@/components/ui/locale-link";
import { intlLocale } from "@/lib/i18n/routing";
import { ChartFigure } from "@/components/charts/chart-figure";
import { seriesStroke } from "@/components/charts/colors";
import { ScoreHistoryChart } from "@/components/charts/score-history-chart";
import { DownloadLinks } from "@/components/tables/download-links";

const href = (slugs: string[]) => `/bandingkan${compareQuery.search({ instansi: slugs })}`;

/** Up to four entities on one chart and one table, with a search to add more. */
export async function CompareView({ view, action, notices }: { view: CompareViewModel; action: string; notices?: React.ReactNode }) {
  const { series, unknown, candidates, q } = view;
  const t = await getTranslations("compare");
  const tType = await getTranslations("entityType");
  const tZone = await getTranslations("zone");
  const locale = intlLocale(await getLocale());
  const slugs = series.map((s) => s.slug);
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const methodByYear = new Map(series.flatMap((s) => s.points.map((p) => [p.year, p.methodologyName] as const)));
  const changes = methodologyChangeYears(years.map((year) => ({ year, methodologyName: methodByYear.get(year) ?? null })));
  const summary = series
    .map((s) => `${s.name}: ${s.points.map((p) => `${p.year} ${p.score !== null ? formatScore(p.score, locale) : "—"}`).join(", ") || t("noResults")}`)
    .join(". ");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-700">{t("intro", { max: MAX_COMPARED })}</p>
      {notices}
      {unknown.length > 0 && (
        <p role="status" className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
          {t("unknown", { slugs: unknown.join(", ") })}
        </p>
      )}
      {series.length > 0 && (
        <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t("selected")}>
          {series.map((s, i) => (
            <li key={s.slug} className="flex items-center gap-2 rounded border border-slate-300 px-2 py-1">
              {/* The line as the chart draws it: colour and dash pattern, so the key does not rely on colour alone. */}
              <svg aria-hidden="true" width="28" height="8" className="shrink-0">
                <line x1="1" x2="27" y1="4" y2="4" stroke={seriesStroke(i).color} strokeWidth={2.5} strokeDasharray={seriesStroke(i).dash} />
              </svg>
              <Link href={`/instansi/${s.slug}`} className="text-blue-800 underline">{s.name}</Link>
              <Link href={href(slugs.filter((x) => x !== s.slug))} className="text-xs text-slate-700 underline" aria-label={t("removeNamed", { name: s.name })}>
                {t("remove")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {series.length < MAX_COMPARED && (
        <form method="get" action={action} role="search" aria-label={t("add")} className="mb-4 flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-slate-50 p-3">
          {slugs.length > 0 && <input type="hidden" name="instansi" value={compareQuery.toParams({ instansi: slugs }).instansi} />}
          <label className="text-sm font-medium">
            {t("search")}
            <input type="search" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="mt-1 block w-64 max-w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm" />
          </label>
          <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 text-sm font-medium text-white">{t("find")}</button>
        </form>
      )}
      {q && (
        <div className="mb-6">
          {candidates.length === 0 ? (
            <p className="text-sm">{t("noMatch", { q })}</p>
          ) : (
            <ul className="space-y-1 text-sm" aria-label={t("candidates")}>
              {candidates.map((c) => (
                <li key={c.slug}>
                  <Link href={href([...slugs, c.slug])} className="text-blue-800 underline">
                    {t("addNamed", { name: c.name })}
                  </Link>{" "}
                  <span className="text-slate-700">({tType(c.type)}{c.province ? `, ${c.province}` : ""})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {series.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <>
          <ChartFigure
            id="banding"
            title={t("chartTitle")}
            summary={summary}
            showTableLabel={t("showTable")}
            chart={
              <ScoreHistoryChart
                locale={locale}
                series={series.map((s) => ({ name: s.name, points: s.points }))}
                bands={[]}
                methodChanges={changes}
                methodChangeLabel={t("methodChanged")}
              />
            }
            note={changes.length > 0 ? t("methodNote", { years: changes.join(", ") }) : undefined}
          />
          {/* One row per entity and year, oldest year first and the entities in the order chosen, as the table reads. */}
          <DownloadLinks href={resultsDownload({ instansi: slugs, arah_tahun: "asc" })} />
          <div className="overflow-x-auto">
            <table role="table" className="phone-rows phone-even w-full border-collapse text-left text-sm sm:min-w-[560px]">
              <caption className="mb-1 text-left text-sm text-slate-700">{t("tableCaption")}</caption>
              <thead role="rowgroup">
                <tr role="row" className="border-b-2 border-slate-300">
                  <th scope="col" role="columnheader" className="py-2 pr-3">{t("colYear")}</th>
                  {series.map((s) => (
                    <th key={s.slug} scope="col" role="columnheader" className="py-2 pr-3">{s.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {years.map((year) => (
                  <tr key={year} role="row" className="border-b border-slate-200 align-top">
                    <th scope="row" role="rowheader" className="py-2 pr-3" data-phone="head">
                      {year}
                      {changes.includes(year) && <span className="block text-xs font-normal text-amber-900">⚠ {t("methodChanged")}</span>}
                    </th>
                    {series.map((s, i) => {
                      const p = s.points.find((x) => x.year === year);
                      return (
                        <td key={s.slug} role="cell" className="py-2 pr-3" data-phone={i % 2 === 0 ? "left" : "right"} data-label={s.name}>
                          <span className="font-mono tabular-nums">{p?.score != null ? formatScore(p.score, locale) : "—"}</span>
                          {p?.zone && <span className="block text-xs">{tZone(p.zone)}</span>}
                          {p?.zoneBasis === "not-established" && <span className="block text-xs">{tZone("notEstablished")}</span>}
                          {p && <FigureConflict figure={p.figures.score} field="score" year={year} />}
                          {p && <FigureConflict figure={p.figures.zone} field="zone" year={year} />}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
