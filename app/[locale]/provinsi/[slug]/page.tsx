import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { ProvinceReportView } from "@/components/province/province-report";
import { Skeleton } from "@/components/ui/skeleton";
import { getProvinceReport } from "@/lib/data/provinces";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const report = await getProvinceReport((await params).slug);
  const t = await getTranslations("province");
  return { title: report ? t("metaTitle", { name: report.province.name }) : t("notFound") };
}

export default async function ProvincePage({ params }: { params: Params }) {
  const { slug } = await params;
  // Resolved before anything streams, so an unknown slug is a real 404.
  const report = await getProvinceReport(slug);
  if (!report) notFound();
  return (
    <Suspense fallback={<Skeleton />}>
      <ProvinceReportView report={report} />
    </Suspense>
  );
}
