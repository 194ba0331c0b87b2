/** Downloads of the tables of totals (lib/record/summary-tables.ts builds them): the query and the file formats. */
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { wholeNumberParam } from "@/lib/api/schemas";
import { YEAR_RANGE } from "@/lib/domain/numbers";
import { SUMMARY_TABLES, type SummaryTable } from "@/lib/record/summary-tables";
import { EXPORT_FORMATS, writeWorkbook } from "./formats";
import { spreadsheetSafe } from "./spreadsheet-safe";

export const summaryQuerySchema = z.strictObject({
  tabel: z.enum(SUMMARY_TABLES).meta({ description: "tren-zona: national zone counts per year; peta-provinsi: each province's Pemda average in a year; rata-rata-provinsi: a province's group averages across years" }),
  format: z.enum(EXPORT_FORMATS),
  tahun: wholeNumberParam(YEAR_RANGE.min, YEAR_RANGE.max).optional().meta({ description: "peta-provinsi: the year (else the latest)" }),
  provinsi: z.string().regex(/^[a-z0-9-]+$/).optional().meta({ description: "rata-rata-provinsi: the province slug (required)" }),
});

export function summaryToCsv(table: SummaryTable): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : spreadsheetSafe(cell))))], { record_delimiter: "\n" });
}

export function summaryToJson(table: SummaryTable): string {
  const data = table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])));
  return JSON.stringify({ table: table.name, note: table.notes, data }, null, 2) + "\n";
}

export function summaryToXlsx(table: SummaryTable): Promise<Buffer> {
  return writeWorkbook({
    name: "Tabel",
    columns: table.columns.map((column) => ({ header: column, width: column.endsWith("url") ? 40 : 16 })),
    // Averages and changes are decimal strings in CSV and JSON; numbers in a spreadsheet (a
    // negative one too: it is a number, not text to neutralise).
    rows: table.rows.map((row) => row.map((cell) => (typeof cell === "string" && /^-?\d+\.\d\d$/.test(cell) ? Number(cell) : cell))),
    notes: table.notes,
  });
}
