/**
 * The file writers of every download: a table (lib/record/table.ts) as CSV, JSON or XLSX
 * (csv-stringify and exceljs, both maintained). The same cells in every format; in CSV and
 * XLSX none that a spreadsheet would run as a formula (spreadsheet-safe.ts).
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { PUBLIC_CACHE_CONTROL } from "@/lib/server/cache-policy";
import type { Cell, ExportFormat, Table } from "@/lib/record/table";
import { spreadsheetSafe } from "./spreadsheet-safe";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** CSV with a header row, dot decimal, RFC 4180 quoting. Notes go in the XLSX/JSON files,
 * not in the CSV, so that it stays one table an importer can read back. */
export function toCsv(table: Table): string {
  return stringify([[...table.columns], ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : spreadsheetSafe(String(cell)))))], { record_delimiter: "\n" });
}

/** Which cells are decimals, and how JSON and spreadsheets write them. */
function decimalsOf(table: Table): { isDecimal: (column: number) => boolean; asNumbers: boolean } {
  const decimal = new Set(table.file.decimalColumns);
  const flags = table.columns.map((c) => decimal.has(c));
  return { isDecimal: (i) => flags[i] === true, asNumbers: table.file.decimals === "number" };
}

/** `{ table?, note, data }`: one object per row, empty cells null. */
export function toJson(table: Table): string {
  const { isDecimal, asNumbers } = decimalsOf(table);
  const data = table.rows.map((row) =>
    Object.fromEntries(
      table.columns.map((column, i) => {
        const cell = row[i] ?? null;
        if (cell === null || cell === "") return [column, null];
        return [column, asNumbers && isDecimal(i) ? Number(cell) : cell];
      }),
    ),
  );
  return JSON.stringify({ ...(table.file.name !== null ? { table: table.file.name } : {}), note: table.notes, data }, null, 2) + "\n";
}

/**
 * How a workbook reads for people in one language: column headers and the labels of coded values
 * ("PEMKAB" → "Pemerintah Kabupaten", "HIJAU" → "Zona Hijau"), and a "Keterangan" sheet (what the
 * file is, where it came from, the filters, the date) instead of the bare notes. CSV and JSON keep
 * the codes: programs read them.
 */
export interface WorkbookLabels {
  /** The data sheet's name (else the table's). */
  sheet?: string;
  /** The header of a column (its key when the function gives nothing). */
  header: (column: string) => string | undefined;
  /** The label of a coded cell of a column (the cell as is when the function gives nothing). */
  label: (column: string, value: string) => string | undefined;
  /** The information sheet: its name, and its rows (label, value); the table's notes follow. */
  info: { sheet: string; rows: readonly (readonly [string, string])[]; notesTitle: string };
}

/** One workbook: a data sheet (bold, frozen header) and a notes sheet — or, with labels, the
 * headers and codes in a language and an information sheet. A fixed creation date keeps the same
 * data giving the same content. */
export async function toXlsx(table: Table, labels?: WorkbookLabels): Promise<Buffer> {
  const { isDecimal, asNumbers } = decimalsOf(table);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const data = workbook.addWorksheet(labels?.sheet ?? table.file.sheet);
  data.columns = table.columns.map((column) => ({
    header: labels?.header(column) ?? column,
    key: column,
    width: column === "entity_name" || column.endsWith("url") ? 40 : labels ? 20 : 16,
  }));
  for (const row of table.rows) {
    data.addRow(
      row.map((cell: Cell, i) => {
        if (cell === "") return null;
        if (isDecimal(i) && cell !== null) return Number(cell);
        if (labels && typeof cell === "string") return spreadsheetSafe(labels.label(table.columns[i]!, cell) ?? cell);
        return spreadsheetSafe(cell);
      }),
    );
  }
  if (asNumbers) {
    table.columns.forEach((_, i) => {
      if (isDecimal(i)) data.getColumn(i + 1).numFmt = "0.00";
    });
  }
  data.getRow(1).font = { bold: true };
  data.views = [{ state: "frozen", ySplit: 1 }];
  if (labels) {
    const info = workbook.addWorksheet(labels.info.sheet);
    for (const [label, value] of labels.info.rows) info.addRow([label, spreadsheetSafe(value)]);
    info.addRow([]);
    info.addRow([labels.info.notesTitle]);
    for (const line of table.notes) info.addRow(["", spreadsheetSafe(line)]);
    info.getColumn(1).width = 24;
    info.getColumn(1).font = { bold: true };
    info.getColumn(2).width = 120;
  } else {
    const notes = workbook.addWorksheet("Catatan");
    for (const line of table.notes) notes.addRow([spreadsheetSafe(line)]);
    notes.getColumn(1).width = 120;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table as a file of the format asked for. */
export async function writeTable(table: Table, format: ExportFormat, labels?: WorkbookLabels): Promise<string | Buffer> {
  return format === "csv" ? toCsv(table) : format === "json" ? toJson(table) : toXlsx(table, labels);
}

/** The HTTP answer of a download: the file, its type and its name. */
export async function downloadResponse(table: Table, format: ExportFormat, fileName: string, labels?: WorkbookLabels): Promise<Response> {
  const body = await writeTable(table, format, labels);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}.${format}"`,
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
