import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CompareView } from "@/components/entity/compare-view";
import { getPublicDataset } from "@/lib/record/dataset";
import { compareView } from "@/lib/record/entities";
import { compareQuery, type PageParams } from "@/lib/record/query";
import { localizePath } from "@/lib/i18n/paths";
import { invalidNotices, type UrlNotice } from "@/lib/record/notices";
import { UrlNotices } from "@/components/ui/url-notices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { value, invalid } = compareQuery.lenient(await searchParams);
  const [dataset, locale] = await Promise.all([getPublicDataset(), getLocale()]);
  const view = compareView(dataset, value);
  const notices: UrlNotice[] = [...invalidNotices(invalid), ...view.beyond.map((slug) => ({ param: "instansi", value: slug, reason: "beyondCompared" as const }))];
  const shown = view.series.map((s) => s.slug);
  return (
    <CompareView
      view={view}
      action={localizePath("/bandingkan", locale)}
      notices={<UrlNotices notices={notices} canonical={`/bandingkan${compareQuery.search({ instansi: shown.length ? shown : undefined, q: value.q })}`} year={null} />}
    />
  );
}
