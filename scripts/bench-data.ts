/**
 * npm run bench:data — write the deterministic national-scale dataset into its own SQLite
 * file (BENCH_DATABASE_URL, default file:./bench/.data/bench.db), never the real database.
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { SEED_DIR } from "@/lib/ledger/seed";
import { generateSyntheticDataset } from "@/lib/ledger/synthetic";
import { migrate, ROOT, scriptEnv } from "./lib";

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? "file:./bench/.data/bench.db";
  if (url === scriptEnv().DATABASE_URL && !process.env.BENCH_DATABASE_URL) throw new Error("refusing to write into DATABASE_URL");
  const path = resolve(ROOT, url.slice("file:".length));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  const env = scriptEnv({ DATABASE_URL: url });
  migrate(env);
  const prisma = createPrismaClient(url);
  try {
    const started = Date.now();
    const summary = await generateSyntheticDataset(prisma, { seedDir: SEED_DIR });
    console.log(
      `bench:data: ${summary.entities} entities, ${summary.results} results (${summary.drafts} drafts) in ${path} (${Date.now() - started} ms)`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
