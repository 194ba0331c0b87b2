import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CompareView } from "@/components/entity/compare-view";
import { firstParam } from "@/components/ui/query";
import { findComparableEntities, getCompareSeries, MAX_COMPARED } from "@/lib/record/entities";
import { localizePath } from "@/lib/i18n/paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const slugs = (firstParam(sp.instansi) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_COMPARED);
  const q = (firstParam(sp.q) ?? "").trim().slice(0, 100);
  const [series, candidates, locale] = await Promise.all([getCompareSeries(slugs), findComparableEntities(q), getLocale()]);
  const unknown = [...new Set(slugs)].filter((slug) => !series.some((s) => s.slug === slug));
  return (
    <CompareView
      series={series}
      unknown={unknown}
      candidates={candidates.filter((c) => !series.some((s) => s.slug === c.slug))}
      q={q}
      action={localizePath("/bandingkan", locale)}
    />
  );
}
