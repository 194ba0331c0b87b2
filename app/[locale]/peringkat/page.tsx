import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLinks } from "@/components/tables/download-links";
import { ExplorerFilters } from "@/components/tables/explorer-filters";
import { ExplorerTable } from "@/components/tables/explorer-table";
import { Pagination } from "@/components/ui/pagination";
import { YearChoiceNav } from "@/components/ui/year-choice";
import { resultsDownload } from "@/lib/record/query";
import { getPublicDataset } from "@/lib/record/dataset";
import { rankingsQuery, type PageParams, type RankingsQuery } from "@/lib/record/query";
import { rankingsView } from "@/lib/record/rankings";
import { localizePath } from "@/lib/i18n/paths";
import { intlLocale } from "@/lib/i18n/routing";
import { formatScore } from "@/lib/domain/score";
import { shareMetadata } from "@/components/ui/share-metadata";
import { invalidNotices } from "@/lib/record/notices";
import { Link } from "@/components/ui/locale-link";
import { UrlNotices } from "@/components/ui/url-notices";
import { CiteShare } from "@/components/cite/cite-share";
import { rankingsPageCitation } from "@/components/cite/page-citations";

export async function generateMetadata({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<PageParams> }): Promise<Metadata> {
  const { locale } = await params;
  const [t, tShare, tSite, dataset] = await Promise.all([getTranslations("explorer"), getTranslations("share"), getTranslations("site"), getPublicDataset()]);
  const explorer = rankingsView(dataset, rankingsQuery.lenient(await searchParams).value);
  const top = explorer.page.items.find((row) => row.score !== null);
  if (explorer.year === null || !top) return { title: t("metaTitle") };
  const description = tShare("rankings", { year: explorer.year, count: explorer.page.total, top: top.entity.name, score: formatScore(top.score!, intlLocale(locale)) });
  return shareMetadata({ title: t("title", { year: explorer.year }), description, siteName: tSite("name"), locale });
}

export default async function RankingsPage({ searchParams }: { searchParams: Promise<PageParams> }) {
  const { value, invalid } = rankingsQuery.lenient(await searchParams);
  const [t, dataset, locale] = await Promise.all([getTranslations("explorer"), getPublicDataset(), getLocale()]);
  const explorer = rankingsView(dataset, value);
  if (explorer.year === null) return <p>{t("noData")}</p>;
  const { year, filters, page, query } = explorer;
  // Every link of the page is the page's own state with something changed.
  const href = (changes: Partial<RankingsQuery>) => `/peringkat${rankingsQuery.search({ ...query, ...changes })}`;
  const action = localizePath("/peringkat", locale);
  // A download holds every page of the table.
  const { halaman: _page, ...filtered } = query;
  void _page;
  const scope = [filters.jenis ? t(`typeFilter.${filters.jenis}`) : null, explorer.provinces.find((p) => p.slug === filters.provinsi)?.name ?? null, filters.q ? `“${filters.q}”` : null]
    .filter(Boolean)
    .join(", ");
  const tCite = await getTranslations("cite");
  const cite = await rankingsPageCitation(explorer.canonical, { year, methodologyName: explorer.methodology?.name ?? null, scope: scope || tCite("rankingsAll"), count: page.total }, locale);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title", { year })}</h1>
      <UrlNotices notices={[...invalidNotices(invalid), ...explorer.notices]} canonical={explorer.canonical} year={year} page={page.page} />
      <CiteShare address={cite.address} citation={cite.citation} locale={intlLocale(locale)} />
      {explorer.yearChoice && <YearChoiceNav choice={explorer.yearChoice} label={t("yearNav")} href={(y) => href({ tahun: y, halaman: undefined })} />}
      <p className="mb-4 text-sm text-slate-700">
        {explorer.methodology ? t("methodology", { year, name: explorer.methodology.name }) : t("noMethodology")}
        {explorer.methodology && !explorer.methodology.bandsVerified && <> {t("methodologyUnverified")}</>}
      </p>
      <ExplorerFilters action={action} years={explorer.years} query={query} provinces={explorer.provinces} resetHref={`${action}${rankingsQuery.search({ tahun: year })}`} />
      <p className="mb-2 text-sm text-slate-700" role="status">
        {page.total === 0 ? t("emptyFiltered", { year }) : t("showing", { from: page.from, to: page.to, total: page.total })}
      </p>
      {explorer.otherYears.length > 0 && (
        <p className="mb-3 text-sm" data-other-years>
          {t("otherYears", { q: filters.q })}{" "}
          {explorer.otherYears.map((other, i) => (
            <span key={other.year}>
              {i > 0 && ", "}
              <Link href={href({ tahun: other.year, halaman: undefined })} className="text-blue-800 underline">
                {t("otherYear", { year: other.year, count: other.count })}
              </Link>
            </span>
          ))}
        </p>
      )}
      <p className="mb-3 text-xs text-slate-700">{t("rankNote")}</p>
      {page.total > 0 && <DownloadLinks href={resultsDownload(filtered)} />}
      {page.total > 0 && (
        <ExplorerTable rows={page.items} year={year} sortHref={(urut, arah) => href({ urut, arah, halaman: undefined })} sort={filters.sort} dir={filters.dir} />
      )}
      <Pagination page={page.page} pageCount={page.pageCount} href={(p) => href({ halaman: p > 1 ? p : undefined })} />
    </>
  );
}
