/**
 * Issue 15 (11): SQLite's pragmas are set by the code, and a write lock held by another process
 * (the CLI importer) does not hold up reads: the revision read, a cached response, a Prisma
 * query. A second process holds a write transaction open while the checks run.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRevisionReader } from "@/lib/db/revision";
import { withResponseCache } from "@/lib/server/cached-handler";
import { ResponseCache } from "@/lib/server/response-cache";
import { createTempSqliteDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

const ROOT = join(__dirname, "..", "..");

/** Another process: BEGIN EXCLUSIVE and a write, held until told to commit. */
async function holdWriteLock(file: string): Promise<{ child: ChildProcessWithoutNullStreams; release: () => Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(join(ROOT, "node_modules", "better-sqlite3"))});
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN EXCLUSIVE');
    db.exec('UPDATE "Province" SET "name" = "name" || \\'\\' WHERE "id" = (SELECT MIN("id") FROM "Province")');
    db.exec('UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('committed\\n'); process.exit(0); });
  `;
  const child = spawn(process.execPath, ["-e", script], { cwd: ROOT });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", (data: Buffer) => (data.toString().includes("locked") ? resolve() : reject(new Error(data.toString()))));
    child.stderr.once("data", (data: Buffer) => reject(new Error(data.toString())));
  });
  return {
    child,
    release: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin.write("go\n");
      }),
  };
}

let tdb: TempDatabase;
let file: string;

beforeAll(() => {
  tdb = createTempSqliteDatabase("sqlite-lock");
  file = tdb.url.replace(/^file:/, "");
});

afterAll(async () => {
  await tdb.dispose();
});

// SQLite's own locking and pragmas: nothing to check when the suite runs on PostgreSQL.
describe.skipIf(testPostgresServer())("SQLite pragmas", () => {
  it("are set by the code: WAL in the file, and on the app's connection", async () => {
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    const rows = async (sql: string) => Object.values((await tdb.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql))[0]!)[0];
    expect(await rows("PRAGMA journal_mode")).toBe("wal");
    expect(Number(await rows("PRAGMA foreign_keys"))).toBe(1);
    expect(Number(await rows("PRAGMA synchronous"))).toBe(2); // FULL
    expect(Number(await rows("PRAGMA busy_timeout"))).toBe(5000);
  });
});

describe.skipIf(testPostgresServer())("a write lock held by another process", () => {
  it("does not hold up the revision read, a cached response or a query", async () => {
    const readRevision = createRevisionReader(tdb.url, ROOT);
    const revision = await readRevision();
    expect(revision).not.toBeNull();
    let renders = 0;
    const cache = new ResponseCache();
    const handler = withResponseCache(
      (_req, res) => {
        renders++;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(`<p>render ${renders}</p>`);
      },
      cache,
      readRevision,
    );
    const server = http.createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/peringkat`;
    try {
      expect((await fetch(url)).headers.get("x-rapor-cache")).toBe("miss");
      const lock = await holdWriteLock(file);
      try {
        // While the other process holds its exclusive write transaction:
        expect(await readRevision()).toBe(revision);
        const hit = await fetch(url);
        expect(hit.headers.get("x-rapor-cache")).toBe("hit");
        expect(await hit.text()).toBe("<p>render 1</p>");
        expect(await tdb.prisma.province.count()).toBe(0);
      } finally {
        await lock.release();
      }
      // Committed: a new revision, so the page renders again.
      expect(await readRevision()).toBe(revision! + 1);
      expect((await fetch(url)).headers.get("x-rapor-cache")).toBe("miss");
      expect(renders).toBe(2);
    } finally {
      server.close();
    }
  }, 60_000);

  it("did hold the revision read up under the rollback journal the code no longer leaves in place", async () => {
    // The same lock on a copy in SQLite's default journal mode: the read fails (busy), and the
    // response cache could only send every request to the app.
    const copy = `${file}-delete-mode.db`;
    const source = new Database(file, { readonly: true });
    await source.backup(copy);
    source.close();
    const db = new Database(copy);
    db.pragma("journal_mode = DELETE");
    db.close();
    const lock = await holdWriteLock(copy);
    try {
      expect(createRevisionReader(`file:${copy}`, ROOT)()).toBeNull();
    } finally {
      await lock.release();
      for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
    }
  }, 60_000);
});
