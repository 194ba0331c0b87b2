/** npm run db:reset — delete the SQLite database file, re-create it and load the real data. */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { seedDatabase } from "@/lib/ledger/seed";
import { migrate, ROOT, scriptEnv } from "./lib";

async function main(): Promise<void> {
  const env = scriptEnv();
  const url = env.DATABASE_URL!;
  if (!url.startsWith("file:")) throw new Error(`db:reset only resets a SQLite file database, not ${url}`);
  const path = resolve(ROOT, url.slice("file:".length).split("?")[0]!);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  migrate(env);
  const prisma = createPrismaClient(url);
  try {
    const summary = await seedDatabase(prisma);
    console.log(`db:reset: ${path} re-created with ${summary.results} results and ${summary.facts} published facts`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`db:reset failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
