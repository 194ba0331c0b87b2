import type { Metadata } from "next";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntityReportView } from "@/components/entity/entity-report";
import { UrlNotices } from "@/components/ui/url-notices";
import { localizePath } from "@/lib/i18n/paths";
import { entitySlugFor } from "@/lib/record/addresses";
import { getPublicDataset } from "@/lib/record/dataset";
import { entityView } from "@/lib/record/entities";
import { invalidNotices, type UrlNotice } from "@/lib/record/notices";
import { entityHref, entityQuery, searchPageQuery, type PageParams } from "@/lib/record/query";

type Params = Promise<{ slug: string; locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const report = entityView(await getPublicDataset(), (await params).slug);
  const t = await getTranslations("entity");
  return { title: report ? report.entity.name : t("notFound") };
}

export default async function EntityPage({ params, searchParams }: { params: Params; searchParams: Promise<PageParams> }) {
  const { slug, locale } = await params;
  const { value: query, invalid } = entityQuery.lenient(await searchParams);
  const dataset = await getPublicDataset();
  // Resolved before anything streams, so an unknown slug is a real 404, and another name of an
  // entity a real redirect.
  const report = entityView(dataset, slug);
  if (!report) {
    const address = entitySlugFor(dataset, slug);
    if (address?.kind === "entity") permanentRedirect(localizePath(entityHref(address.slug, query.tahun), locale));
    // A name several entities share: the search lists them.
    if (address?.kind === "ambiguous") redirect(localizePath(`/cari${searchPageQuery.search({ q: slug.replace(/-/g, " ") })}`, locale));
    notFound();
  }
  const years = report.years.map((y) => y.year);
  const year = query.tahun !== undefined && years.includes(query.tahun) ? query.tahun : null;
  const notices: UrlNotice[] = [
    ...invalidNotices(invalid),
    ...(query.tahun !== undefined && year === null ? [{ param: "tahun", value: String(query.tahun), reason: "entityYear" as const }] : []),
  ];
  return <EntityReportView report={report} year={year} notices={<UrlNotices notices={notices} canonical={entityHref(report.entity.slug, year)} year={null} />} />;
}
