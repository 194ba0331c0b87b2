/**
 * Writing PostgreSQL migrations: Prisma's diff of two schemas, with two additions.
 * - Text columns compare and sort byte by byte (COLLATE "C"), as SQLite's do, whatever the
 *   database's default collation: the same ORDER BY and the same unique keys on both databases.
 *   (Prisma's schema language cannot say it, so it is added to the SQL here.)
 * - The data-revision triggers (prisma/postgresql/revision-triggers.sql, idempotent) close every
 *   migration, as the SQLite ones do, so a table a migration re-creates keeps them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
export const POSTGRES_MIGRATIONS = join(ROOT, "prisma", "postgresql", "migrations");
export const POSTGRES_TRIGGERS = join(ROOT, "prisma", "postgresql", "revision-triggers.sql");

/** Add COLLATE "C" to every TEXT column a migration creates, adds or retypes. */
export function collateText(sql: string): string {
  return sql
    .replace(/^(\s+"[^"]+" TEXT)(?=[\s,]|$)/gm, '$1 COLLATE "C"')
    .replace(/(ADD COLUMN\s+"[^"]+" TEXT)(?=[\s,;]|$)/g, '$1 COLLATE "C"')
    .replace(/(ALTER COLUMN\s+"[^"]+" SET DATA TYPE TEXT)(?=[\s,;]|$)/g, '$1 COLLATE "C"');
}

/** The migration file: the diff with text collated, then the revision triggers. */
export function postgresMigration(diffSql: string): string {
  return `${collateText(diffSql).trimEnd()}\n\n${readFileSync(POSTGRES_TRIGGERS, "utf8")}`;
}

/**
 * Prisma's SQL from one PostgreSQL schema to another (`from` null: from an empty database).
 * Through the driver adapter the CLI needs a live server, though it changes nothing on it.
 */
export function prismaDiff(serverUrl: string, from: string | null, to: string): string {
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  const result = spawnSync(join(ROOT, "node_modules", ".bin", "prisma"), args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: serverUrl },
  });
  if (result.status !== 0) throw new Error(`prisma migrate diff failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}
