/**
 * How Rapor opens its SQLite file, set by the code rather than left to library defaults, for
 * every connection: the app's Prisma client, the migration CLI, the revision reader, backup
 * and restore.
 *
 * - journal_mode=WAL: readers never wait for a writer and the writer never waits for readers.
 *   With the default rollback journal, an import run from the command line froze every request
 *   (cached pages included, through the revision read) for as long as it held its lock.
 * - synchronous=FULL: a committed transaction survives a power cut, not only a crash; writes
 *   are rare (admin edits, imports), so the extra sync costs nothing that matters.
 * - foreign_keys=ON: the schema's relations are enforced by the database too.
 * - busy_timeout: a write that finds another process writing waits for it (up to 5 s) instead
 *   of failing at once.
 */
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { isAbsolute, resolve } from "node:path";

export const BUSY_TIMEOUT_MS = 5_000;

export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
] as const;

/** The file of a `file:` URL (relative paths from `root`, by default the working directory). */
export function sqliteFilePath(url: string, root: string = process.cwd()): string {
  if (!url.startsWith("file:")) throw new Error(`not a SQLite file URL: ${url}`);
  const path = url.slice("file:".length).split("?")[0]!;
  return isAbsolute(path) ? path : resolve(root, path);
}

/** Set Rapor's pragmas on a better-sqlite3 connection (not on a read-only one: see readOnlySqlite). */
export function applySqlitePragmas(db: Database.Database): void {
  for (const pragma of SQLITE_PRAGMAS) db.exec(pragma);
}

/**
 * A read-only connection: it cannot change the journal mode (the writers set WAL, which then
 * stays in the file), and it waits at most `busyTimeoutMs` for a lock. In WAL mode a reader
 * never needs one while another process writes, so this is only a guard.
 */
export function readOnlySqlite(path: string, busyTimeoutMs = 100): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  return db;
}

/** Prisma's better-sqlite3 adapter, with Rapor's pragmas set on every connection it opens. */
export class RaporSqliteAdapter extends PrismaBetterSQLite3 {
  constructor(url: string) {
    super({ url, timeout: BUSY_TIMEOUT_MS });
  }

  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS.join(";\n"));
    return adapter;
  }
}
