import { Pool } from "pg";
import { notePrimaryRevision } from "./replica";
import type { DataRevisions, RevisionReader } from "./revision";

/**
 * Reads the data revision from the PostgreSQL primary, for each request, on a small pool of its
 * own (not through the ORM: a fraction of the cost). Every instance asks the database itself, so
 * a write through any instance, the CLI or psql is seen by every instance on its next request.
 *
 * Requests arriving together share one query, but never one that was already under way when
 * they arrived (it could predate a commit they must see): while a query runs, newcomers wait
 * for the next one, which starts as soon as it returns. So at most one query of each kind is in
 * flight, however many requests per second arrive. bench/revision-poll-or-notify.ts measured
 * this against LISTEN/NOTIFY (bench/RESULTS.md).
 *
 * Answers null when the database cannot be read: the caller then serves uncached.
 */
export function createPostgresRevisionReader(url: string, log: (message: string) => void = console.error): RevisionReader {
  let pool: Pool | null = null;
  let failing = false;
  let latest: number | null = null;

  const connection = (): Pool => {
    if (!pool) {
      pool = new Pool({ connectionString: url, max: 2, idleTimeoutMillis: 60_000, application_name: "rapor-revision" });
      // A connection the server closes while idle (a restart, a failover) is replaced by the
      // next query; without a listener the error would end the process.
      pool.on("error", (error) => log(`rapor: revision connection lost: ${error.message}`));
    }
    return pool;
  };

  const guarded = async <T>(query: () => Promise<T | null>): Promise<T | null> => {
    try {
      const value = await query();
      failing = false;
      return value;
    } catch (error) {
      if (!failing) log(`rapor: cannot read the data revision, serving uncached: ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
      return null;
    }
  };

  const readGlobal = batched(() =>
    guarded(async () => {
      const { rows } = await connection().query<{ value: number }>({ name: "rapor-revision", text: `SELECT "value" FROM "DataRevision" WHERE "id" = 1` });
      const global = rows[0]?.value ?? null;
      notePrimaryRevision(global);
      latest = global;
      return global;
    }),
  );

  // One statement, so the global revision and the years' come from one snapshot.
  const readAll = batched(() =>
    guarded(async (): Promise<DataRevisions | null> => {
      const { rows } = await connection().query<{ global: number; year: number | null; value: number | null }>({
        name: "rapor-revisions",
        text: `SELECT d."value" AS "global", y."year", y."value" FROM "DataRevision" d LEFT JOIN "YearRevision" y ON TRUE WHERE d."id" = 1`,
      });
      if (rows.length === 0) return null;
      notePrimaryRevision(rows[0]!.global);
      latest = rows[0]!.global;
      return { global: rows[0]!.global, years: new Map(rows.filter((r) => r.year !== null).map((r) => [r.year!, r.value!])) };
    }),
  );

  const read = (() => readGlobal()) as RevisionReader;
  read.revisions = () => readAll();
  read.latest = () => latest;
  return read;
}

/**
 * Share one call among the callers that arrive while none is running, or while one runs (those
 * wait for the next call, which starts when the running one ends).
 */
function batched<T>(call: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const flight = call().finally(() => {
      if (running === flight) running = null;
    });
    running = flight;
    return flight;
  };
  return () => {
    if (!running) return start();
    queued ??= running.then(
      () => {
        queued = null;
        return start();
      },
      () => {
        queued = null;
        return start();
      },
    );
    return queued;
  };
}
