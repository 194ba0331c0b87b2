/**
 * How should each instance learn that the data changed, on PostgreSQL? Measured here:
 * - poll: lib/db/revision-postgres.ts asks the primary for DataRevision on each request
 *   (one query in flight at a time, shared by the requests that arrived before it started);
 * - push: LISTEN/NOTIFY, each instance holding the last revision it was told about.
 * Prints the cost of a poll alone and under 64 concurrent callers (what a busy instance sees),
 * and how long after a writer's COMMIT returns a listener gets the notification (the window in
 * which a push-only instance would still serve the old revision).
 *
 *   node_modules/.bin/tsx bench/revision-poll-or-notify.ts      (starts a throwaway PostgreSQL)
 *   BENCH_POSTGRES_URL=postgresql://… node_modules/.bin/tsx bench/revision-poll-or-notify.ts
 */
import { Client } from "pg";
import { createPostgresDatabase, migratePostgres } from "@/lib/db/migrate";
import { createPostgresRevisionReader } from "@/lib/db/revision-postgres";
import { startThrowawayPostgres, withDatabase, type ThrowawayPostgres } from "@/scripts/postgres/throwaway";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(label: string, samplesMs: number[]): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const f = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  return `${label}: n=${sorted.length}, p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, p99 ${f(percentile(sorted, 99))}, max ${f(sorted[sorted.length - 1]!)}`;
}

async function main(): Promise<void> {
  let server: ThrowawayPostgres | null = null;
  const base = process.env.BENCH_POSTGRES_URL ?? (server = await startThrowawayPostgres()).url;
  const url = withDatabase(base, `rapor_revision_bench_${Date.now()}`);
  try {
    await createPostgresDatabase(url);
    await migratePostgres(url, join(ROOT, "prisma", "postgresql", "migrations"));
    const setup = new Client({ connectionString: url });
    await setup.connect();
    // The push variant, in this benchmark's database only: a notification at every raise.
    await setup.query(`CREATE FUNCTION bench_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('rapor_revision', NEW."value"::text); RETURN NULL; END $$`);
    await setup.query(`CREATE TRIGGER bench_notify AFTER UPDATE ON "DataRevision" FOR EACH ROW EXECUTE FUNCTION bench_notify()`);
    await setup.query(`INSERT INTO "Province" ("code", "name", "slug") VALUES ('99', 'Bench', 'bench')`);

    // 1. One poll at a time.
    const read = createPostgresRevisionReader(url);
    await read();
    const single: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t0 = performance.now();
      await read();
      single.push(performance.now() - t0);
    }
    console.log(summary("poll, one caller", single));

    // 2. 64 callers at once for 5 s, as requests arriving on a busy instance.
    const concurrent: number[] = [];
    const counter = new Client({ connectionString: url });
    await counter.connect();
    // Transactions the database counted (each revision query is one); statistics lag ~1 s.
    const transactions = async () => {
      await new Promise((r) => setTimeout(r, 1500));
      await counter.query("SELECT pg_stat_clear_snapshot()");
      return Number((await counter.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`)).rows[0].xact_commit);
    };
    const before = await transactions();
    const cpu0 = process.cpuUsage();
    const until = performance.now() + 5000;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          await read();
          concurrent.push(performance.now() - t0);
        }
      }),
    );
    const cpu = process.cpuUsage(cpu0);
    const queries = (await transactions()) - before - 3;
    console.log(summary("poll, 64 callers", concurrent));
    console.log(
      `poll, 64 callers: ${Math.round(concurrent.length / 5)} reads/s answered by ${Math.round(queries / 5)} queries/s ` +
        `(${(concurrent.length / Math.max(1, queries)).toFixed(1)} reads per query); node CPU ${((cpu.user + cpu.system) / concurrent.length).toFixed(1)} µs per read`,
    );
    await counter.end();

    // 3. Push: how long after the writer's COMMIT returns does a listener hear of it?
    const listener = new Client({ connectionString: url });
    await listener.connect();
    await listener.query("LISTEN rapor_revision");
    const writer = new Client({ connectionString: url });
    await writer.connect();
    const delays: number[] = [];
    let stale = 0;
    for (let i = 0; i < 1000; i++) {
      const heard = new Promise<number>((resolve) => listener.once("notification", () => resolve(performance.now())));
      await writer.query(`UPDATE "Province" SET "name" = $1 WHERE "code" = '99'`, [`Bench ${i}`]);
      const committed = performance.now();
      // Would a request arriving right now, on a push-only instance, already know?
      let known = false;
      void heard.then(() => (known = true));
      await new Promise((r) => setImmediate(r));
      if (!known) stale++;
      delays.push((await heard) - committed);
    }
    console.log(summary("push, COMMIT returned → NOTIFY heard", delays));
    console.log(`push: right after a COMMIT returned, the listener had not heard yet in ${stale} of 1000 cases`);
    await listener.end();
    await writer.end();
    await setup.end();
  } finally {
    server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
