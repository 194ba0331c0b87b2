import { getLocale, getTranslations } from "next-intl/server";
import type { EntityReport } from "@/lib/record/entities";
import { compareQuery, provinceHref, rankingsQuery } from "@/lib/record/query";
import { typeFilterOf } from "@/lib/domain/groups";
import { resultsDownload } from "@/lib/record/query";
import { methodologyChangeYears } from "@/lib/domain/change";
import { formatScore } from "@/lib/domain/score";
import { Link } from "@/components/ui/locale-link";
import { intlLocale } from "@/lib/i18n/routing";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ScoreHistoryChart } from "@/components/charts/score-history-chart";
import { CategoryFigure, RankFigure, ScoreFigure, SourcesFigure, ZoneFigure } from "@/components/provenance/figure-cells";
import { rowSourceIndex } from "@/components/provenance/source-index";
import { DownloadLinks } from "@/components/tables/download-links";
import { ChangeText } from "@/components/ui/change-text";
import { EntitySources, EntityStatements } from "./entity-sources";

/** `year`: the year one came from (?tahun=, one of the entity's): its row is marked and the
 * links to the rankings and the province keep it. */
export async function EntityReportView({ report, year = null, notices, share }: { report: EntityReport; year?: number | null; notices?: React.ReactNode; share?: React.ReactNode }) {
  const t = await getTranslations("entity");
  const tType = await getTranslations("entityType");
  const tZone = await getTranslations("zone");
  const tp = await getTranslations("provenance");
  const tr = await getTranslations("ranking");
  const locale = intlLocale(await getLocale());
  const { entity, years } = report;
  const scored = years.filter((y) => y.row.score !== null);
  const summary =
    scored.length === 0
      ? t("summaryNone")
      : t("summary", {
          name: entity.name,
          list: scored
            .map((y) => `${y.year}: ${formatScore(y.row.score!, locale)}${y.row.zone ? ` (${tZone(y.row.zone)})` : ""}`)
            .join("; "),
        });
  const changes = methodologyChangeYears(years.map((y) => ({ year: y.year, methodologyName: y.methodology?.name ?? null })));
  return (
    <>
      <p className="text-sm text-slate-700 print:hidden">
        <Link href={`/peringkat${rankingsQuery.search({ tahun: year ?? undefined, jenis: year !== null ? typeFilterOf(entity.type) : undefined })}`} className="text-blue-800 underline">
          {year !== null ? t("breadcrumbYear", { year }) : t("breadcrumb")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{entity.name}</h1>
      {notices}
      <p className="mb-4 text-sm text-slate-700">
        {tType(entity.type)}
        {entity.province && (
          <>
            {" · "}
            <Link href={provinceHref(entity.province.slug, year)} className="text-blue-800 underline">{entity.province.name}</Link>
          </>
        )}
        {" · "}
        <Link href={`/bandingkan${compareQuery.search({ instansi: [entity.slug] })}`} className="text-blue-800 underline">{t("compare")}</Link>
      </p>
      {share}
      {years.length === 0 ? (
        <>
          <p className="mb-6">{t("noResults")}</p>
          {report.statements.length > 0 && <EntityStatements statements={report.statements} />}
        </>
      ) : (
        <>
          <ChartFigure
            id="riwayat"
            title={t("chartTitle")}
            summary={summary}
            showTableLabel={t("showTable")}
            chart={
              <ScoreHistoryChart
                locale={locale}
                series={[{ name: entity.name, points: years.map((y) => ({ year: y.year, score: y.row.score })) }]}
                bands={years.filter((y) => y.methodology).map((y) => ({ year: y.year, bands: y.methodology!.bands.map((b) => ({ min: b.min, max: b.max, zone: b.zone })) }))}
                methodChanges={changes}
                methodChangeLabel={t("methodChanged")}
              />
            }
            note={
              <>
                {t("chartNote")}
                {changes.length > 0 && <> {t("chartMethodNote", { years: changes.join(", ") })}</>}
              </>
            }
            table={
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">{t("chartTitle")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("colYear")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("colScore")}</th>
                    <th scope="col" className="py-1">{t("colZone")}</th>
                  </tr>
                </thead>
                <tbody>
                  {years.map((y) => (
                    <tr key={y.year} className="border-b border-slate-200">
                      <th scope="row" className="py-1 pr-3">{y.year}</th>
                      <td className="py-1 pr-3 text-right font-mono tabular-nums">{y.row.score !== null ? formatScore(y.row.score, locale) : "—"}</td>
                      <td className="py-1">{y.row.zone ? tZone(y.row.zone) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <section aria-labelledby="per-tahun" className="mb-10">
            <h2 id="per-tahun" className="mb-2 text-lg font-semibold">{t("perYear")}</h2>
            {/* Every published year of this entity, newest first like the table. */}
            <DownloadLinks href={resultsDownload({ instansi: [entity.slug] })} />
            <div className="relative overflow-x-auto">
              <table role="table" className="phone-rows w-full border-collapse text-left text-sm sm:min-w-[1040px]">
                <caption className="sr-only">{t("perYearCaption", { name: entity.name })}</caption>
                <thead role="rowgroup">
                  <tr role="row" className="border-b-2 border-slate-300">
                    <th scope="col" role="columnheader" className="py-2 pr-3">{t("colYear")}</th>
                    <th scope="col" role="columnheader" className="py-2 pr-3 text-right">{t("colScore")}</th>
                    <th scope="col" role="columnheader" className="py-2 pr-3">{t("colZone")}</th>
                    <th scope="col" role="columnheader" className="py-2 pr-3">{t("colCategory")}</th>
                    <th scope="col" role="columnheader" className="py-2 pr-3">{t("colNationalRank")}</th>
                    <th scope="col" role="columnheader" className="py-2 pr-3">{t("colProvinceRank")}</th>
                    <th scope="col" role="columnheader" className="py-2 pr-3">{t("colChange")}</th>
                    <th scope="col" role="columnheader" className="py-2">{tr("colSource")}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {[...years].reverse().map((y) => {
                    const index = rowSourceIndex(y.row);
                    return (
                      <tr key={y.year} role="row" className={`border-b border-slate-200 align-top ${y.year === year ? "bg-blue-50" : ""}`} data-year={y.year} aria-current={y.year === year ? "true" : undefined}>
                        <th scope="row" role="rowheader" className="py-2 pr-3" data-phone="main">
                          {y.year}
                          <span className="block text-xs font-normal text-slate-700">{y.methodology?.name ?? t("noMethod")}</span>
                          {y.assessedUnder && (
                            <span className="block text-xs font-normal text-slate-700" data-assessed-under="">
                              {tp.rich("assessedUnderYear", {
                                province: y.assessedUnder.name,
                                link: (chunks) => (
                                  <Link href={provinceHref(y.assessedUnder!.slug, y.year)} className="text-blue-800 underline">
                                    {chunks}
                                  </Link>
                                ),
                              })}
                            </span>
                          )}
                          {y.row.sourcesDiffer && <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">{tr("conflict")}</span>}
                        </th>
                        <td role="cell" className="py-2 pr-3 text-right" data-figure="score" data-phone="score">
                          <ScoreFigure row={y.row} index={index} year={y.year} empty="—" />
                          {y.row.score === null && <span className="block font-sans text-xs text-slate-700">{t("noScore")}</span>}
                        </td>
                        <td role="cell" className="py-2 pr-3" data-figure="zone" data-phone="zone"><ZoneFigure row={y.row} index={index} year={y.year} /></td>
                        <td role="cell" className="py-2 pr-3" data-figure="category" data-phone="left" data-label={t("colCategory")}><CategoryFigure row={y.row} index={index} year={y.year} /></td>
                        <td role="cell" className="py-2 pr-3" data-figure="national-rank" data-phone="right" data-label={t("colNationalRank")}><RankFigure row={y.row} which="national" index={index} year={y.year} /></td>
                        <td role="cell" className="py-2 pr-3" data-figure="province-rank" data-phone="left" data-label={t("colProvinceRank")}><RankFigure row={y.row} which="province" index={index} year={y.year} /></td>
                        <td role="cell" className="py-2 pr-3" data-phone="right" data-label={t("colChange")}><ChangeText change={y.row.change} /></td>
                        <td role="cell" className="py-2" data-figure="sources" data-phone="wide" data-label={tr("colSource")}><SourcesFigure row={y.row} index={index} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          {years.some((y) => y.dimensionScores) && (
            <section aria-labelledby="dimensi" className="mb-10">
              <h2 id="dimensi" className="mb-2 text-lg font-semibold">{t("dimensions")}</h2>
              {years.filter((y) => y.dimensionScores).map((y) => (
                <div key={y.year} className="mb-3 text-sm">
                  <h3 className="font-semibold">{y.year}</h3>
                  <dl className="grid grid-cols-[1fr_auto] gap-x-4">
                    {Object.entries(y.dimensionScores!).map(([code, score]) => (
                      <div key={code} className="contents">
                        <dt>{y.dimensionNames[code] ?? code}</dt>
                        <dd className="text-right font-mono tabular-nums">{formatScore(score, locale)}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              ))}
            </section>
          )}
          <EntitySources years={years} />
          {report.statements.length > 0 && <EntityStatements statements={report.statements} />}
        </>
      )}
    </>
  );
}
