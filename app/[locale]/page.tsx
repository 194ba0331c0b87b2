import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { shareMetadata } from "@/components/ui/share-metadata";
import type { Zone } from "@/lib/domain/types";
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
import { overviewQuery, rankingsQuery, type InvalidParam, type OverviewQuery, type PageParams } from "@/lib/record/query";
import { invalidNotices, yearNotice } from "@/lib/record/notices";
import { UrlNotices } from "@/components/ui/url-notices";
import { formatScore } from "@/lib/domain/score";
import { Link } from "@/components/ui/locale-link";
import { intlLocale } from "@/lib/i18n/routing";

export async function generateMetadata({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<PageParams> }): Promise<Metadata> {
  const { locale } = await params;
  const [t, tShare, tSite, dataset] = await Promise.all([getTranslations("home"), getTranslations("share"), getTranslations("site"), getPublicDataset()]);
  const overview = overviewView(dataset, overviewQuery.lenient(await searchParams).value);
  if (overview.year === null) return {};
  const count = (zone: Zone) => overview.types.reduce((sum, type) => sum + type.distribution.counts[zone], 0);
  const description = tShare("home", { year: overview.year, hijau: count("HIJAU"), kuning: count("KUNING"), merah: count("MERAH") });
  return shareMetadata({ title: t("title", { year: overview.year }), description, siteName: tSite("name"), locale });
}

export default async function HomePage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { value, invalid } = overviewQuery.lenient(await searchParams);
  // No Suspense fallback: the answer comes whole from the response cache, and a streamed
  // boundary only delays its paint (Lighthouse: LCP render delay) and shifts the layout.
  return <Overview query={value} invalid={invalid} />;
}

async function Overview({ query, invalid }: { query: OverviewQuery; invalid: InvalidParam[] }) {
  const [t, tDownloads, dataset, locale] = await Promise.all([getTranslations("home"), getTranslations("downloads"), getPublicDataset(), getLocale()]);
  const overview = overviewView(dataset, query);
  if (overview.year === null) return <p>{t("noData")}</p>;
  const { year, methodology } = overview;
  const numberLocale = intlLocale(locale);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title", { year })}</h1>
      <UrlNotices notices={[...invalidNotices(invalid), ...yearNotice(query.tahun, year)]} canonical={`/${overviewQuery.search({ tahun: year })}`} year={year} />
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
