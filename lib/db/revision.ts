import Database from "better-sqlite3";
import { isAbsolute, resolve } from "node:path";
import { createPostgresRevisionReader } from "./revision-postgres";

/** The current data revision, or null when it cannot be read (then nothing is cached). */
export type RevisionReader = () => number | null | Promise<number | null>;

/**
 * Reads DataRevision straight from the SQLite file with one prepared statement (about 10 µs,
 * against a millisecond through the ORM): the response cache asks on every request.
 * Returns null when the revision cannot be read, and the caller then serves uncached.
 * On PostgreSQL the primary is asked (lib/db/revision-postgres.ts).
 */
export function createRevisionReader(databaseUrl: string, root: string): RevisionReader {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return createPostgresRevisionReader(databaseUrl);
  if (!databaseUrl.startsWith("file:")) return () => null;
  const path = databaseUrl.slice("file:".length).split("?")[0]!;
  let statement: Database.Statement<[], { value: number }> | null = null;
  return () => {
    try {
      statement ??= new Database(isAbsolute(path) ? path : resolve(root, path), { readonly: true, fileMustExist: true }).prepare(
        `SELECT "value" FROM "DataRevision" WHERE "id" = 1`,
      );
      const row = statement.get();
      return row ? row.value : null;
    } catch {
      statement = null;
      return null;
    }
  };
}
