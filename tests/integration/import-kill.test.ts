/**
 * Issue 15 ("nothing is lost"): a 25,000-row import run from the command line and killed with
 * SIGKILL in the middle of its commit leaves the database exactly as it was — at several points
 * of the commit — and the same file then imports in full.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const ROOT = join(__dirname, "..", "..");
let tdb: TempDatabase;
let file: string;
let csv: string;

/** Every row of every table, as one hash. */
function fingerprint(): string {
  const db = new Database(file, { readonly: true });
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

function runNode(args: string[]) {
  // Node itself, not the tsx command: SIGKILL must reach the process that writes.
  return spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: tdb.url } });
}

/** Start the import; once its commit has written `walBytes` into the WAL, SIGKILL it. */
async function importKilledAt(walBytes: number): Promise<{ killed: boolean; walAtKill: number }> {
  const wal = `${file}-wal`;
  // Start from an empty WAL, so that its size is what this import's transaction has written.
  const db = new Database(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const child = runNode(["scripts/import.ts", csv, "--create-entities"]);
  let planned = false;
  child.stdout.on("data", (data: Buffer) => {
    if (/data:import: \d+ rows:/.test(data.toString())) planned = true;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let walAtKill = 0;
  let killed = false;
  let size = 0;
  for (;;) {
    const done = await Promise.race([exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 5))]);
    if (done) break;
    size = existsSync(wal) ? statSync(wal).size : 0;
    if (planned && size >= walBytes) {
      walAtKill = size;
      killed = child.kill("SIGKILL");
      await exited;
      break;
    }
  }
  return { killed, walAtKill: killed ? walAtKill : size };
}

beforeAll(async () => {
  tdb = createTempDatabase("import-kill");
  await seedDatabase(tdb.prisma);
  await tdb.prisma.$disconnect();
  file = tdb.url.replace(/^file:/, "");
  csv = join(ROOT, "tests", ".tmp", `import-kill-${process.pid}.csv`);
  const made = runNode(["scripts/bench-import-file.ts", csv]);
  const code = await new Promise((resolve) => made.once("exit", resolve));
  if (code !== 0) throw new Error("could not write the 25,000-row file");
}, 180_000);

afterAll(async () => {
  await tdb.dispose();
  for (const suffix of [""]) if (existsSync(csv + suffix)) (await import("node:fs")).rmSync(csv + suffix);
});

describe("SIGKILL in the middle of a 25,000-row import", () => {
  it("leaves the database identical, at every point of the commit tried", async () => {
    const before = fingerprint();
    const points = [256 * 1024, 1024 * 1024, 3 * 1024 * 1024];
    for (const walBytes of points) {
      const { killed, walAtKill } = await importKilledAt(walBytes);
      expect(killed, `killed after ${walBytes} bytes of WAL (the import ended at ${walAtKill})`).toBe(true);
      expect(walAtKill).toBeGreaterThan(0);
      expect(fingerprint(), `after a kill at ${walAtKill} bytes of WAL`).toBe(before);
    }
    // The file itself was fine: left alone, the same import commits in full.
    const full = runNode(["scripts/import.ts", csv, "--create-entities"]);
    let output = "";
    full.stdout.on("data", (d: Buffer) => (output += d.toString()));
    expect(await new Promise((resolve) => full.once("exit", resolve))).toBe(0);
    expect(output).toMatch(/data:import: committed: \d+ created/);
    expect(fingerprint()).not.toBe(before);
  }, 600_000);
});
