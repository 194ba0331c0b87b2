import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TypeFilter } from "@/lib/domain/groups";
import { paginate, type Page, type SortDirection, type SortKey } from "@/lib/domain/selection";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type PublicDataset } from "./dataset";
import { chooseYear, nationalYearOptions, type YearChoice } from "./years";
import { rankingsQuery, type PageParams, type RankingsQuery } from "./query";
import { selectionOf, selectRows } from "./result-rows";
import { yearNotice, type UrlNotice } from "./notices";
import { matchingSlugs } from "./search";

export const EXPLORER_PAGE_SIZE = 50;

export interface RankingExplorer {
  years: number[];
  year: number | null;
  /** Why this year (asked for, or the year the page opens on), and every year's coverage. */
  yearChoice: YearChoice | null;
  methodology: { name: string; bandsVerified: boolean } | null;
  filters: { jenis: TypeFilter | null; provinsi: string | null; q: string; sort: SortKey; dir: SortDirection };
  page: Page<YearRow>;
  /** Every province, for the filter. */
  provinces: { slug: string; name: string }[];
  /** The state of the page for its links: the query with the year shown (an unknown province left out). */
  query: RankingsQuery;
  /** What the page could not show as asked (lib/record/notices.ts), beside the invalid values of the parse. */
  notices: UrlNotice[];
  /** The address of what is shown. */
  canonical: string;
  /** With a name search and no row this year: the other years that have rows for the same filters, newest first. */
  otherYears: { year: number; count: number }[];
}

/** The rankings explorer: one year's results, ranked over whole groups, then filtered,
 * sorted and paged as the URL asks. */
export function rankingsView(dataset: PublicDataset, asked: RankingsQuery): RankingExplorer {
  const yearChoice = chooseYear(nationalYearOptions(dataset), asked.tahun);
  const year = yearChoice?.year ?? null;
  const provinceKnown = asked.provinsi === undefined || dataset.provinces.some((p) => p.slug === asked.provinsi);
  const query: RankingsQuery = provinceKnown ? asked : { ...asked, provinsi: undefined };
  const selection = selectionOf({ ...query, tahun: year ?? undefined });
  const rows = year === null ? [] : selectRows(dataset, selection).map((r) => r.row);
  const methodology = year !== null ? dataset.methodologies.get(year) : undefined;
  const page = paginate(rows, query.halaman ?? 1, EXPLORER_PAGE_SIZE);
  const notices: UrlNotice[] = [
    ...yearNotice(asked.tahun, year),
    ...(provinceKnown ? [] : [{ param: "provinsi", value: asked.provinsi!, reason: "unknownProvince" as const }]),
    ...(query.halaman !== undefined && query.halaman > page.pageCount ? [{ param: "halaman", value: String(query.halaman), reason: "pageBeyond" as const }] : []),
  ];
  const otherYears =
    year !== null && rows.length === 0 && selection.q !== ""
      ? dataset.years
          .filter((y) => y !== year)
          .map((y) => ({ year: y, count: selectRows(dataset, { ...selection, year: y }).length }))
          .filter((y) => y.count > 0)
      : [];
  return {
    years: dataset.years,
    year,
    yearChoice,
    methodology: methodology ? { name: methodology.name, bandsVerified: methodology.bandsVerified } : null,
    filters: { jenis: selection.types, provinsi: selection.provinceSlug, q: selection.q, sort: selection.sort, dir: selection.dir },
    page,
    provinces: dataset.provinces.map((p) => ({ slug: p.slug, name: p.name })),
    query: { ...query, tahun: year ?? undefined },
    notices,
    canonical: `/peringkat${rankingsQuery.search({ ...query, tahun: year ?? undefined, halaman: page.page > 1 ? page.page : undefined })}`,
    otherYears,
  };
}

/** The URL parameters of /peringkat, as a page receives them. */
export type ExplorerParams = PageParams;

export async function getRankingExplorer(params: ExplorerParams, prisma?: PrismaClient): Promise<RankingExplorer> {
  return rankingsView(await getPublicDataset(prisma), rankingsQuery.lenient(params).value);
}

/** Entity slugs whose name or any alias contains the search text. */
export async function findEntitySlugsMatching(query: string, prisma?: PrismaClient): Promise<Set<string>> {
  return matchingSlugs(await getPublicDataset(prisma), query);
}
