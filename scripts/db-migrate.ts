/**
 * npm run db:migrate — apply the committed migrations to DATABASE_URL: on SQLite with
 * `prisma migrate deploy`, on PostgreSQL with lib/db/migrate.ts (prisma/postgresql/migrations).
 * --create-database: on PostgreSQL, create the database first when it does not exist.
 */
import { join } from "node:path";
import { createPostgresDatabase, migratePostgres } from "@/lib/db/migrate";
import { databaseProvider, migrationsFolder, redactUrl } from "@/lib/db/url";
import { bin, ensureSqliteDir, ROOT, run, scriptEnv } from "./lib";

async function main(): Promise<void> {
  const env = scriptEnv();
  const url = env.DATABASE_URL!;
  if (databaseProvider(url) === "sqlite") {
    ensureSqliteDir(url);
    run(bin("prisma"), ["migrate", "deploy"], { env });
    return;
  }
  if (process.argv.includes("--create-database") && (await createPostgresDatabase(url))) console.log(`db:migrate: created ${redactUrl(url)}`);
  const outcome = await migratePostgres(url, join(ROOT, migrationsFolder("postgresql")), (line) => console.log(`db:migrate: ${line}`));
  for (const name of outcome.unknown) console.warn(`db:migrate: ${name} is applied to this database but not in this release`);
  console.log(`db:migrate: ${outcome.applied.length} applied, ${outcome.alreadyApplied.length} already applied (${redactUrl(url)})`);
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
