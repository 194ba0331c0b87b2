import { Pool } from "pg";
import { notePrimaryRevision } from "./replica";

/**
 * Reads DataRevision from the PostgreSQL primary, for each request, on a small pool of its own
 * (not through the ORM: a fraction of the cost). Every instance asks the database itself, so a
 * write through any instance, the CLI or psql is seen by every instance on its next request.
 *
 * Requests arriving together share one query, but never one that was already under way when
 * they arrived (it could predate a commit they must see): while a query runs, newcomers wait
 * for the next one, which starts as soon as it returns. So at most one query is in flight,
 * however many requests per second arrive. bench/revision-poll-or-notify.ts measured this
 * against LISTEN/NOTIFY (see bench/RESULTS.md).
 *
 * Resolves to null when the database cannot be read: the caller then serves uncached.
 */
export function createPostgresRevisionReader(url: string, log: (message: string) => void = console.error): () => Promise<number | null> {
  let pool: Pool | null = null;
  let running: Promise<number | null> | null = null;
  let queued: Promise<number | null> | null = null;
  let failing = false;

  const query = async (): Promise<number | null> => {
    if (!pool) {
      pool = new Pool({ connectionString: url, max: 1, idleTimeoutMillis: 60_000, application_name: "rapor-revision" });
      // A connection the server closes while idle (a restart, a failover) is replaced by the
      // next query; without a listener the error would end the process.
      pool.on("error", (error) => log(`rapor: revision connection lost: ${error.message}`));
    }
    try {
      const { rows } = await pool.query<{ value: number }>({ name: "rapor-revision", text: `SELECT "value" FROM "DataRevision" WHERE "id" = 1` });
      failing = false;
      const revision = rows[0]?.value ?? null;
      notePrimaryRevision(revision);
      return revision;
    } catch (error) {
      if (!failing) log(`rapor: cannot read the data revision, serving uncached: ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
      return null;
    }
  };

  const start = (): Promise<number | null> => {
    const flight = query().finally(() => {
      if (running === flight) running = null;
    });
    running = flight;
    return flight;
  };

  return () => {
    if (!running) return start();
    queued ??= running.then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}
