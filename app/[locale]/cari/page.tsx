import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/locale-link";
import { getPublicDataset } from "@/lib/record/dataset";
import { hitPath, searchView } from "@/lib/record/entity-search";
import { searchPageQuery, type PageParams } from "@/lib/record/query";
import { invalidNotices } from "@/lib/record/notices";
import { UrlNotices } from "@/components/ui/url-notices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The search's results page: the header's form lands here without JavaScript (or on Enter). */
export default async function SearchPage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { value, invalid } = searchPageQuery.lenient(await searchParams);
  const [t, tType, dataset] = await Promise.all([getTranslations("search"), getTranslations("entityType"), getPublicDataset()]);
  const view = searchView(dataset, value);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <UrlNotices notices={invalidNotices(invalid)} canonical={`/cari${searchPageQuery.search({ q: view.q || undefined })}`} year={null} />
      <p className="mb-4 text-sm" role="status">
        {view.q === ""
          ? t("empty")
          : view.total === 0
            ? t("none", { q: view.q })
            : view.hits.length < view.total
              ? t("countLimited", { shown: view.hits.length, total: view.total, q: view.q })
              : t("count", { total: view.total, q: view.q })}
      </p>
      {view.hits.length > 0 && (
        <ol className="max-w-3xl divide-y divide-slate-200 border-y border-slate-200" aria-label={t("title")}>
          {view.hits.map((hit) => (
            <li key={`${hit.kind}:${hit.slug}`} className="py-2" data-slug={hit.slug}>
              <Link href={hitPath(hit)} className="font-medium text-blue-800 underline">
                {hit.name}
              </Link>
              <span className="block text-sm text-slate-700">
                {hit.kind === "province" ? t("province") : tType(hit.type!)}
                {hit.province && (
                  <>
                    {" · "}
                    <Link href={`/provinsi/${hit.province.slug}`} className="underline">{hit.province.name}</Link>
                  </>
                )}
              </span>
              <span className="block text-sm">
                {hit.years.length === 0 ? (
                  <span className="text-slate-700">{t("noYears")}</span>
                ) : (
                  <>
                    <span className="text-slate-700">{t("yearsLabel")}</span>{" "}
                    {hit.years.map((year, i) => (
                      <span key={year}>
                        {i > 0 && ", "}
                        <Link href={`${hitPath(hit)}?tahun=${year}`} aria-label={t("yearLink", { name: hit.name, year })} className="text-blue-800 underline">
                          {year}
                        </Link>
                      </span>
                    ))}
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
