/**
 * The admin result list's URL: search, year, province, status and page, read leniently (an
 * invalid value is left out) and written back for links — the list, its pages and its download
 * share one reading.
 */
import { parseId, parseYear } from "@/lib/domain/numbers";
import type { AdminResultFilter } from "@/lib/ledger/result-reads";

export const LIST_STATUSES = ["DRAFT", "PUBLISHED", "REVIEW", "DELETED"] as const;

export interface AdminListQuery {
  filter: AdminResultFilter;
  page: number;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

export function readListQuery(params: Params): AdminListQuery {
  const one = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const year = parseYear(one("tahun")) ?? undefined;
  const status = LIST_STATUSES.find((s) => s === one("status"));
  const query = one("q").trim();
  const provinceId = parseId(one("provinsi")) ?? undefined;
  const page = Math.min(10_000, Math.max(1, Number.parseInt(one("halaman"), 10) || 1));
  return { filter: { year, status, query: query || undefined, provinceId }, page };
}

/** The query string of a state ("?tahun=2025&provinsi=22&halaman=2"), empty values left out. */
export function listSearch(filter: AdminResultFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filter.query) params.set("q", filter.query);
  if (filter.year) params.set("tahun", String(filter.year));
  if (filter.provinceId) params.set("provinsi", String(filter.provinceId));
  if (filter.status) params.set("status", filter.status);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
