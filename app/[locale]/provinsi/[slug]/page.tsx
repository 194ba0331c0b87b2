import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProvinceReportView } from "@/components/province/province-report";
import { getPublicDataset } from "@/lib/record/dataset";
import { provinceView, shownYear } from "@/lib/record/provinces";
import { provinceHref, provinceQuery, type PageParams } from "@/lib/record/query";
import { invalidNotices, yearNotice } from "@/lib/record/notices";
import { provinceSlugFor } from "@/lib/record/addresses";
import { localizePath } from "@/lib/i18n/paths";
import { UrlNotices } from "@/components/ui/url-notices";

type Params = Promise<{ slug: string; locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const report = provinceView(await getPublicDataset(), (await params).slug);
  const t = await getTranslations("province");
  return { title: report ? t("metaTitle", { name: report.province.name }) : t("notFound") };
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
  const shown = shownYear(report, query);
  const notices = [...invalidNotices(invalid), ...yearNotice(query.tahun, shown?.year ?? null)];
  return (
    <ProvinceReportView
      report={report}
      shown={shown}
      notices={<UrlNotices notices={notices} canonical={provinceHref(report.province.slug, shown?.year)} year={shown?.year ?? null} />}
    />
  );
}
