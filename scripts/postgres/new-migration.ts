/**
 * The PostgreSQL half of `npm run db:new-migration -- NAME` (scripts/new-migration.sh):
 * regenerate prisma/postgresql/schema.prisma from the edited SQLite schema, then write
 * prisma/postgresql/migrations/<FOLDER>/migration.sql from the schema at HEAD to it.
 *   tsx scripts/postgres/new-migration.ts FOLDER            diff against HEAD
 *   tsx scripts/postgres/new-migration.ts FOLDER --initial  the whole schema, from empty
 * Prisma's diff needs a PostgreSQL server through the adapter (it changes nothing there):
 * DATABASE_URL when it is one, else a throwaway server started for the purpose.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresMigration, POSTGRES_MIGRATIONS, prismaDiff } from "./migration-sql";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "./schema";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway";

async function main(): Promise<void> {
  const folder = process.argv[2];
  const initial = process.argv.includes("--initial");
  if (!folder || !/^\d{14}_[A-Za-z0-9_]+$/.test(folder)) throw new Error("usage: new-migration.ts <timestamp>_<name> [--initial]");

  writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
  const scratch = mkdtempSync(join(tmpdir(), "rapor-schema-"));
  let server: ThrowawayPostgres | null = null;
  try {
    let previous: string | null = null;
    if (!initial) {
      previous = join(scratch, "previous.prisma");
      const atHead = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
      writeFileSync(previous, postgresSchemaFrom(atHead));
    }
    const fromEnv = process.env.DATABASE_URL ?? "";
    let url = fromEnv;
    if (!/^postgres(ql)?:\/\//.test(fromEnv)) {
      server = await startThrowawayPostgres();
      url = server.url;
    }
    const diff = prismaDiff(url, previous, POSTGRES_SCHEMA);
    const dir = join(POSTGRES_MIGRATIONS, folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), postgresMigration(diff));
    console.log(`wrote prisma/postgresql/migrations/${folder}/migration.sql`);
  } finally {
    server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`new PostgreSQL migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
