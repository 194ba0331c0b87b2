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
import { formatScore } from "@/lib/domain/score";
import { intlLocale } from "@/lib/i18n/routing";
import { shareMetadata } from "@/components/ui/share-metadata";
import { CiteShare } from "@/components/cite/cite-share";
import { entityPageCitation } from "@/components/cite/page-citations";

type Params = Promise<{ slug: string; locale: string }>;

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: Promise<PageParams> }): Promise<Metadata> {
  const { slug, locale } = await params;
  const report = entityView(await getPublicDataset(), slug);
  const [t, tShare, tZone, tSite] = await Promise.all([getTranslations("entity"), getTranslations("share"), getTranslations("zone"), getTranslations("site")]);
  if (!report) return { title: t("notFound") };
  const { name } = report.entity;
  // The main figure: the year one came from, else the latest.
  const asked = entityQuery.lenient(await searchParams).value.tahun;
  const y = report.years.find((e) => e.year === asked) ?? report.years.at(-1);
  const description = !y
    ? tShare("entityNone", { name })
    : y.row.score !== null
      ? tShare("entity", { name, year: y.year, score: formatScore(y.row.score, intlLocale(locale)), zone: y.row.zone ? tZone(y.row.zone) : "—", category: y.row.category ?? "none" })
      : tShare("entityNoScore", { name, year: y.year, zone: y.row.zone ? tZone(y.row.zone) : "—" });
  return shareMetadata({ title: name, description, siteName: tSite("name"), locale });
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
  const cite = await entityPageCitation(report, year, locale);
  return (
    <EntityReportView
      report={report}
      year={year}
      notices={<UrlNotices notices={notices} canonical={entityHref(report.entity.slug, year)} year={null} />}
      share={<CiteShare address={cite.address} citation={cite.citation} locale={intlLocale(locale)} />}
    />
  );
}
