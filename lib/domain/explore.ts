import { typesOfFilter, type TypeFilter } from "./groups";
import { normalizeName } from "./normalize";
import type { EntityType } from "./types";

/** Filtering, sorting and paging of the rankings explorer. Ranks are computed before any
 * filter (over whole groups), so filtering never changes a rank. */

export const SORT_KEYS = ["nilai", "nama", "provinsi", "perubahan"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface ExplorableRow {
  entity: { name: string; slug: string; type: EntityType };
  province: { name: string; slug: string } | null;
  score: number | null;
  change: { delta: number | null } | null;
}

export interface ExploreFilter {
  types: TypeFilter | null;
  provinceSlug: string | null;
  /** Entity slugs matching the name search (names and aliases); null when no search. */
  matchingSlugs: ReadonlySet<string> | null;
}

export function filterRows<T extends ExplorableRow>(rows: readonly T[], filter: ExploreFilter): T[] {
  const types = filter.types ? new Set(typesOfFilter(filter.types)) : null;
  return rows.filter(
    (row) =>
      (!types || types.has(row.entity.type)) &&
      (!filter.provinceSlug || row.province?.slug === filter.provinceSlug) &&
      (!filter.matchingSlugs || filter.matchingSlugs.has(row.entity.slug)),
  );
}

export function parseSort(key: string | undefined, dir: string | undefined): { key: SortKey; dir: SortDirection } {
  const k = (SORT_KEYS as readonly string[]).includes(key ?? "") ? (key as SortKey) : "nilai";
  const d: SortDirection = dir === "asc" || dir === "desc" ? dir : k === "nama" || k === "provinsi" ? "asc" : "desc";
  return { key: k, dir: d };
}

/** Sort rows; rows without the sorted value (no score, no change) always go last. */
export function sortRows<T extends ExplorableRow>(rows: readonly T[], key: SortKey, dir: SortDirection): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: T, b: T) => a.entity.name.localeCompare(b.entity.name, "id");
  const numeric = (value: (row: T) => number | null) => (a: T, b: T) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return sign * (va - vb) || byName(a, b);
  };
  const compare: Record<SortKey, (a: T, b: T) => number> = {
    nilai: numeric((r) => r.score),
    perubahan: numeric((r) => r.change?.delta ?? null),
    nama: (a, b) => sign * byName(a, b),
    provinsi: (a, b) => {
      const pa = a.province?.name ?? null;
      const pb = b.province?.name ?? null;
      if (pa === pb) return byName(a, b);
      if (pa === null) return 1;
      if (pb === null) return -1;
      return sign * pa.localeCompare(pb, "id") || byName(a, b);
    },
  };
  return [...rows].sort(compare[key]);
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
  /** 1-based position of the first item shown (0 when empty). */
  from: number;
  to: number;
}

export function paginate<T>(rows: readonly T[], requestedPage: number, pageSize: number): Page<T> {
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Number.isInteger(requestedPage) ? Math.min(Math.max(requestedPage, 1), pageCount) : 1;
  const start = (page - 1) * pageSize;
  const items = rows.slice(start, start + pageSize);
  return { items, page, pageCount, total, from: items.length ? start + 1 : 0, to: start + items.length };
}

/** The compact key of a search text, comparable with EntityAlias.key ("Kota Banjar Masin" → "kotabanjarmasin"). */
export function searchKey(query: string): string {
  return normalizeName(query).replace(/ /g, "");
}
