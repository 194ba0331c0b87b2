/**
 * Read an import file (CSV or XLSX: a results file, or an export of one; lib/domain/results-file.ts)
 * into raw text rows.
 * csv-parse and exceljs do the parsing; this only detects the separator, drops a BOM and
 * checks the header. A row keeps its line number (the header is line 1).
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import {
  EXPORT_ONLY_COLUMNS,
  REQUIRED_RESULT_FILE_COLUMNS,
  RESULT_FILE_COLUMNS,
  type ResultFileColumn,
} from "@/lib/domain/results-file";
import { decodeImportText, type TextEncodingName } from "./decode";
import { checkXlsxLimits, MAX_IMPORT_ROWS } from "./xlsx-limits";

export interface RawRow {
  line: number;
  values: Record<ResultFileColumn, string>;
}

/** `encoding`: how a CSV's bytes were read (decode.ts); absent for XLSX, which is always UTF-8 XML. */
export type ParsedFile = { ok: true; rows: RawRow[]; encoding?: TextEncodingName } | { ok: false; message: string };

/** ";" or ",": whichever separates more header fields. A decimal comma in a ","-separated
 * file must be quoted ("91,66"), as every spreadsheet writes it. */
export function detectDelimiter(text: string): ";" | "," {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return header.split(";").length > header.split(",").length ? ";" : ",";
}

function checkHeader(header: readonly string[]): string | null {
  const normalized = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_RESULT_FILE_COLUMNS.filter((c) => !normalized.includes(c));
  if (missing.length > 0) return `Kolom wajib tidak ada: ${missing.join(", ")}. Unduh templat untuk susunan kolom yang benar.`;
  const unknown = normalized.filter((h) => h !== "" && !(RESULT_FILE_COLUMNS as readonly string[]).includes(h) && !EXPORT_ONLY_COLUMNS.includes(h));
  if (unknown.length > 0) return `Kolom tidak dikenal: ${unknown.join(", ")}.`;
  const seen = new Set<string>();
  for (const h of normalized) {
    if (h !== "" && seen.has(h)) return `Kolom ${h} muncul dua kali.`;
    seen.add(h);
  }
  return null;
}

function toRow(header: readonly string[], cells: readonly string[], line: number): RawRow {
  const values = Object.fromEntries(RESULT_FILE_COLUMNS.map((c) => [c, ""])) as Record<ResultFileColumn, string>;
  const names = header.map((h) => h.trim().toLowerCase());
  const exported = names.includes("published_zone") || names.includes("published_category");
  names.forEach((name, i) => {
    const cell = (cells[i] ?? "").trim();
    if (exported && (name === "zone" || name === "category")) return;
    if (name === "published_zone") values.zone = cell;
    else if (name === "published_category") values.category = cell;
    else if ((RESULT_FILE_COLUMNS as readonly string[]).includes(name)) values[name as ResultFileColumn] = cell;
  });
  return { line, values };
}

export function parseCsv(text: string): ParsedFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { ok: false, message: `Berkas CSV tidak dapat dibaca: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (records.length === 0) return { ok: false, message: "Berkas kosong." };
  const header = records[0]!.record;
  const problem = checkHeader(header);
  if (problem) return { ok: false, message: problem };
  const rows = records
    .slice(1)
    .filter(({ record }) => record.some((cell) => cell.trim() !== ""))
    .map(({ record, info }) => toRow(header, record, info.lines));
  return { ok: true, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue); // formula
  }
  return String(value);
}

/** Numbers stored as numbers in a sheet: a score of 91.66 may come back as 91.66000000000001. */
function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export async function parseXlsx(data: ArrayBuffer | Uint8Array): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    return { ok: false, message: `Berkas XLSX tidak dapat dibaca: ${error instanceof Error ? error.message : String(error)}` };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { ok: false, message: "Berkas kosong." };
  const width = sheet.getRow(1).cellCount;
  const cellsOf = (row: ExcelJS.Row) =>
    Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => {
      const value = row.getCell(i + 1).value;
      return typeof value === "number" ? numberText(value) : cellText(value).trim();
    });
  const header = cellsOf(sheet.getRow(1));
  const problem = checkHeader(header);
  if (problem) return { ok: false, message: problem };
  const rows: RawRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = cellsOf(row);
    if (cells.every((c) => c === "")) return;
    rows.push(toRow(header, cells, number));
  });
  return { ok: true, rows };
}

/**
 * CSV or XLSX by name or content (an XLSX file is a ZIP: "PK"). An XLSX is measured before it
 * is parsed (xlsx-limits.ts); a CSV is decoded in the encoding it was saved in (decode.ts).
 */
export async function parseImportFile(name: string, data: Uint8Array): Promise<ParsedFile> {
  const isZip = data.length > 1 && data[0] === 0x50 && data[1] === 0x4b;
  if (name.toLowerCase().endsWith(".xlsx") || isZip) {
    const measured = await checkXlsxLimits(data);
    if (!measured.ok) return { ok: false, message: measured.message };
    return parseXlsx(data);
  }
  const decoded = decodeImportText(data);
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return parsed;
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    return { ok: false, message: `Berkas memuat lebih dari ${MAX_IMPORT_ROWS.toLocaleString("id-ID")} baris; bagi menjadi beberapa berkas.` };
  }
  return { ...parsed, encoding: decoded.encoding };
}
