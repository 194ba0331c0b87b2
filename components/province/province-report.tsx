import { getLocale, getTranslations } from "next-intl/server";
import type { ProvinceGroupYear, ProvinceReport, ProvinceYear } from "@/lib/record/provinces";
import type { YearChoice } from "@/lib/record/years";
import { entityHref, overviewQuery, provinceQuery, rankingsQuery } from "@/lib/record/query";
import { provinceAveragesTable, type GroupAverage } from "@/lib/record/summary-tables";
import { resultsDownload, summaryDownload } from "@/lib/record/query";
import { filterOfGroup, PROVINCE_GROUPS } from "@/lib/domain/groups";
import { formatScore } from "@/lib/domain/score";
import { ZONES } from "@/lib/domain/types";
import { Link } from "@/components/ui/locale-link";
import { intlLocale } from "@/lib/i18n/routing";
import { AverageText } from "@/components/province/average-text";
import { ProvinceGroupTable } from "@/components/province/province-group-table";
import { YearChoiceNav } from "@/components/ui/year-choice";
import { GroupLeader, GroupStatements, ProvinceHistoryNote } from "@/components/province/province-provenance";
import { DownloadLinks } from "@/components/tables/download-links";

/**
 * The province page: averages across years, then one year in detail (`choice`: ?tahun=, else the
 * year the page opens on; at national scale ten years of full tables would be megabytes of HTML).
 * The table across years links to each year, and shows the rows its download holds. `notices`:
 * what the page could not show as its address asked.
 */
