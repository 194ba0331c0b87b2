/**
 * The URL queries of the downloads. A download of results takes the rankings page's query
 * (lib/record/query.ts) — so every table's download link carries exactly that table's filters —
 * plus the format and the entity and comparison pages' parameters; a table of totals names the
 * table. Both are read strictly: an invalid value is a 400 with the zod issues.
 */
import { z } from "zod";
import { SORT_DIRECTIONS } from "@/lib/domain/selection";
import { defineQuery, rankingsQuery, SLUG, slugListParam, slugParam, yearParam } from "@/lib/record/query";
import { SUMMARY_TABLES } from "@/lib/record/summary-tables";
import { EXPORT_FORMATS, type ExportFormat } from "./formats";

/** Most entities one download may name: the comparison page shows four, and a few more do no harm. */
export const MAX_EXPORT_ENTITIES = 20;

const { halaman: _page, ...rankingsShape } = rankingsQuery.schema.shape;
void _page;

/** A download of results: the rankings page's parameters plus the format, and the entity
 * page's / comparison's entities. Every filtered row is downloaded, not one page. */
export const exportQuery = defineQuery({
  format: z.enum(EXPORT_FORMATS),
  ...rankingsShape,
  /** Entity slugs, comma-separated (`instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah`), as
   * /bandingkan takes them. Without `urut`, rows of a year follow this order. */
  instansi: slugListParam.pipe(z.array(z.string().regex(SLUG)).min(1).max(MAX_EXPORT_ENTITIES)).optional(),
  /** Years newest first (default) or oldest first (as /bandingkan lists them). */
  arah_tahun: z.enum(SORT_DIRECTIONS).optional(),
  // The page being viewed does not narrow a download: every filtered row is exported.
  halaman: z.string().optional(),
});
export type ExportQuery = z.output<typeof exportQuery.schema>;

/** A download of a table of totals (lib/record/summary-tables.ts). */
export const summaryQuery = defineQuery({
  tabel: z.enum(SUMMARY_TABLES).meta({ description: "tren-zona: national zone counts per year; peta-provinsi: each province's Pemda average in a year; rata-rata-provinsi: a province's group averages across years" }),
  format: z.enum(EXPORT_FORMATS),
  tahun: yearParam.optional().meta({ description: "peta-provinsi: the year (else the latest)" }),
  provinsi: slugParam.optional().meta({ description: "rata-rata-provinsi: the province slug (required)" }),
});
export type SummaryQuery = z.output<typeof summaryQuery.schema>;

/** Where a download of results is, in each format: the page's own filters, through the same schema. */
export function resultsDownload(query: Omit<ExportQuery, "format" | "halaman">): (format: ExportFormat) => string {
  return (format) => `/api/v1/export${exportQuery.search({ ...query, format })}`;
}

/** Where a table of totals downloads, in each format. */
export function summaryDownload(query: Omit<SummaryQuery, "format">): (format: ExportFormat) => string {
  return (format) => `/api/v1/export/ringkasan${summaryQuery.search({ ...query, format })}`;
}
