import { typesOfFilter, type TypeFilter } from "./groups";
import { compareNames } from "./order";
import type { EntityType } from "./types";

/**
 * Which results a table shows, in which order, and which page of them: the rankings page, its
 * downloads and the other tables of results select rows with these. Ranks are computed before
 * any filter (over whole groups), so filtering never changes a rank.
 */

export const SORT_KEYS = ["nilai", "nama", "provinsi", "perubahan"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface SelectableRow {
  entity: { name: string; slug: string; type: EntityType };
  province: { name: string; slug: string } | null;
  score: number | null;
  change: { delta: number | null } | null;
}

export interface RowFilter {
  types: TypeFilter | null;
  provinceSlug: string | null;
  /** Entity slugs matching the name search (names and aliases); null when no search. */
  matchingSlugs: ReadonlySet<string> | null;
}

export function filterRows<T extends SelectableRow>(rows: readonly T[], filter: RowFilter): T[] {
  const types = filter.types ? new Set(typesOfFilter(filter.types)) : null;
  return rows.filter(
    (row) =>
      (!types || types.has(row.entity.type)) &&
      (!filter.provinceSlug || row.province?.slug === filter.provinceSlug) &&
      (!filter.matchingSlugs || filter.matchingSlugs.has(row.entity.slug)),
  );
}

/** The direction a sort key starts in: names A–Z, numbers highest first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === "nama" || key === "provinsi" ? "asc" : "desc";
}

/** The sort of a view: the key given (else by score) and the direction given (else the key's own). */
export function parseSort(key: string | undefined, dir: string | undefined): { key: SortKey; dir: SortDirection } {
  const k = (SORT_KEYS as readonly string[]).includes(key ?? "") ? (key as SortKey) : "nilai";
  const d: SortDirection = dir === "asc" || dir === "desc" ? dir : defaultDirection(k);
  return { key: k, dir: d };
}

/** Sort rows; rows without the sorted value (no score, no change) always go last. */
export function sortRows<T extends SelectableRow>(rows: readonly T[], key: SortKey, dir: SortDirection): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: T, b: T) => compareNames(a.entity.name, b.entity.name);
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
      return sign * compareNames(pa, pb) || byName(a, b);
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
