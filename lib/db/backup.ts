/**
 * Backup and restore of the SQLite database, and the check that a file is a Rapor database.
 *
 * A backup uses SQLite's online backup API (through better-sqlite3): it copies a consistent
 * snapshot while the server keeps serving and writing, which copying the file (and its WAL)
 * by hand does not. The copy is a single self-contained file (rollback journal, checked).
 */
import Database from "better-sqlite3";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { applySqlitePragmas, readOnlySqlite } from "./sqlite";

/** Tables every Rapor database has, whatever its migration. */
const CORE_TABLES = ["Province", "Entity", "Result", "ResultSource", "Methodology", "AuditLog", "_prisma_migrations"];

export interface DatabaseReport {
  ok: boolean;
  /** Why the file is not a usable Rapor database (Indonesian first, for the admin). */
  problems: string[];
  /** Migrations recorded as applied in the file, oldest first. */
  applied: string[];
  /** Migrations of this code that the file lacks (applied after a restore). */
  pending: string[];
  results: number | null;
}

/** The migration folders of this code, oldest first. */
export function knownMigrations(migrationsDir: string): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** What `migrations` says of the known ones: applied (finished, not rolled back), pending, unknown. */
export function compareMigrations(applied: readonly string[], known: readonly string[]): { pending: string[]; unknown: string[] } {
  const appliedSet = new Set(applied);
  const knownSet = new Set(known);
  return { pending: known.filter((m) => !appliedSet.has(m)), unknown: applied.filter((m) => !knownSet.has(m)) };
}

function appliedMigrationsOf(db: Database.Database): string[] {
  const rows = db
    .prepare(`SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`)
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Is this file a Rapor database this code can use: a sound SQLite file, Rapor's tables, and
 * only migrations this code knows, applied in order (a newer database than the code is refused).
 */
export function inspectDatabase(file: string, migrationsDir: string): DatabaseReport {
  const report: DatabaseReport = { ok: false, problems: [], applied: [], pending: [], results: null };
  if (!existsSync(file)) {
    report.problems.push(`Berkas ${file} tidak ada.`);
    return report;
  }
  let db: Database.Database;
  try {
    db = readOnlySqlite(file);
  } catch (error) {
    report.problems.push(`Bukan berkas SQLite yang dapat dibuka: ${error instanceof Error ? error.message : String(error)}`);
    return report;
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check", { simple: true }) as string) ?? "";
    } catch (error) {
      report.problems.push(`Bukan basis data SQLite: ${error instanceof Error ? error.message : String(error)}`);
      return report;
    }
    if (integrity !== "ok") report.problems.push(`Pemeriksaan integritas SQLite gagal: ${integrity}`);
    const tables = new Set((db.prepare(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      report.problems.push(`Bukan basis data Rapor: tabel ${missing.join(", ")} tidak ada.`);
      return report;
    }
    report.applied = appliedMigrationsOf(db);
    const known = knownMigrations(migrationsDir);
    const { pending, unknown } = compareMigrations(report.applied, known);
    if (unknown.length > 0) report.problems.push(`Migrasi yang tidak dikenal kode ini (basis data lebih baru?): ${unknown.join(", ")}.`);
    // Applied ones must be the first of the known list: a gap means a history this code never had.
    const prefix = known.slice(0, report.applied.length);
    if (unknown.length === 0 && prefix.join("\n") !== report.applied.join("\n")) report.problems.push(`Migrasi tidak berurutan: ${report.applied.join(", ")}.`);
    report.pending = pending;
    report.results = (db.prepare(`SELECT COUNT(*) AS n FROM "Result"`).get() as { n: number }).n;
    report.ok = report.problems.length === 0;
    return report;
  } finally {
    db.close();
  }
}

/**
 * Copy `sourceFile` to `destination` with SQLite's online backup, consistent even while other
 * connections write. Written beside the destination first and renamed into place once complete;
 * the copy uses a rollback journal so that it is one file.
 */
export async function backupDatabase(sourceFile: string, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the copy failed its integrity check: ${String(integrity)}`);
  } finally {
    copy.close();
  }
  renameSync(partial, destination);
}

/**
 * Replace the database `targetFile` with the contents of `backupFile` (through SQLite, so that
 * the target's own WAL and shared-memory files stay coherent), then set Rapor's pragmas on it.
 * The caller checks first that no server has the target open and that the backup is sound.
 */
export async function restoreDatabase(backupFile: string, targetFile: string): Promise<void> {
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
  const target = new Database(targetFile);
  try {
    applySqlitePragmas(target);
  } finally {
    target.close();
  }
}
