/**
 * Multi-row INSERTs for bulk writes, which Prisma's createMany runs far slower through the
 * driver adapter (measured in bench/import-25k.md). The SQL differs by database (placeholders,
 * booleans, timestamps, the limit on bound parameters); callers pass plain values.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { providerOf } from "@/lib/db/client";

/** Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535; stay below both. */
const MAX_PARAMETERS = 30_000;

/** DateTime as Prisma stores it in SQLite: ISO 8601 text with an explicit offset. */
export function sqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

type Cell = string | number | boolean | Date | null;

/** Insert rows into a table in as few statements as the parameter limit allows. */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: "Result" | "ResultSource",
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const postgres = providerOf(tx) === "postgresql";
  // SQLite stores booleans as 0/1 and DateTime as text; PostgreSQL takes both as they are
  // (a Date is bound as a timestamp, as Prisma writes it: UTC).
  const cellOf = (cell: Cell): Cell =>
    postgres ? cell : typeof cell === "boolean" ? (cell ? 1 : 0) : cell instanceof Date ? sqliteDateTime(cell) : cell;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    let n = 0;
    const values = chunk.map(() => `(${columns.map(() => (postgres ? `$${++n}` : "?")).join(", ")})`).join(", ");
    const params = chunk.flatMap((row) => row.map(cellOf));
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${values}`, ...params);
  }
}
