import { getLocale, getTranslations } from "next-intl/server";
import { ProvinceMapSection } from "@/components/map/province-map-section";
import { DownloadLinks } from "@/components/tables/download-links";
import { TopBottom } from "@/components/overview/top-bottom";
import { TypeDistributionTable } from "@/components/overview/type-distribution-table";
import { ZoneTrend } from "@/components/overview/zone-trend";
import { firstParam } from "@/components/ui/query";
import { YearNav } from "@/components/ui/year-nav";
import { getOverview } from "@/lib/record/overview";
import { getProvinceTiles } from "@/lib/record/provinces";
import { formatScore } from "@/lib/domain/score";
import { Link } from "@/components/ui/locale-link";
import { intlLocale } from "@/lib/i18n/routing";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const tahun = firstParam((await searchParams).tahun);
  // No Suspense fallback: the answer comes whole from the response cache, and a streamed
  // boundary only delays its paint (Lighthouse: LCP render delay) and shifts the layout.
  return <Overview tahun={tahun} />;
}

async function Overview({ tahun }: { tahun: string | undefined }) {
  const t = await getTranslations("home");
  const tDownloads = await getTranslations("downloads");
  const overview = await getOverview(tahun);
  const locale = intlLocale(await getLocale());
  if (overview.year === null) return <p>{t("noData")}</p>;
  const { year, methodology } = overview;
  const tiles = await getProvinceTiles(year);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title", { year })}</h1>
      <YearNav label={t("yearNav")} years={overview.years} current={year} pathname="/" params={{}} />
      <section aria-labelledby="metode" className="mb-8 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
        <h2 id="metode" className="font-semibold">{t("methodTitle", { year })}</h2>
        {methodology ? (
          <p>
            {t("methodNote", { name: methodology.name })}{" "}
            {methodology.bands
              .map((b) => `${b.category ? `${b.category} ` : ""}${b.label.replace(/ \(belum terverifikasi\)$/, "")} ${formatScore(b.min, locale)}–${formatScore(b.max, locale)}`)
              .join("; ")}
            .{" "}
            {!methodology.bandsVerified && <strong>{t("methodUnverified")} </strong>}
            <Link href="/metodologi" className="text-blue-800 underline">{t("methodLink")}</Link>
          </p>
        ) : (
          <p>{t("noMethod")}</p>
        )}
      </section>
      <section aria-labelledby="sebaran" className="mb-10">
        <h2 id="sebaran" className="mb-2 text-lg font-semibold">{t("distributionTitle", { year })}</h2>
        {/* The table counts zones of the year's results: the download is those results. */}
        <DownloadLinks params={{ tahun: String(year) }} label={tDownloads("countedLabel")} />
        <TypeDistributionTable types={overview.types} year={year} />
      </section>
      <section aria-labelledby="tren-nasional" className="mb-4">
        <h2 id="tren-nasional" className="sr-only">{t("trendTitle")}</h2>
        <ZoneTrend trend={overview.trend} />
      </section>
      <ProvinceMapSection tiles={tiles} year={year} />
      <section aria-labelledby="teratas" className="mb-10">
        <h2 id="teratas" className="mb-2 text-lg font-semibold">{t("topTitle", { year })}</h2>
        <TopBottom types={overview.types} />
        <p className="mt-3 text-sm">
          <Link href={`/peringkat?tahun=${year}`} className="text-blue-800 underline">{t("toRankings", { year })}</Link>
        </p>
      </section>
    </>
  );
}
