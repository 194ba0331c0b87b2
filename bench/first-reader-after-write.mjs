/**
 * The first reader after a write: write one result of 2024 (its triggers raise the data revision
 * and 2024's, as a publish of that year does), wait 3 s (an
 * editor's save, then a reader), and time one request to a page not asked for since.
 * Needs a running server on a copy of the benchmark database, e.g.
 *   cp bench/.data/bench.db /tmp/warm.db
 *   DATABASE_URL=file:/tmp/warm.db NEXT_DIST_DIR=.next-bench PORT=3402 node_modules/.bin/tsx scripts/server.ts
 *   node bench/first-reader-after-write.mjs /tmp/warm.db 3402
 * (with RAPOR_WARM_UP=off on the server for the figure without the warm-up).
 */
import Database from "better-sqlite3";

const [, , file = "/tmp/warm.db", port = "3402"] = process.argv;
const db = new Database(file);
const paths = ["/provinsi/jawa-timur", "/instansi/pemkot-surabaya", "/provinsi/riau"];
const times = [];
for (let i = 0; i < 6; i++) {
  db.prepare('UPDATE "Result" SET "version" = "version" + 1 WHERE "id" = (SELECT MIN("id") FROM "Result" WHERE "year" = 2024)').run();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const started = performance.now();
  const response = await fetch(`http://localhost:${port}${paths[i % paths.length]}`);
  await response.text();
  times.push(Math.round(performance.now() - started));
}
console.log(`first reader 3 s after a write, ms: ${times.join(" ")}`);
