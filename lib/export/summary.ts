/**
 * Downloads of the public tables that hold totals rather than results: the national zone
 * trend, the province map's table and a province's averages across years. Each builder turns
 * exactly what the page's table shows into rows; pure, no I/O.
 */
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { ProvinceReport, ProvinceTile } from "@/lib/data/provinces";
import type { Overview } from "@/lib/data/overview";
import { hundredthsToDecimalString } from "@/lib/domain/score";
import { EXPORT_FORMATS, writeWorkbook } from "./formats";

export const SUMMARY_TABLES = ["tren-zona", "peta-provinsi", "rata-rata-provinsi"] as const;
export type SummaryTableName = (typeof SUMMARY_TABLES)[number];

export const summaryQuerySchema = z.strictObject({
  tabel: z.enum(SUMMARY_TABLES).meta({ description: "tren-zona: national zone counts per year; peta-provinsi: each province's Pemda average in a year; rata-rata-provinsi: a province's group averages across years" }),
  format: z.enum(EXPORT_FORMATS),
  tahun: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: "peta-provinsi: the year (else the latest)" }),
  provinsi: z.string().regex(/^[a-z0-9-]+$/).optional().meta({ description: "rata-rata-provinsi: the province slug (required)" }),
});

export type Cell = string | number | null;

export interface SummaryTable {
  name: SummaryTableName;
  columns: string[];
  rows: Cell[][];
  notes: string[];
}

const decimal = (hundredths: number | null | undefined): string | null => (hundredths === null || hundredths === undefined ? null : hundredthsToDecimalString(hundredths));

/** The home page's national trend: per year, the zone counts and where they come from. */
export function zoneTrendTable(trend: Overview["trend"]): SummaryTable {
  return {
    name: "tren-zona",
    columns: ["year", "hijau", "kuning", "merah", "total", "basis", "complete", "sources_differ", "source_url"],
    rows: trend.map((p) => [
      p.year,
      p.distribution.counts.HIJAU,
      p.distribution.counts.KUNING,
      p.distribution.counts.MERAH,
      p.distribution.total,
      p.basis,
      p.complete ? "yes" : "no",
      p.sourcesDiffer ? "yes" : "no",
      p.sourceUrl,
    ]),
    notes: [
      "Jumlah instansi per zona secara nasional. basis=published: angka yang dipublikasikan sumber; basis=recorded: dihitung dari hasil yang tercatat di Rapor saja (complete=no: tidak mencakup semua yang dinilai).",
    ],
  };
}

/** The home page's province map as its table shows it: each province with a Pemda average,
 * the average and its basis. */
export function provinceMapTable(year: number, tiles: readonly ProvinceTile[]): SummaryTable {
  return {
    name: "peta-provinsi",
    columns: ["year", "province_code", "province", "pemda_average", "basis", "results_counted", "zone"],
    rows: tiles.filter((tile) => tile.zone).map((tile) => [year, tile.code, tile.name, decimal(tile.average?.hundredths), tile.average?.basis ?? null, tile.average?.count ?? null, tile.zone]),
    notes: [
      `Rata-rata Pemda (Pemprov, Pemkab, Pemkot) per provinsi, ${year}. basis=computed: rata-rata seluruh yang dinilai; published: rata-rata menurut sumber; partial: rata-rata hasil yang tercatat saja, bukan seluruh yang dinilai.`,
    ],
  };
}

/** A province page's table across years: each group's average as the page states it. */
export function provinceAveragesTable(report: ProvinceReport): SummaryTable {
  const rows: Cell[][] = [];
  for (const year of report.years) {
    for (const group of year.groups) {
      const { average } = group.summary;
      rows.push([
        year.year,
        report.province.name,
        group.group,
        decimal(average.official?.hundredths),
        average.official?.source ?? null,
        average.official?.source === "published" ? (average.official.sourceUrl ?? null) : null,
        decimal(average.partial?.hundredths),
        average.partial?.count ?? null,
        group.assessed,
      ]);
    }
  }
  return {
    name: "rata-rata-provinsi",
    columns: ["year", "province", "group", "average", "average_basis", "average_source_url", "recorded_average", "recorded_count", "assessed"],
    rows,
    notes: [
      `Rata-rata per kelompok di ${report.province.name} dari tahun ke tahun. average: rata-rata kelompok (computed: seluruh yang dinilai tercatat; published: menurut sumber); recorded_average: rata-rata hasil yang tercatat saja, dari recorded_count hasil (bukan rata-rata kelompok bila tidak lengkap).`,
    ],
  };
}

export function summaryToCsv(table: SummaryTable): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : cell)))], { record_delimiter: "\n" });
}

export function summaryToJson(table: SummaryTable): string {
  const data = table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])));
  return JSON.stringify({ table: table.name, note: table.notes, data }, null, 2) + "\n";
}

export function summaryToXlsx(table: SummaryTable): Promise<Buffer> {
  return writeWorkbook({
    name: "Tabel",
    columns: table.columns.map((column) => ({ header: column, width: column.endsWith("url") ? 40 : 16 })),
    // Averages are decimal strings in CSV and JSON; numbers in a spreadsheet.
    rows: table.rows.map((row) => row.map((cell) => (typeof cell === "string" && /^\d+\.\d\d$/.test(cell) ? Number(cell) : cell))),
    notes: table.notes,
  });
}
