/** Serialise export records as CSV, JSON or XLSX (csv-stringify and exceljs, both maintained). */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { recordCells, type ExportRecord } from "@/lib/record/export-records";
import { spreadsheetSafe } from "./spreadsheet-safe";

export const EXPORT_FORMATS = ["csv", "json", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ExportNote {
  /** What the file holds (filters), how to read it, and the primary-value rule. */
  lines: string[];
}

/** CSV with a header row, dot decimal, RFC 4180 quoting, and no cell a spreadsheet would run
 * (spreadsheet-safe.ts). Notes go in the XLSX/JSON files, not in the CSV, so that it stays one
 * table an importer can read back. */
export function toCsv(records: readonly ExportRecord[], columns: readonly (keyof ExportRecord)[]): string {
  return stringify([columns as string[], ...records.map((r) => recordCells(r, columns).map(spreadsheetSafe))], { record_delimiter: "\n" });
}

export function toJson(records: readonly ExportRecord[], columns: readonly (keyof ExportRecord)[], note: ExportNote): string {
  const data = records.map((record) =>
    Object.fromEntries(
      columns.map((column) => {
        const value = record[column];
        if (column === "score") return [column, value === null ? null : (value as number) / 100];
        return [column, value === "" ? null : value];
      }),
    ),
  );
  return JSON.stringify({ note: note.lines, data }, null, 2) + "\n";
}

/** One workbook as every download writes it: a data sheet (bold, frozen header) and a notes
 * sheet, with no cell a spreadsheet would run. A fixed date keeps the same data giving the same file. */
export async function writeWorkbook(sheet: {
  name: string;
  columns: { header: string; width: number; numFmt?: string }[];
  rows: unknown[][];
  notes: readonly string[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const data = workbook.addWorksheet(sheet.name);
  data.columns = sheet.columns.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  // Text that a spreadsheet would run as a formula is made inert, in the data and the notes.
  for (const row of sheet.rows) data.addRow(row.map(spreadsheetSafe));
  sheet.columns.forEach((c, i) => {
    if (c.numFmt) data.getColumn(i + 1).numFmt = c.numFmt;
  });
  data.getRow(1).font = { bold: true };
  data.views = [{ state: "frozen", ySplit: 1 }];
  const notes = workbook.addWorksheet("Catatan");
  for (const line of sheet.notes) notes.addRow([spreadsheetSafe(line)]);
  notes.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function toXlsx(records: readonly ExportRecord[], columns: readonly (keyof ExportRecord)[], note: ExportNote): Promise<Buffer> {
  return writeWorkbook({
    name: "Hasil",
    columns: columns.map((column) => ({
      header: column,
      width: column === "entity_name" || column === "source_url" ? 40 : 16,
      ...(column === "score" ? { numFmt: "0.00" } : {}),
    })),
    rows: records.map((record) =>
      columns.map((column) => {
        const value = record[column];
        if (column === "score") return value === null ? null : (value as number) / 100;
        return value === "" ? null : value;
      }),
    ),
    notes: note.lines,
  });
}
