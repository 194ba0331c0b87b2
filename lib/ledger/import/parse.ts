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
import { startsLikeFormula } from "@/lib/domain/formula-cells";
import { decodeImportText, type TextEncodingName } from "./decode";
import { checkXlsxLimits, MAX_IMPORT_ROWS } from "./xlsx-limits";

export interface RawRow {
  line: number;
  values: Record<ResultFileColumn, string>;
  /**
   * Cells a spreadsheet could run as a formula (lib/domain/formula-cells.ts), by column as the
   * header names it, as written in the file (before trimming); and XLSX cells that hold a formula
   * (the value read is its last result). The plan warns about each; nothing is changed.
   */
  formulaCells?: FormulaCell[];
}

export interface FormulaCell {
  column: string;
  /** The cell's text as written (a formula cell: its result). */
  text: string;
  /** An XLSX formula cell: the formula itself. */
  formula?: string;
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

/** Cells that start like a formula, by their column's name (the cells as written, untrimmed). */
function formulaLike(names: readonly string[], cells: readonly string[]): FormulaCell[] {
  const found: FormulaCell[] = [];
  cells.forEach((cell, i) => {
    if (startsLikeFormula(cell)) found.push({ column: names[i] || `kolom ${i + 1}`, text: cell });
  });
  return found;
}

function toRow(header: readonly string[], cells: readonly string[], line: number, formulas: readonly FormulaCell[] = []): RawRow {
  const values = Object.fromEntries(RESULT_FILE_COLUMNS.map((c) => [c, ""])) as Record<ResultFileColumn, string>;
  const names = header.map((h) => h.trim().toLowerCase());
  const flagged = [...formulaLike(names, cells), ...formulas];
  const exported = names.includes("published_zone") || names.includes("published_category");
  names.forEach((name, i) => {
    const cell = (cells[i] ?? "").trim();
    if (exported && (name === "zone" || name === "category")) return;
    if (name === "published_zone") values.zone = cell;
    else if (name === "published_category") values.category = cell;
    else if ((RESULT_FILE_COLUMNS as readonly string[]).includes(name)) values[name as ResultFileColumn] = cell;
  });
  return flagged.length > 0 ? { line, values, formulaCells: flagged } : { line, values };
}

/** A file's cells before any column is given a meaning: its header and its non-empty rows. */
export interface ImportTable {
  header: string[];
  records: { line: number; cells: string[]; formulas: (FormulaCell & { index: number })[] }[];
  encoding?: TextEncodingName;
}

export type ReadTable = { ok: true; table: ImportTable } | { ok: false; message: string };

function readCsvTable(text: string): ReadTable {
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
  const rows = records
    .slice(1)
    .filter(({ record }) => record.some((cell) => cell.trim() !== ""))
    .map(({ record, info }) => ({ line: info.lines, cells: record, formulas: [] }));
  return { ok: true, table: { header: records[0]!.record, records: rows } };
}

/** The strict reading (the command line, the seed): the file's columns by their exact names. */
function strictRows(read: ReadTable): ParsedFile {
  if (!read.ok) return read;
  const { header, records } = read.table;
  const problem = checkHeader(header);
  if (problem) return { ok: false, message: problem };
  const names = header.map((h) => h.trim().toLowerCase());
  return {
    ok: true,
    rows: records.map(({ line, cells, formulas }) =>
      toRow(header, cells, line, formulas.map(({ index, ...f }) => ({ ...f, column: names[index] || `kolom ${index + 1}` }))),
    ),
  };
}

export function parseCsv(text: string): ParsedFile {
  return strictRows(readCsvTable(text));
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

/** The formula of an XLSX formula cell (its own or a shared one), else null. */
function formulaOf(value: ExcelJS.CellValue): string | null {
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  const cell = value as { formula?: unknown; sharedFormula?: unknown };
  if (typeof cell.formula === "string") return cell.formula;
  if (typeof cell.sharedFormula === "string") return cell.sharedFormula;
  return null;
}

/** Numbers stored as numbers in a sheet: a score of 91.66 may come back as 91.66000000000001. */
function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export async function parseXlsx(data: ArrayBuffer | Uint8Array): Promise<ParsedFile> {
  return strictRows(await readXlsxTable(data));
}

async function readXlsxTable(data: ArrayBuffer | Uint8Array): Promise<ReadTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    return { ok: false, message: `Berkas XLSX tidak dapat dibaca: ${error instanceof Error ? error.message : String(error)}` };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { ok: false, message: "Berkas kosong." };
  const width = sheet.getRow(1).cellCount;
  // The text of each cell as written (a number as its figures), before trimming.
  const rawCellsOf = (row: ExcelJS.Row) =>
    Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => {
      const value = row.getCell(i + 1).value;
      return typeof value === "number" ? numberText(value) : cellText(value);
    });
  const header = rawCellsOf(sheet.getRow(1)).map((c) => c.trim());
  const records: ImportTable["records"] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const raw = rawCellsOf(row);
    if (raw.every((c) => c.trim() === "")) return;
    const formulas: ImportTable["records"][number]["formulas"] = [];
    raw.forEach((text, i) => {
      const formula = formulaOf(row.getCell(i + 1).value);
      if (formula !== null) formulas.push({ index: i, column: "", text, formula });
    });
    records.push({ line: number, cells: raw, formulas });
  });
  return { ok: true, table: { header, records } };
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

