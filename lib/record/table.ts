import { hundredthsToDecimalString } from "@/lib/domain/score";

/**
 * One table as a page shows it and every download writes it: columns, rows of plain cells and
 * notes. A builder makes it once from a view; the page renders its `items` (what each row was
 * made from, for the page's own formatting and links), and the file writers
 * (lib/export/formats.ts) write its cells as CSV, JSON or XLSX.
 */
export type Cell = string | number | null;

/** The files a table downloads as (lib/export/formats.ts writes them). */
export const EXPORT_FORMATS = ["csv", "json", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Table<Item = unknown> {
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
  notes: readonly string[];
  /** Row i was made from items[i]. */
  items: readonly Item[];
  file: TableFile;
}

export interface TableFile {
  /** The spreadsheet's sheet name. */
  sheet: string;
  /** The `table` field of the JSON file; null when the file has none (the results). */
  name: string | null;
  /** Columns of decimals (scores and averages): their cells are text with a dot decimal ("95.45"). */
  decimalColumns: readonly string[];
  /**
   * How JSON and spreadsheets write those decimals: "number" — numbers, shown with two places
   * (the results); "text" — JSON keeps the text and the spreadsheet a plain number (the tables
   * of totals, as they were first published).
   */
  decimals: "number" | "text";
}

export interface Column<Item> {
  key: string;
  /** The cell of an item; a decimal column gives hundredths (9545 → "95.45"). */
  cell: (item: Item) => Cell;
  decimal?: boolean;
}

/** Build a table: one row per item, the cells its columns give. */
export function buildTable<Item>(
  items: readonly Item[],
  columns: readonly Column<Item>[],
  notes: readonly string[],
  file: Omit<TableFile, "decimalColumns">,
): Table<Item> {
  return {
    columns: columns.map((c) => c.key),
    rows: items.map((item) =>
      columns.map((c) => {
        const cell = c.cell(item);
        return c.decimal && typeof cell === "number" ? hundredthsToDecimalString(cell) : cell;
      }),
    ),
    notes,
    items,
    file: { ...file, decimalColumns: columns.filter((c) => c.decimal).map((c) => c.key) },
  };
}
