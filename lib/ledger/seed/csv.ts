import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/** A CSV row with its 1-based line number in the file (the header is line 1). */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** Read a CSV file with a header row; every value trimmed, BOM removed. */
export function readCsv(path: string, requiredColumns: readonly string[]): CsvRow[] {
  const text = readFileSync(path, "utf8");
  const records = parse(text, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  if (records.length > 0) {
    const missing = requiredColumns.filter((c) => !(c in records[0]!.record));
    if (missing.length > 0) throw new Error(`${path}: missing columns ${missing.join(", ")}`);
  }
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}

/** A row of a seed file that cannot be loaded: the file, its line, and why. */
export class SeedRowError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file} line ${line}: ${message}`);
  }
}
