/**
 * Issue 15 ("nothing is lost"): a 25,000-row import run from the command line and killed with
 * SIGKILL while its write transaction is open leaves the database exactly as it was; never a
 * part of the import. The transaction is seen open from another connection (a write lock is
 * held: BEGIN IMMEDIATE is refused); the kills come at once, and at 30 % and 60 % of how long the
 * lock lasts in a run left to finish. Each kill works on a fresh copy of the same database; the
 * same file then imports in full.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempSqliteDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

const ROOT = join(__dirname, "..", "..");
let tdb: TempDatabase;
let file: string;
let csv: string;
const copies: string[] = [];

/** Every row of every table, as one hash (and the integrity check). */
function fingerprint(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash("sha256");
    for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]) {
      hash.update(name);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row));
    }
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

/** How many results, sources and entities: to tell a whole import from part of one. */
function counts(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return ["Result", "ResultSource", "Entity", "AuditLog"].map((t) => `${t}=${(db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n}`).join(" ");
  } finally {
    db.close();
  }
}

async function freshCopy(name: string): Promise<string> {
  const copy = `${file}-${name}.db`;
  const source = new Database(file, { readonly: true });
  await source.backup(copy);
  source.close();
  copies.push(copy);
  return copy;
}

/** Is a write transaction open on `path` (another connection cannot start one at once)? */
function writeLockHeld(path: string): boolean {
  const probe = new Database(path, { timeout: 0 });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return false;
  } catch (error) {
    return (error as { code?: string }).code === "SQLITE_BUSY";
  } finally {
    probe.close();
  }
}

function runNode(args: string[], url: string) {
  // Node itself, not the tsx command: SIGKILL must reach the process that writes.
  return spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } });
}

/**
 * Run the import on `target`. Once its write transaction is seen open, wait `delayMs` and
 * SIGKILL it (null: let it finish). Returns whether it was killed and how long the write lock
 * was seen held (until the kill, or the end).
 */
async function importOn(target: string, delayMs: number | null): Promise<{ killed: boolean; lockedMs: number; code: number | null }> {
  const child = runNode(["scripts/import.ts", csv, "--create-entities"], `file:${target}`);
  let exitCode: number | null = null;
  let exited = false;
  child.once("exit", (code) => {
    exitCode = code;
    exited = true;
  });
  let lockSeen: number | null = null;
  let killed = false;
  while (!exited) {
    if (lockSeen === null) {
      if (writeLockHeld(target)) lockSeen = performance.now();
    } else if (delayMs !== null && performance.now() - lockSeen >= delayMs) {
      killed = child.kill("SIGKILL");
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  if (!exited) await new Promise((resolve) => child.once("exit", resolve));
  return { killed, lockedMs: lockSeen === null ? 0 : performance.now() - lockSeen, code: exitCode };
}

beforeAll(async () => {
  tdb = createTempSqliteDatabase("import-kill");
  await seedDatabase(tdb.prisma);
  await tdb.prisma.$disconnect();
  file = tdb.url.replace(/^file:/, "");
  csv = join(ROOT, "tests", ".tmp", `import-kill-${process.pid}.csv`);
  const made = runNode(["scripts/bench-import-file.ts", csv], tdb.url);
  const code = await new Promise((resolve) => made.once("exit", resolve));
  if (code !== 0) throw new Error("could not write the 25,000-row file");
}, 180_000);

afterAll(async () => {
  await tdb.dispose();
  rmSync(csv, { force: true });
  for (const copy of copies) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(copy + suffix, { force: true });
});

// SQLite's file, lock and integrity check: nothing to check when the suite runs on PostgreSQL
// (whose transactions give the same all-or-nothing).
describe.skipIf(testPostgresServer())("SIGKILL in the middle of a 25,000-row import", () => {
  it("leaves the database identical: all of the import or none, never part", async () => {
    const before = fingerprint(file);
    const beforeCounts = counts(file);
    // A run left to finish: how long its write transaction lasts, and what a whole import adds.
    const whole = await freshCopy("whole");
    const full = await importOn(whole, null);
    expect(full.code).toBe(0);
    expect(full.lockedMs).toBeGreaterThan(0);
    const afterCounts = counts(whole);
    expect(afterCounts).not.toBe(beforeCounts);

    const outcomes: string[] = [];
    for (const [i, share] of [0, 0.3, 0.6].entries()) {
      const target = await freshCopy(`kill-${i}`);
      expect(fingerprint(target)).toBe(before);
      const run = await importOn(target, Math.floor(full.lockedMs * share));
      expect(run.killed, `kill ${i}`).toBe(true);
      if (fingerprint(target) === before) {
        outcomes.push("none");
      } else {
        // A kill that came after the commit record: then the whole import, never a part.
        expect(counts(target), `kill ${i} left part of the import`).toBe(afterCounts);
        outcomes.push("all");
      }
    }
    // The kill at the moment the transaction is seen open always lands inside it.
    expect(outcomes[0]).toBe("none");
    expect(outcomes.filter((o) => o === "none").length).toBeGreaterThanOrEqual(2);

    // The file itself was fine: the same import commits in full on the original.
    expect((await importOn(file, null)).code).toBe(0);
    expect(counts(file)).toBe(afterCounts);
  }, 600_000);
});
