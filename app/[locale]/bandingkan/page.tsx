import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CompareView } from "@/components/entity/compare-view";
import { getPublicDataset } from "@/lib/record/dataset";
import { compareView } from "@/lib/record/entities";
import { compareQuery, type PageParams } from "@/lib/record/query";
import { localizePath } from "@/lib/i18n/paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { value } = compareQuery.lenient(await searchParams);
  const [dataset, locale] = await Promise.all([getPublicDataset(), getLocale()]);
  return <CompareView view={compareView(dataset, value)} action={localizePath("/bandingkan", locale)} />;
}
