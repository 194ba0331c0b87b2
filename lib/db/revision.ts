/**
 * The data revision, read in one place. Triggers (prisma/revision-triggers.sql) raise
 * DataRevision with every change to a table the public pages read, and YearRevision of each
 * assessment year the change touches (year 0: every year), whoever writes: the admin, the
 * write API, the CLI importer in another process. Everything that keeps public data in memory
 * follows it:
 * - the server's response cache (lib/server) keys rendered pages on the global revision;
 * - the public record (lib/record/dataset.ts) rebuilds the years whose revision moved;
 * - the warm-up (lib/server/warm-up.ts) renders the main pages again when it moves.
 * Reading it is one prepared statement on the SQLite file (about 10 µs; the ORM takes a
 * millisecond), so it can be asked on every request. On PostgreSQL the primary is asked, on a
 * connection of its own (lib/db/revision-postgres.ts), so the reader may answer asynchronously.
 */
import type Database from "better-sqlite3";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPostgresRevisionReader } from "./revision-postgres";
import { readOnlySqlite, sqliteFilePath } from "./sqlite";
import { databaseUrl } from "./url";

export interface DataRevisions {
  /** DataRevision: moves with every change to public data. */
  global: number;
  /** YearRevision by assessment year; year 0 moves with changes that can show in any year. */
  years: ReadonlyMap<number, number>;
}

export interface RevisionReader {
  /** The global revision, or null when it cannot be read (the caller then serves uncached). */
  (): number | null | Promise<number | null>;
  /** The global revision and every year's, or null when they cannot be read. */
  revisions(): DataRevisions | null | Promise<DataRevisions | null>;
  /**
   * The global revision as last known, without waiting: on SQLite read now, on PostgreSQL the
   * last one read. For estimates (is this request likely cached?), never for serving.
   */
  latest(): number | null;
}

/**
 * A reader of the revision of the database at `databaseUrl`: the SQLite file (relative paths
 * from `root`), or the PostgreSQL primary.
 */
export function createRevisionReader(databaseUrl: string, root: string): RevisionReader {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return createPostgresRevisionReader(databaseUrl);
  const path = databaseUrl.startsWith("file:") ? sqliteFilePath(databaseUrl, root) : null;
  let connection: Database.Database | null = null;
  let statements: { global: Database.Statement<[], { value: number }>; years: Database.Statement<[], { year: number; value: number }> } | null = null;
  const open = () => {
    if (path === null) return null;
    if (!statements) {
      // Read-only, never waiting on a lock: in WAL mode another process's write (the CLI
      // importer) does not hold this read up (lib/db/sqlite.ts).
      connection = readOnlySqlite(path);
      statements = {
        global: connection.prepare(`SELECT "value" FROM "DataRevision" WHERE "id" = 1`),
        years: connection.prepare(`SELECT "year", "value" FROM "YearRevision"`),
      };
    }
    return statements;
  };
  // Open again on the next call (the file may have been replaced by a restore).
  const reset = () => {
    connection?.close();
    connection = null;
    statements = null;
  };
  const read = (() => {
    try {
      const row = open()?.global.get();
      return row ? row.value : null;
    } catch {
      reset();
      return null;
    }
  }) as RevisionReader;
  read.latest = () => read() as number | null;
  read.revisions = () => {
    try {
      const s = open();
      const row = s?.global.get();
      if (!s || !row) return null;
      return { global: row.value, years: new Map(s.years.all().map((y) => [y.year, y.value])) };
    } catch {
      reset();
      return null;
    }
  };
  return read;
}

const globalForRevision = globalThis as unknown as { raporRevisionReader?: RevisionReader };

/** The process's reader of its own database (DATABASE_URL), shared by everything that follows it. */
export function processRevisionReader(): RevisionReader {
  globalForRevision.raporRevisionReader ??= createRevisionReader(databaseUrl(), process.cwd());
  return globalForRevision.raporRevisionReader;
}

/** The same revisions read through a Prisma client (for a client of another database: tests, scripts). */
export async function readRevisionsWith(prisma: PrismaClient): Promise<DataRevisions | null> {
  const [row, years] = await Promise.all([
    prisma.dataRevision.findUnique({ where: { id: 1 }, select: { value: true } }),
    prisma.yearRevision.findMany({ select: { year: true, value: true } }),
  ]);
  if (!row) return null;
  return { global: row.value, years: new Map(years.map((y) => [y.year, y.value])) };
}
