import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProvinceReportView } from "@/components/province/province-report";
import { getPublicDataset } from "@/lib/record/dataset";
import { provinceView, provinceYearChoice } from "@/lib/record/provinces";
import { provinceQuery, type PageParams } from "@/lib/record/query";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const report = provinceView(await getPublicDataset(), (await params).slug);
  const t = await getTranslations("province");
  return { title: report ? t("metaTitle", { name: report.province.name }) : t("notFound") };
}

export default async function ProvincePage({ params, searchParams }: { params: Params; searchParams: Promise<PageParams> }) {
  const { slug } = await params;
  const { value: query } = provinceQuery.lenient(await searchParams);
  // Resolved before anything streams, so an unknown slug is a real 404.
  const report = provinceView(await getPublicDataset(), slug);
  if (!report) notFound();
  return <ProvinceReportView report={report} choice={provinceYearChoice(report, query)} />;
}
