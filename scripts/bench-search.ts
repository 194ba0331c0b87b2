/**
 * npm run bench:search — the site search at national scale (`npm run bench:data` first): how
 * long the index takes to build once per public record (median of SEARCH_RUNS fresh builds,
 * default 7), the heap it holds, and the time of one search (the header's suggestions, limit
 * 8) for typed texts, as written and with a typo, over 200 repetitions each.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { getPublicDataset } from "@/lib/record/dataset";
import { buildSearchIndex, searchIndexOf, searchRecord } from "@/lib/record/entity-search";
import { ROOT } from "./lib";

const SOURCE = join(ROOT, "bench", ".data", "bench.db");
const RUNS = Number(process.env.SEARCH_RUNS ?? 7);
const QUERIES = ["hss", "kab. hss", "kota bjm", "banjrmasin", "kalsel", "polres balangan", "pemkot palangka raya", "ba", "kabupaten"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

async function main(): Promise<void> {
  if (!existsSync(SOURCE)) throw new Error("no benchmark database: run npm run bench:data first");
  const prisma = createPrismaClient(`file:${SOURCE}`);
  try {
    const dataset = await getPublicDataset(prisma);
    console.log(`bench:search: ${dataset.entities.list.length} public entities, ${dataset.provinces.length} provinces, ${dataset.years.length} years`);
    const builds: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      buildSearchIndex(dataset);
      builds.push(performance.now() - t0);
    }
    const before = heapMiB();
    const kept = searchIndexOf(dataset);
    const after = heapMiB();
    console.log(`index build: median ${ms(median(builds))} (min ${ms(Math.min(...builds))}, max ${ms(Math.max(...builds))}); heap held ≈ ${(after - before).toFixed(1)} MiB`);
    void kept;
    for (const text of QUERIES) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        hits = searchRecord(dataset, text, { limit: 8 }).length;
        times.push(performance.now() - t0);
      }
      console.log(`"${text}": ${hits} hits, median ${ms(median(times))}, p95 ${ms(p95(times))}`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:search failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
