import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProvinceReportView } from "@/components/province/province-report";
import { firstParam } from "@/components/ui/query";
import { getProvinceReport } from "@/lib/record/provinces";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const report = await getProvinceReport((await params).slug);
  const t = await getTranslations("province");
  return { title: report ? t("metaTitle", { name: report.province.name }) : t("notFound") };
}

export default async function ProvincePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const tahun = firstParam((await searchParams).tahun);
  // Resolved before anything streams, so an unknown slug is a real 404.
  const report = await getProvinceReport(slug);
  if (!report) notFound();
  return (
    <ProvinceReportView report={report} requestedYear={tahun} />
  );
}
