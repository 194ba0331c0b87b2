/**
 * npm run bench:rebuild — the public record's rebuild after a write, at national scale: a full
 * build (what every write cost before per-year revisions) against the rebuild of the one year a
 * publish touched (publishing, then withdrawing, the 514 drafts of 2025 in the benchmark data).
 * Works on a copy of the benchmark database (`npm run bench:data` first). Prints the medians,
 * min and max of REBUILD_RUNS runs (default 7) and the heap the record holds.
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "@/lib/db/client";
import { createRevisionReader } from "@/lib/db/revision";
import { getPublicDataset, PublicDatasetCache } from "@/lib/record/dataset";
import { ROOT } from "./lib";

const SOURCE = join(ROOT, "bench", ".data", "bench.db");
const COPY = join(ROOT, "bench", ".data", "rebuild.db");
const RUNS = Number(process.env.REBUILD_RUNS ?? 7);

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x);
  return `median ${r(s[Math.floor(s.length / 2)]!)} ms (min ${r(s[0]!)}, max ${r(s[s.length - 1]!)})`;
};

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

async function main(): Promise<void> {
  if (!existsSync(SOURCE)) throw new Error("no benchmark database: run npm run bench:data first");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(COPY + suffix, { force: true });
  copyFileSync(SOURCE, COPY);
  const url = `file:${COPY}`;
  const prisma = createPrismaClient(url);
  const sqlite = new Database(COPY);
  const reader = createRevisionReader(url, ROOT);
  const drafts = sqlite.prepare(`SELECT "id" FROM "Result" WHERE "year" = 2025 AND "status" = 'DRAFT'`).all() as { id: number }[];
  const ids = drafts.map((d) => d.id).join(",");
  const setStatus = (status: string) =>
    sqlite.prepare(`UPDATE "Result" SET "status" = ?, "version" = "version" + 1 WHERE "id" IN (${ids})`).run(status);
  try {
    const heapBefore = heapMiB();
    const cache = new PublicDatasetCache(() => prisma, () => reader.revisions());
    const [first, coldMs] = await timed(() => cache.get());
    const rows = [...first.rowsByYear.values()].reduce((n, r) => n + r.length, 0);
    const heapRecord = heapMiB() - heapBefore;
    const full: number[] = [];
    const publish: number[] = [];
    const withdraw: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      full.push((await timed(() => getPublicDataset(prisma)))[1]);
      setStatus("PUBLISHED");
      publish.push((await timed(() => cache.get()))[1]);
      if (JSON.stringify(cache.lastBuild) !== "[2025]") throw new Error(`expected a rebuild of 2025, got ${JSON.stringify(cache.lastBuild)}`);
      setStatus("DRAFT");
      withdraw.push((await timed(() => cache.get()))[1]);
    }
    console.log(`public record: ${rows} published rows, ${first.years.length} years; first build ${Math.round(coldMs)} ms; heap held ~${heapRecord} MiB`);
    console.log(`full build (every year):             ${stats(full)}`);
    console.log(`after publishing 514 drafts of 2025: ${stats(publish)}  (rebuilt: 2025)`);
    console.log(`after withdrawing them again:        ${stats(withdraw)}  (rebuilt: 2025)`);
  } finally {
    sqlite.close();
    await prisma.$disconnect();
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(COPY + suffix, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
