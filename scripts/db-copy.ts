/**
 * npm run db:copy -- --from URL --to URL
 * Move a deployment: copy every row of one Rapor database into a new, empty one (SQLite ↔
 * PostgreSQL, lib/db/copy.ts), then compare every table row by row and print the counts.
 * The target is migrated first (a PostgreSQL database is created when missing); the source is
 * only read, and must be at the current schema. Stop the app on the source while copying:
 * a write made meanwhile would not be copied.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { copyDatabase, compareDatabases } from "@/lib/db/copy";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { databaseProvider, migrationsFolder, redactUrl } from "@/lib/db/url";
import { bin, ROOT, run, scriptEnv } from "./lib";

async function missingMigrations(prisma: PrismaClient, url: string): Promise<string[]> {
  const folder = join(ROOT, migrationsFolder(databaseProvider(url)));
  const expected = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  let applied: string[];
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    applied = rows.map((r) => r.migration_name);
  } catch {
    applied = [];
  }
  return expected.filter((name) => !applied.includes(name));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, strict: true });
  const from = values.from?.trim();
  const to = values.to?.trim();
  if (!from || !to) throw new Error("usage: npm run db:copy -- --from URL --to URL (file:./data/rapor.db, postgresql://…)");
  databaseProvider(from);
  databaseProvider(to);
  if (from === to) throw new Error("--from and --to name the same database");

  console.log(`db:copy: migrating the target ${redactUrl(to)}`);
  run(bin("tsx"), ["scripts/db-migrate.ts", "--create-database"], { env: scriptEnv({ DATABASE_URL: to }) });

  const source = createPrismaClient(from);
  const target = createPrismaClient(to);
  try {
    const missing = await missingMigrations(source, from);
    if (missing.length > 0) {
      throw new Error(`the source ${redactUrl(from)} is not at the current schema (missing ${missing.join(", ")}): run npm run db:migrate on it first`);
    }
    const started = Date.now();
    console.log(`db:copy: copying ${redactUrl(from)} → ${redactUrl(to)}`);
    await copyDatabase(source, target, (line) => console.log(`  ${line}`));
    console.log(`db:copy: copied in ${((Date.now() - started) / 1000).toFixed(1)} s; comparing every table…`);
    const comparison = await compareDatabases(source, target);
    console.log("| table | source rows | target rows | same rows |");
    console.log("|---|---|---|---|");
    for (const t of comparison) console.log(`| ${t.model} | ${t.sourceRows} | ${t.targetRows} | ${t.equal ? "yes" : "NO"} |`);
    const differing = comparison.filter((t) => !t.equal);
    if (differing.length > 0) {
      console.error(`db:copy: ${differing.length} table(s) differ: ${differing.map((t) => t.model).join(", ")}`);
      return 1;
    }
    console.log(`db:copy: done, every table equal (${comparison.reduce((n, t) => n + t.targetRows, 0)} rows)`);
    return 0;
  } finally {
    await source.$disconnect();
    await target.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:copy failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
