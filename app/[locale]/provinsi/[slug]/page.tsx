import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProvinceReportView } from "@/components/province/province-report";
import { getPublicDataset } from "@/lib/record/dataset";
import { provinceMapView, provinceView, provinceYearChoice, shownYear } from "@/lib/record/provinces";
import { formatScore } from "@/lib/domain/score";
import { intlLocale } from "@/lib/i18n/routing";
import { shareMetadata } from "@/components/ui/share-metadata";
import { provinceHref, provinceQuery, type PageParams } from "@/lib/record/query";
import { invalidNotices, yearNotice } from "@/lib/record/notices";
import { provinceSlugFor } from "@/lib/record/addresses";
import { localizePath } from "@/lib/i18n/paths";
import { UrlNotices } from "@/components/ui/url-notices";
import { CiteShare } from "@/components/cite/cite-share";
import { provincePageCitation } from "@/components/cite/page-citations";

type Params = Promise<{ slug: string; locale: string }>;

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: Promise<PageParams> }): Promise<Metadata> {
  const { slug, locale } = await params;
  const dataset = await getPublicDataset();
  const report = provinceView(dataset, slug);
  const [t, tShare, tZone, tSite] = await Promise.all([getTranslations("province"), getTranslations("share"), getTranslations("zone"), getTranslations("site")]);
  if (!report) return { title: t("notFound") };
  const { name } = report.province;
  const year = shownYear(report, provinceQuery.lenient(await searchParams).value)?.year;
  // The main figure: the province's Pemda average of the year shown, as the map states it.
  const tile = year !== undefined ? provinceMapView(dataset, year).find((p) => p.slug === slug) : undefined;
  const description =
    tile?.average && tile.zone
      ? tShare("province", { name, year: year!, score: formatScore(tile.average.hundredths, intlLocale(locale)), zone: tZone(tile.zone) })
      : tShare("provinceNone", { name });
  return shareMetadata({ title: t("metaTitle", { name }), description, siteName: tSite("name"), locale });
}

export default async function ProvincePage({ params, searchParams }: { params: Params; searchParams: Promise<PageParams> }) {
  const { slug, locale } = await params;
  const { value: query, invalid } = provinceQuery.lenient(await searchParams);
  const dataset = await getPublicDataset();
  // Resolved before anything streams, so an unknown slug is a real 404 (or a redirect to the
  // province an abbreviation or an old spelling names).
  const report = provinceView(dataset, slug);
  if (!report) {
    const canonical = provinceSlugFor(dataset, slug);
    if (canonical) permanentRedirect(`${localizePath(`/provinsi/${canonical}`, locale)}${provinceQuery.search(query)}`);
    notFound();
  }
  // The year asked for when the province has results that year, else the year the page opens on.
  const choice = provinceYearChoice(report, query);
  const year = choice?.year ?? null;
  const notices = [...invalidNotices(invalid), ...yearNotice(query.tahun, year)];
  const shown = report.years.find((y) => y.year === year) ?? null;
  const tile = year !== null ? provinceMapView(dataset, year).find((p) => p.slug === report.province.slug) : undefined;
  const cite = await provincePageCitation(report.province, shown, tile, locale);
  return (
    <ProvinceReportView
      report={report}
      choice={choice}
      share={<CiteShare address={cite.address} citation={cite.citation} locale={intlLocale(locale)} />}
      notices={<UrlNotices notices={notices} canonical={provinceHref(report.province.slug, year)} year={year} />}
    />
  );
}