export async function ProvinceReportView({ report, choice, notices, share }: { report: ProvinceReport; choice: YearChoice | null; notices?: React.ReactNode; share?: React.ReactNode }) {
  const t = await getTranslations("province");
  const tGroup = await getTranslations("group");
  const locale = intlLocale(await getLocale());
  const num = new Intl.NumberFormat(locale);
  const { province, years } = report;
  const shown: ProvinceYear | null = years.find((y) => y.year === choice?.year) ?? null;
  const pathname = `/provinsi/${province.slug}`;
  const yearHref = (year: number) => `${pathname}${provinceQuery.search({ tahun: year })}`;
  const averages = provinceAveragesTable(report);
  const byYear = new Map<number, GroupAverage[]>();
  for (const item of averages.items) byYear.set(item.year, [...(byYear.get(item.year) ?? []), item]);
  return (
    <>
      <p className="text-sm text-slate-700 print:hidden">
        <Link href={`/${overviewQuery.search({ tahun: shown?.year })}`} className="text-blue-800 underline">{t("breadcrumbHome")}</Link> / {t("breadcrumb")}
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t("title", { name: province.name })}</h1>
      {notices}
      {share}
      <ProvinceHistoryNote report={report} />
      {years.length === 0 && <p>{t("noResults")}</p>}
      {years.length > 0 && (
        <section aria-labelledby="rata-rata" className="mb-10">
          <h2 id="rata-rata" className="mb-2 text-lg font-semibold">{t("acrossYears")}</h2>
          <DownloadLinks href={summaryDownload({ tabel: "rata-rata-provinsi", provinsi: province.slug })} context={t("acrossYears")} />
          <div className="overflow-x-auto">
            <table className="w-full border-collapse sm:min-w-[640px] text-left text-sm">
              <caption className="mb-1 text-left text-sm text-slate-700">{t("acrossYearsCaption", { name: province.name })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="py-2 pr-3">{t("colYear")}</th>
                  {PROVINCE_GROUPS.map((g) => (
                    <th key={g} scope="col" className="py-2 pr-3">{tGroup(g)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...byYear].map(([year, groups]) => (
                  <tr key={year} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-3">
                      {year === shown?.year ? (
                        year
                      ) : (
                        <Link href={`${yearHref(year)}#tahun-${year}`} className="text-blue-800 underline">
                          {year}
                        </Link>
                      )}
                    </th>
                    {groups.map(({ group }) => (
                      <td key={group.group} className="py-2 pr-3">
                        <AverageText group={group} compact />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {shown && choice && <YearChoiceNav choice={choice} label={t("yearsNav")} href={yearHref} />}
      {[shown].filter((y) => y !== null).map((y) => (
        <section key={y.year} id={`tahun-${y.year}`} aria-labelledby={`h-${y.year}`} className="mb-12 scroll-mt-4">
          <h2 id={`h-${y.year}`} className="mb-1 border-b border-slate-300 pb-1 text-xl font-bold">
            {t("yearTitle", { year: y.year })}
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            {y.methodology ? y.methodology.name : t("noMethod")}
            {y.methodology && !y.methodology.bandsVerified && <> — {t("unverified")}</>}
            {" · "}
            <Link href={`/peringkat${rankingsQuery.search({ tahun: y.year, provinsi: province.slug })}`} className="text-blue-800 underline">
              {t("toRankings", { year: y.year })}
            </Link>
          </p>
          {(y.respondents || y.assessmentPeriod) && (
            <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {y.respondents && (
                <>
                  <dt className="font-medium">{t("respondents")}</dt>
                  <dd>
                    {num.format(y.respondents.value)}{" "}
                    <a href={y.respondents.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">({t("source")})</a>
                  </dd>
                </>
              )}
              {y.assessmentPeriod && (
                <>
                  <dt className="font-medium">{t("period")}</dt>
                  <dd>
                    {y.assessmentPeriod.value}{" "}
                    <a href={y.assessmentPeriod.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">({t("source")})</a>
                  </dd>
                </>
              )}
            </dl>
          )}
          {y.statements.length > 0 && <GroupStatements statements={y.statements} />}
          {y.groups.map((g) => (
            <GroupBlock key={g.group} group={g} year={y.year} provinceName={province.name} provinceSlug={province.slug} />
          ))}
          {y.otherRows.length > 0 && (
            <p className="text-sm text-slate-700">
              {t("others")}{" "}
              {y.otherRows.map((r, i) => (
                <span key={r.resultId}>
                  {i > 0 && ", "}
                  <Link href={entityHref(r.entity.slug, y.year)} className="text-blue-800 underline">{r.entity.name}</Link>
                  {r.score !== null && ` (${formatScore(r.score, locale)})`}
                </span>
              ))}
            </p>
          )}
        </section>
      ))}
    </>
  );
}

async function GroupBlock({ group, year, provinceName, provinceSlug }: { group: ProvinceGroupYear; year: number; provinceName: string; provinceSlug: string }) {
  const t = await getTranslations("province");
  const tp = await getTranslations("provenance");
  const tGroup = await getTranslations("group");
  const tZone = await getTranslations("zone");
  const locale = intlLocale(await getLocale());
  const num = new Intl.NumberFormat(locale);
  const { summary } = group;
  const id = `g-${year}-${group.group.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="mb-6 rounded border border-slate-200 p-3" data-group={group.group}>
      <h3 id={id} className="mb-2 font-semibold">
        {tGroup(group.group)} · {year}
      </h3>
      {summary.recorded === 0 ? (
        <p className="text-sm text-slate-700">
          {t("emptyGroup", { group: tGroup(group.group), year })}
          {group.assessed !== null && <> {t("assessedKnown", { count: group.assessed })}</>}
          {group.publishedAverage && (
            <> {t("publishedAverageOnly", { score: formatScore(group.publishedAverage.hundredths, locale) })}</>
          )}
        </p>
      ) : (
        <>
          <dl className="mb-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{t("average")}</dt>
            <dd>
              <AverageText group={group} />
            </dd>
            <GroupLeader group={group} year={year} />
            <dt className="font-medium">{t("zones")}</dt>
            <dd>
              {ZONES.map((z) => `${tZone(z)} ${num.format(summary.distribution.counts[z])}`).join(" · ")}
              {summary.distribution.unknown > 0 && <span className="block text-xs text-slate-700">{tp("zonesLeftOut", { count: summary.distribution.unknown })}</span>}
              {summary.unscored > 0 && <span className="block text-xs text-slate-700">{t("unscored", { count: summary.unscored })}</span>}
            </dd>
          </dl>
          {/* The group's rows as the table orders them: by score, highest first (the export's default). */}
          <DownloadLinks href={resultsDownload({ tahun: year, jenis: filterOfGroup(group.group), provinsi: provinceSlug })} context={`${tGroup(group.group)} · ${year}`} />
          <ProvinceGroupTable group={group} year={year} provinceName={provinceName} />
        </>
      )}
    </section>
  );
}
