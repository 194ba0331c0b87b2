import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntityReportView } from "@/components/entity/entity-report";
import { getPublicDataset } from "@/lib/record/dataset";
import { entityView } from "@/lib/record/entities";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const report = entityView(await getPublicDataset(), (await params).slug);
  const t = await getTranslations("entity");
  return { title: report ? report.entity.name : t("notFound") };
}

export default async function EntityPage({ params }: { params: Params }) {
  const { slug } = await params;
  // Resolved before anything streams, so an unknown slug is a real 404.
  const report = entityView(await getPublicDataset(), slug);
  if (!report) notFound();
  return <EntityReportView report={report} />;
}
