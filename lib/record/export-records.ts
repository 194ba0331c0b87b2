/**
 * Rows of a public table as export records: the computed zone/category, the published ones,
 * the ranks as stated on the page, the source and the methodology. Pure: no I/O.
 */
import type { RankView } from "@/lib/domain/completeness";
import { hundredthsToDecimalString } from "@/lib/domain/score";
import type { YearRow } from "@/lib/domain/year-view";

/** The columns of `npm run data:export` and of every download: the results file's format (lib/domain/results-file.ts). */
export { DOWNLOAD_EXTRA_COLUMNS, EXPORT_COLUMNS, type ExportColumn } from "@/lib/domain/results-file";

export interface ExportRecord {
  year: number;
  entity_type: string;
  entity_name: string;
  entity_slug: string;
  province: string;
  /** Hundredths, or null without a score. */
  score: number | null;
  zone: string;
  category: string;
  published_zone: string;
  published_category: string;
  opinion: string;
  national_rank: number | null;
  province_rank: number | null;
  national_rank_basis: string;
  province_rank_basis: string;
  source_url: string;
  methodology: string;
}

/** The rank a page states (computed for a complete group, else the source's), with its basis. */
export function statedRank(rank: RankView | null): { rank: number | null; basis: string } {
  const official = rank?.official;
  if (!official) return { rank: null, basis: "" };
  return { rank: official.rank, basis: official.source === "computed" ? "computed" : "published" };
}

export function toExportRecord(year: number, row: YearRow, methodology: { name: string; bandsVerified: boolean } | null): ExportRecord {
  const national = statedRank(row.nationalRank);
  const province = statedRank(row.provinceRank);
  const computed = row.zoneBasis === "computed";
  return {
    year,
    entity_type: row.entity.type,
    entity_name: row.entity.name,
    entity_slug: row.entity.slug,
    province: row.province?.name ?? "",
    score: row.score,
    zone: computed ? (row.zone ?? "") : "",
    category: computed ? (row.category ?? "") : "",
    published_zone: row.publishedZone ?? "",
    published_category: row.publishedCategory ?? "",
    opinion: row.publishedOpinion ?? "",
    national_rank: national.rank,
    province_rank: province.rank,
    national_rank_basis: national.basis,
    province_rank_basis: province.basis,
    source_url: row.sourceUrl ?? "",
    methodology: methodology ? `${methodology.name}${methodology.bandsVerified ? "" : " (batas nilai belum terverifikasi)"}` : "",
  };
}

/** A record as text cells for CSV: dot decimal, empty for missing values. */
export function recordCells(record: ExportRecord, columns: readonly (keyof ExportRecord)[]): string[] {
  return columns.map((column) => {
    const value = record[column];
    if (value === null) return "";
    if (column === "score") return hundredthsToDecimalString(value as number);
    return String(value);
  });
}
