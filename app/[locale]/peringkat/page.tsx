import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLinks } from "@/components/tables/download-links";
import { ExplorerFilters } from "@/components/tables/explorer-filters";
import { ExplorerTable } from "@/components/tables/explorer-table";
import { Pagination } from "@/components/ui/pagination";
import { firstParam } from "@/components/ui/query";
import { YearNav } from "@/components/ui/year-nav";
import { getRankingExplorer } from "@/lib/record/rankings";
import { getProvinces } from "@/lib/record/provinces";
import { localizePath } from "@/lib/i18n/paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("explorer");
  return { title: t("metaTitle") };
}

export default async function RankingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const raw = {
    tahun: firstParam(sp.tahun),
    jenis: firstParam(sp.jenis),
    provinsi: firstParam(sp.provinsi),
    q: firstParam(sp.q),
    urut: firstParam(sp.urut),
    arah: firstParam(sp.arah),
    halaman: firstParam(sp.halaman),
  };
  const [t, explorer, provinces, locale] = await Promise.all([
    getTranslations("explorer"),
    getRankingExplorer(raw),
    getProvinces(),
    getLocale(),
  ]);
  if (explorer.year === null) return <p>{t("noData")}</p>;
  const { year, filters, page } = explorer;
  const params = {
    tahun: String(year),
    jenis: filters.jenis,
    provinsi: filters.provinsi,
    q: filters.q || null,
    urut: raw.urut ? filters.sort : null,
    arah: raw.arah ? filters.dir : null,
  };
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title", { year })}</h1>
      <YearNav label={t("yearNav")} years={explorer.years} current={year} pathname="/peringkat" params={params} />
      <p className="mb-4 text-sm text-slate-700">
        {explorer.methodology ? t("methodology", { year, name: explorer.methodology.name }) : t("noMethodology")}
        {explorer.methodology && !explorer.methodology.bandsVerified && <> {t("methodologyUnverified")}</>}
      </p>
      <ExplorerFilters
        action={localizePath("/peringkat", locale)}
        year={year}
        years={explorer.years}
        jenis={filters.jenis}
        provinsi={filters.provinsi}
        q={filters.q}
        provinces={provinces}
        sort={raw.urut ? filters.sort : null}
        dir={raw.arah ? filters.dir : null}
      />
      <p className="mb-2 text-sm text-slate-700" role="status">
        {page.total === 0 ? t("emptyFiltered", { year }) : t("showing", { from: page.from, to: page.to, total: page.total })}
      </p>
      <p className="mb-3 text-xs text-slate-700">{t("rankNote")}</p>
      {page.total > 0 && <DownloadLinks params={params} />}
      {page.total > 0 && <ExplorerTable rows={page.items} year={year} params={params} sort={filters.sort} dir={filters.dir} />}
      <Pagination page={page.page} pageCount={page.pageCount} pathname="/peringkat" params={params} />
    </>
  );
}
