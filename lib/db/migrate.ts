/**
 * Applies the committed PostgreSQL migrations (prisma/postgresql/migrations/<name>/migration.sql).
 *
 * `prisma migrate deploy` cannot do it through the driver adapter yet: the JavaScript schema
 * engine fails to read PostgreSQL's `name` columns while introspecting (prisma/orm#27403). This
 * runner does what deploy does, in the same bookkeeping table (`_prisma_migrations`, same
 * columns and SHA-256 checksums), so `prisma migrate deploy` can take over once that is fixed:
 * - one migration at a time, in name order, each inside its own transaction together with its
 *   `_prisma_migrations` row (PostgreSQL's DDL is transactional: a failing migration leaves
 *   nothing behind, and the error names it);
 * - under Prisma's own advisory lock, so instances starting together migrate once;
 * - a migration already applied is skipped; one whose file changed since is refused, as is a
 *   database with an unfinished migration recorded (a failure of another tool).
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";

/** Prisma's advisory lock key for migrations (the same as `prisma migrate deploy` takes). */
const PRISMA_MIGRATE_LOCK = 72707369;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migrations of a folder, in the order they apply. */
export function readMigrations(folder: string): Migration[] {
  if (!existsSync(folder)) throw new Error(`no migrations folder at ${folder}`);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateOutcome {
  applied: string[];
  alreadyApplied: string[];
  /** Recorded in the database but not in the folder (a newer release migrated it). */
  unknown: string[];
}

export async function migratePostgres(url: string, folder: string, log: (line: string) => void = () => {}): Promise<MigrateOutcome> {
  const migrations = readMigrations(folder);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    try {
      await client.query(MIGRATIONS_TABLE);
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
      );
      const unfinished = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (unfinished) {
        throw new Error(`migration ${unfinished.migration_name} is recorded as started but not finished: resolve it by hand before migrating again`);
      }
      const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
      const outcome: MigrateOutcome = { applied: [], alreadyApplied: [], unknown: [] };
      const local = new Set(migrations.map((m) => m.name));
      outcome.unknown = [...done.keys()].filter((name) => !local.has(name));
      for (const migration of migrations) {
        const recorded = done.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new Error(`migration ${migration.name} was changed after it was applied to this database (checksum differs): add a new migration instead`);
          }
          outcome.alreadyApplied.push(migration.name);
          continue;
        }
        const started = new Date();
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, $4, 1)`,
            [randomUUID(), migration.checksum, migration.name, started],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`);
        }
        outcome.applied.push(migration.name);
        log(`applied ${migration.name}`);
      }
      return outcome;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

/** Create the database a URL names when it does not exist yet (connecting to `postgres`). */
export async function createPostgresDatabase(url: string): Promise<boolean> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name "${name}": use letters, digits and _ only`);
  parsed.pathname = "/postgres";
  const client = new Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}
