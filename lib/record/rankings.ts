import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TypeFilter } from "@/lib/domain/groups";
import { paginate, type Page, type SortDirection, type SortKey } from "@/lib/domain/selection";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type PublicDataset } from "./dataset";
import { chooseYear, nationalYearOptions, type YearChoice } from "./years";
import { rankingsQuery, type PageParams, type RankingsQuery } from "./query";
import { selectionOf, selectRows } from "./result-rows";
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
  /** The state of the page for its links: the query with the year shown. */
  query: RankingsQuery;
}

/** The rankings explorer: one year's results, ranked over whole groups, then filtered,
 * sorted and paged as the URL asks. */
export function rankingsView(dataset: PublicDataset, query: RankingsQuery): RankingExplorer {
  const yearChoice = chooseYear(nationalYearOptions(dataset), query.tahun);
  const year = yearChoice?.year ?? null;
  const selection = selectionOf({ ...query, tahun: year ?? undefined });
  const rows = year === null ? [] : selectRows(dataset, selection).map((r) => r.row);
  const methodology = year !== null ? dataset.methodologies.get(year) : undefined;
  return {
    years: dataset.years,
    year,
    yearChoice,
    methodology: methodology ? { name: methodology.name, bandsVerified: methodology.bandsVerified } : null,
    filters: { jenis: selection.types, provinsi: selection.provinceSlug, q: selection.q, sort: selection.sort, dir: selection.dir },
    page: paginate(rows, query.halaman ?? 1, EXPLORER_PAGE_SIZE),
    provinces: dataset.provinces.map((p) => ({ slug: p.slug, name: p.name })),
    query: { ...query, tahun: year ?? undefined },
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
