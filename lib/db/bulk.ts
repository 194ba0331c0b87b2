/**
 * SQLite-specific SQL, kept in this one module (a PostgreSQL deployment swaps it for its own):
 * multi-row INSERTs for bulk writes, which Prisma's createMany runs far slower through the
 * driver adapter (measured in bench/import-25k.md).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** SQLite's own limit on bound parameters per statement is 32,766; stay well below it. */
const MAX_PARAMETERS = 30_000;

/** DateTime as Prisma stores it in SQLite: ISO 8601 text with an explicit offset. */
export function sqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

type Cell = string | number | boolean | null;

/** Insert rows into a table in as few statements as the parameter limit allows. */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: "Result" | "ResultSource",
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = chunk.map(() => tuple).join(", ");
    const params = chunk.flatMap((row) => row.map((cell) => (typeof cell === "boolean" ? (cell ? 1 : 0) : cell)));
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${values}`, ...params);
  }
}
