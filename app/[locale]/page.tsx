import { getLocale, getTranslations } from "next-intl/server";
import { ProvinceMapSection } from "@/components/map/province-map-section";
import { DownloadLinks } from "@/components/tables/download-links";
import { TopBottom } from "@/components/overview/top-bottom";
import { TypeDistributionTable } from "@/components/overview/type-distribution-table";
import { ZoneTrend } from "@/components/overview/zone-trend";
import { YearChoiceNav } from "@/components/ui/year-choice";
import { resultsDownload } from "@/lib/record/query";
import { getPublicDataset } from "@/lib/record/dataset";
import { overviewView } from "@/lib/record/overview";
import { provinceMapView } from "@/lib/record/provinces";
import { overviewQuery, rankingsQuery, type OverviewQuery, type PageParams } from "@/lib/record/query";
import { formatScore } from "@/lib/domain/score";
import { Link } from "@/components/ui/locale-link";
import { intlLocale } from "@/lib/i18n/routing";

export default async function HomePage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { value } = overviewQuery.lenient(await searchParams);
  // No Suspense fallback: the answer comes whole from the response cache, and a streamed
  // boundary only delays its paint (Lighthouse: LCP render delay) and shifts the layout.
  return <Overview query={value} />;
}

async function Overview({ query }: { query: OverviewQuery }) {
  const [t, tDownloads, dataset, locale] = await Promise.all([getTranslations("home"), getTranslations("downloads"), getPublicDataset(), getLocale()]);
  const overview = overviewView(dataset, query);
  if (overview.year === null) return <p>{t("noData")}</p>;
  const { year, methodology } = overview;
  const numberLocale = intlLocale(locale);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title", { year })}</h1>
      {overview.yearChoice && <YearChoiceNav choice={overview.yearChoice} label={t("yearNav")} href={(y) => `/${overviewQuery.search({ tahun: y })}`} />}
      <section aria-labelledby="metode" className="mb-8 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
        <h2 id="metode" className="font-semibold">{t("methodTitle", { year })}</h2>
        {methodology ? (
          <p>
            {t("methodNote", { name: methodology.name })}{" "}
            {methodology.bands
              .map((b) => `${b.category ? `${b.category} ` : ""}${b.label.replace(/ \(belum terverifikasi\)$/, "")} ${formatScore(b.min, numberLocale)}–${formatScore(b.max, numberLocale)}`)
              .join("; ")}
            .{" "}
            {!methodology.bandsVerified && (
              <>
                <strong>{t("methodUnverified")}</strong> {t("methodUnverifiedMore")}{" "}
              </>
            )}
            <Link href="/metodologi" className="text-blue-800 underline">{t("methodLink")}</Link>
          </p>
        ) : (
          <p>{t("noMethod")}</p>
        )}
      </section>
      <section aria-labelledby="sebaran" className="mb-10">
        <h2 id="sebaran" className="mb-2 text-lg font-semibold">{t("distributionTitle", { year })}</h2>
        {/* The table counts zones of the year's results: the download is those results. */}
        <DownloadLinks href={resultsDownload({ tahun: year })} label={tDownloads("countedLabel")} />
        <TypeDistributionTable types={overview.types} year={year} />
      </section>
      <section aria-labelledby="tren-nasional" className="mb-4">
        <h2 id="tren-nasional" className="sr-only">{t("trendTitle")}</h2>
        <ZoneTrend trend={overview.trend} />
      </section>
      <ProvinceMapSection tiles={provinceMapView(dataset, year)} year={year} bandsVerified={methodology?.bandsVerified ?? false} />
      <section aria-labelledby="teratas" className="mb-10">
        <h2 id="teratas" className="mb-2 text-lg font-semibold">{t("topTitle", { year })}</h2>
        <TopBottom types={overview.types} year={year} />
        <p className="mt-3 text-sm">
          <Link href={`/peringkat${rankingsQuery.search({ tahun: year })}`} className="text-blue-800 underline">{t("toRankings", { year })}</Link>
        </p>
      </section>
    </>
  );
}