/**
 * The import screen's reading: the file's cells, whatever its headers say (the mapping step,
 * headers.ts, gives them their meaning). Same limits and encoding detection as parseImportFile.
 */
export async function readImportTable(name: string, data: Uint8Array): Promise<ReadTable> {
  const isZip = data.length > 1 && data[0] === 0x50 && data[1] === 0x4b;
  if (name.toLowerCase().endsWith(".xlsx") || isZip) {
    const measured = await checkXlsxLimits(data);
    if (!measured.ok) return { ok: false, message: measured.message };
    return readXlsxTable(data);
  }
  const decoded = decodeImportText(data);
  if (!decoded.ok) return decoded;
  const read = readCsvTable(decoded.text);
  if (!read.ok) return read;
  if (read.table.records.length > MAX_IMPORT_ROWS) {
    return { ok: false, message: `Berkas memuat lebih dari ${MAX_IMPORT_ROWS.toLocaleString("id-ID")} baris; bagi menjadi beberapa berkas.` };
  }
  return { ok: true, table: { ...read.table, encoding: decoded.encoding } };
}

/**
 * The rows of a table under a mapping (headers.ts: the field of each column, null = ignored).
 * `sourceUrl`: the link the screen gives for the whole file, for the rows whose link is empty.
 */
export function rowsOfTable(table: ImportTable, mapping: readonly { index: number; column: ResultFileColumn | null }[], sourceUrl: string | null = null): RawRow[] {
  const label = (index: number) => table.header[index]?.trim() || `kolom ${index + 1}`;
  return table.records.map(({ line, cells, formulas }) => {
    const values = Object.fromEntries(RESULT_FILE_COLUMNS.map((c) => [c, ""])) as Record<ResultFileColumn, string>;
    for (const { index, column } of mapping) if (column) values[column] = (cells[index] ?? "").trim();
    if (sourceUrl && values.source_url === "") values.source_url = sourceUrl;
    const mapped = new Set(mapping.flatMap((m) => (m.column ? [m.index] : [])));
    const flagged: FormulaCell[] = [];
    cells.forEach((cell, i) => {
      if (mapped.has(i) && startsLikeFormula(cell)) flagged.push({ column: label(i), text: cell });
    });
    for (const { index, ...f } of formulas) if (mapped.has(index)) flagged.push({ ...f, column: label(index) });
    return flagged.length > 0 ? { line, values, formulaCells: flagged } : { line, values };
  });
}
