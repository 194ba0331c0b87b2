/**
 * Issue 15 (13): /api/health, `npm run backup` (online, consistent while another process
 * writes) and `npm run restore` (refuses while a server runs, refuses what is not a Rapor
 * database at a known migration, asks for confirmation, keeps what it replaces).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { writeServerMarker, removeServerMarker } from "@/lib/db/server-marker";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempSqliteDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

let tdb: TempDatabase;
let file: string;
let dir: string;

function script(name: string, args: string[], url = tdb.url, input?: string) {
  return spawnSync(TSX, [`scripts/${name}.ts`, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", input });
}

const value = (path: string, sql: string): unknown => {
  const db = new Database(path, { readonly: true });
  try {
    return Object.values(db.prepare(sql).get() as Record<string, unknown>)[0];
  } finally {
    db.close();
  }
};
const count = (path: string, sql: string): number => Number(value(path, sql));

beforeAll(async () => {
  tdb = createTempSqliteDatabase("backup-restore");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  file = tdb.url.replace(/^file:/, "");
  dir = mkdtempSync(join(tmpdir(), "rapor-backup-"));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await tdb.dispose();
  for (const f of readdirSync(join(ROOT, "tests", ".tmp")).filter((n) => n.startsWith("backup-restore-") && n.includes(".before-restore-"))) {
    rmSync(join(ROOT, "tests", ".tmp", f), { force: true });
  }
});

// backup and restore copy the SQLite file (on PostgreSQL: pg_dump): nothing to check when the
// suite runs on PostgreSQL; /api/health on PostgreSQL is tests/integration/postgres-migrations.test.ts.
describe.skipIf(testPostgresServer())("/api/health", () => {
  it("answers 200 with the migrations applied, 503 when one is missing or unknown", async () => {
    const ok = await health();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toMatchObject({ status: "ok", database: "reachable", migrations: { pending: [], unknown: [] } });
    const db = new Database(file);
    const last = db.prepare(`SELECT * FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`).get() as Record<string, unknown>;
    db.prepare(`UPDATE "_prisma_migrations" SET "rolled_back_at" = CURRENT_TIMESTAMP WHERE "id" = ?`).run(last.id);
    const pending = await health();
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ status: "unavailable", migrations: { pending: [last.migration_name] } });
    db.prepare(`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "id" = ?`).run(last.id);
    db.close();
    expect((await health()).status).toBe(200);
  });
});

describe.skipIf(testPostgresServer())("backup", () => {
  it("takes a consistent copy while another process keeps writing", async () => {
    // A writer: each transaction adds one audit row and raises the revision by one, so any
    // consistent snapshot has as many writer rows as revisions since the start.
    const start = count(file, `SELECT "value" FROM "DataRevision" WHERE "id" = 1`);
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `
        const Database = require(${JSON.stringify(join(ROOT, "node_modules", "better-sqlite3"))});
        const db = new Database(${JSON.stringify(file)}, { timeout: 5000 });
        const add = db.transaction(() => {
          db.prepare('INSERT INTO "AuditLog" ("actorEmail", "action", "targetType", "targetId") VALUES (\\'writer\\', \\'TEST\\', \\'RESULT\\', \\'0\\')').run();
          db.prepare('UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1').run();
        });
        process.stdout.write('ready\\n');
        const stop = Date.now() + 4000;
        while (Date.now() < stop) add();
        db.close();
        `,
      ],
      { cwd: ROOT },
    );
    await new Promise((resolve) => writer.stdout.once("data", resolve));
    const out = join(dir, "during-writes.db");
    const backup = script("backup", [out]);
    await new Promise((resolve) => writer.once("exit", resolve));
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backup: .* → .*during-writes\.db: \d+ results, migration \d+_\w+/);
    expect(count(out, `SELECT "value" FROM "DataRevision" WHERE "id" = 1`) - start).toBe(count(out, `SELECT COUNT(*) FROM "AuditLog" WHERE "actorEmail" = 'writer'`));
    expect(count(out, `SELECT COUNT(*) FROM "Result"`)).toBe(count(file, `SELECT COUNT(*) FROM "Result"`));
    // One self-contained file.
    expect(existsSync(`${out}-wal`)).toBe(false);
    expect(new Database(out, { readonly: true }).pragma("journal_mode", { simple: true })).toBe("delete");
  }, 120_000);

  it("never overwrites an existing file", () => {
    const out = join(dir, "exists.db");
    writeFileSync(out, "keep me");
    const refused = script("backup", [out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("already exists");
  });
});

describe.skipIf(testPostgresServer())("restore", () => {
  it("refuses while a server runs on the database, and what is not a Rapor database at a known migration", async () => {
    const good = join(dir, "good.db");
    expect(script("backup", [good]).status).toBe(0);
    writeServerMarker(file, { pid: process.pid, port: 3999, startedAt: new Date().toISOString() });
    try {
      const running = script("restore", [good, "--yes"]);
      expect(running.status).toBe(1);
      expect(running.stderr).toMatch(/a server is running on .* \(pid \d+, port 3999\); stop it first \(nothing was changed\)/);
    } finally {
      removeServerMarker(file);
    }
    const text = join(dir, "not-sqlite.db");
    writeFileSync(text, "this is not a database");
    expect(script("restore", [text, "--yes"]).stderr).toMatch(/cannot be restored: Bukan/);
    const other = join(dir, "other.db");
    new Database(other).exec("CREATE TABLE t (x)").close();
    expect(script("restore", [other, "--yes"]).stderr).toMatch(/Bukan basis data Rapor: tabel .* tidak ada/);
    const newer = join(dir, "newer.db");
    expect(script("backup", [newer]).status).toBe(0);
    new Database(newer)
      .exec(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at", "applied_steps_count") VALUES ('x', 'x', '29991231000000_from_the_future', CURRENT_TIMESTAMP, 1)`)
      .close();
    expect(script("restore", [newer, "--yes"]).stderr).toMatch(/Migrasi yang tidak dikenal kode ini .*29991231000000_from_the_future/);
    // No terminal and no --yes: nothing happens.
    expect(script("restore", [good]).stderr).toContain("confirm with --yes");
  }, 120_000);

  it("replaces the database with the backup, keeping the one it replaced", async () => {
    const snapshot = join(dir, "snapshot.db");
    expect(script("backup", [snapshot]).status).toBe(0);
    const results = count(file, `SELECT COUNT(*) FROM "Result"`);
    // A change after the backup, which the restore takes back.
    await tdb.prisma.$disconnect();
    new Database(file).exec(`DELETE FROM "ResultSource"; DELETE FROM "Result" WHERE "id" IN (SELECT "id" FROM "Result" LIMIT 10)`).close();
    expect(count(file, `SELECT COUNT(*) FROM "Result"`)).toBe(results - 10);
    const restored = script("restore", [snapshot, "--yes"]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/restore: .* restored from .*snapshot\.db: \d+ results/);
    expect(count(file, `SELECT COUNT(*) FROM "Result"`)).toBe(results);
    expect(value(file, `PRAGMA journal_mode`)).toBe("wal");
    const kept = readdirSync(join(ROOT, "tests", ".tmp")).filter((n) => n.startsWith(file.split("/").at(-1)!) && n.includes(".before-restore-"));
    expect(kept).toHaveLength(1);
    expect(count(join(ROOT, "tests", ".tmp", kept[0]!), `SELECT COUNT(*) FROM "Result"`)).toBe(results - 10);
  }, 120_000);
});
