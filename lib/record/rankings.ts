import type { PrismaClient } from "@/lib/generated/prisma/client";
import { filterRows, paginate, parseSort, searchKey, sortRows, type Page, type SortDirection, type SortKey } from "@/lib/domain/explore";
import { parseTypeFilter, type TypeFilter } from "@/lib/domain/groups";
import type { YearRow } from "@/lib/domain/year-view";
import { publicDb } from "@/lib/db/replica";
import { containsText } from "@/lib/db/text";
import { getPublicDataset, resolveYear } from "./dataset";

export const EXPLORER_PAGE_SIZE = 50;

/** Entity slugs whose name or any alias contains the search text. */
export async function findEntitySlugsMatching(query: string, prisma: PrismaClient = publicDb()): Promise<Set<string>> {
  const text = query.trim();
  const key = searchKey(text);
  if (text === "") return new Set();
  const rows = await prisma.entity.findMany({
    where: {
      OR: [
        { name: containsText(prisma, text) },
        { aliases: { some: { alias: containsText(prisma, text) } } },
        ...(key ? [{ aliases: { some: { key: containsText(prisma, key) } } }] : []),
      ],
    },
    select: { slug: true },
  });
  return new Set(rows.map((r) => r.slug));
}

export interface ExplorerParams {
  tahun?: string;
  jenis?: string;
  provinsi?: string;
  q?: string;
  urut?: string;
  arah?: string;
  halaman?: string;
}

export interface RankingExplorer {
  years: number[];
  year: number | null;
  methodology: { name: string; bandsVerified: boolean } | null;
  filters: { jenis: TypeFilter | null; provinsi: string | null; q: string; sort: SortKey; dir: SortDirection };
  page: Page<YearRow>;
}

/** The rankings explorer: one year's results, ranked over whole groups, then filtered,
 * sorted and paged as the URL asks. */
export async function getRankingExplorer(params: ExplorerParams, prisma?: PrismaClient): Promise<RankingExplorer> {
  const dataset = await getPublicDataset(prisma);
  const year = resolveYear(dataset.years, params.tahun);
  const jenis = parseTypeFilter(params.jenis);
  const provinsi = params.provinsi?.trim() || null;
  const q = (params.q ?? "").trim().slice(0, 100);
  const { key, dir } = parseSort(params.urut, params.arah);
  const rows = year !== null ? (dataset.rowsByYear.get(year) ?? []) : [];
  const matchingSlugs = q ? await findEntitySlugsMatching(q, prisma) : null;
  const filtered = filterRows(rows, { types: jenis, provinceSlug: provinsi, matchingSlugs });
  const sorted = sortRows(filtered, key, dir);
  const methodology = year !== null ? dataset.methodologies.get(year) : undefined;
  return {
    years: dataset.years,
    year,
    methodology: methodology ? { name: methodology.name, bandsVerified: methodology.bandsVerified } : null,
    filters: { jenis, provinsi, q, sort: key, dir },
    page: paginate(sorted, Number(params.halaman ?? 1), EXPLORER_PAGE_SIZE),
  };
}
