/**
 * Issue 7: the public record and rendered public responses are cached per DataRevision.
 * These tests hold the correctness side: every write to a table the public pages read raises
 * the revision (SQLite triggers, also for writes by another process), and a cached response
 * or dataset is never served once its revision is past.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/ledger/seed";
import { PublicDatasetCache } from "@/lib/record/dataset";
import { withResponseCache } from "@/lib/server/cached-handler";
import { ResponseCache } from "@/lib/server/response-cache";
import { createRevisionReader, type RevisionReader } from "@/lib/db/revision";
import { createTempDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

const ROOT = resolve(__dirname, "..", "..");
let tdb: TempDatabase;
let readRevision: RevisionReader;

beforeAll(async () => {
  tdb = createTempDatabase("response-cache");
  await seedDatabase(tdb.prisma);
  readRevision = createRevisionReader(tdb.url, ROOT);
}, 120_000);

afterAll(async () => {
  await tdb.dispose();
});

const PUBLISHED = { status: "PUBLISHED", deletedAt: null } as const;

describe("DataRevision", () => {
  it("has the triggers of prisma/revision-triggers.sql on every tracked table after all migrations", async () => {
    const expected = [...readFileSync(join(ROOT, "prisma", "revision-triggers.sql"), "utf8").matchAll(/CREATE TRIGGER IF NOT EXISTS "([^"]+)"/g)].map((m) => m[1]!);
    expect(expected.length).toBeGreaterThanOrEqual(33);
    const rows = await tdb.prisma.$queryRawUnsafe<{ name: string }[]>(
      testPostgresServer() ? `SELECT tgname::text AS name FROM pg_trigger WHERE NOT tgisinternal` : `SELECT name FROM sqlite_master WHERE type = 'trigger'`,
    );
    expect(rows.map((r) => r.name).sort()).toEqual(expect.arrayContaining(expected.sort()));
  });

  it("rises with every insert, update and delete of a public table, read by the fast reader", async () => {
    const before = await readRevision();
    expect(before).not.toBeNull();
    const result = await tdb.prisma.result.findFirstOrThrow({ where: PUBLISHED });
    await tdb.prisma.result.update({ where: { id: result.id }, data: { notes: result.notes + " " } });
    const afterUpdate = (await readRevision())!;
    expect(afterUpdate).toBeGreaterThan(before!);
    await tdb.prisma.result.update({ where: { id: result.id }, data: { notes: result.notes } });
    const fact = await tdb.prisma.publishedFact.findFirstOrThrow();
    await tdb.prisma.publishedFact.delete({ where: { id: fact.id } });
    await tdb.prisma.publishedFact.create({ data: { ...fact, id: undefined } });
    expect((await readRevision())!).toBeGreaterThanOrEqual(afterUpdate + 3);
    // Writes to tables no public page reads (the audit log) leave it alone.
    const quiet = await readRevision();
    await tdb.prisma.auditLog.create({ data: { actorEmail: "t@example.test", action: "UPDATE", targetType: "RESULT", targetId: "1" } });
    expect(await readRevision()).toBe(quiet);
  });

  it("cannot be read from a database without it: the cache is then bypassed", async () => {
    expect(await createRevisionReader("file:./tests/.tmp/does-not-exist.db", ROOT)()).toBeNull();
    expect(await createRevisionReader("postgresql://rapor@127.0.0.1:1/none", ROOT)()).toBeNull();
  });
});

describe("PublicDatasetCache", () => {
  it("builds the public record once per revision and rebuilds after a change", async () => {
    const cache = new PublicDatasetCache(() => tdb.prisma);
    const first = await cache.get();
    expect(await cache.get()).toBe(first);
    const result = await tdb.prisma.result.findFirstOrThrow({ where: PUBLISHED, include: { entity: true } });
    await tdb.prisma.result.update({ where: { id: result.id }, data: { status: "DRAFT" } });
    const second = await cache.get();
    expect(second).not.toBe(first);
    const rows = second.rowsByYear.get(result.year) ?? [];
    expect(rows.some((r) => r.resultId === result.id)).toBe(false);
    expect(first.rowsByYear.get(result.year)!.some((r) => r.resultId === result.id)).toBe(true);
    await tdb.prisma.result.update({ where: { id: result.id }, data: { status: "PUBLISHED" } });
    expect((await cache.get()).rowsByYear.get(result.year)!.some((r) => r.resultId === result.id)).toBe(true);
  });
});

describe("withResponseCache", () => {
  let server: http.Server;
  let base: string;
  let rendered = 0;

  beforeAll(async () => {
    // A stand-in for Next.js: renders the number of published results, or a 404.
    const handler = withResponseCache(
      async (req, res) => {
        rendered++;
        if (req.url?.startsWith("/slow")) await new Promise((r) => setTimeout(r, 150));
        if (req.url?.startsWith("/missing") || req.url?.startsWith("/slow-missing")) {
          res.writeHead(404, { "content-type": "text/html" });
          res.end("not found");
          return;
        }
        const count = await tdb.prisma.result.count({ where: PUBLISHED });
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.write(`<p>${count}`);
        res.end(" published</p>");
      },
      new ResponseCache(),
      readRevision,
    );
    server = http.createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("renders once, then serves the same bytes until the data changes", async () => {
    const count = await tdb.prisma.result.count({ where: PUBLISHED });
    const start = rendered;
    const a = await fetch(`${base}/peringkat?tahun=2024`);
    expect(a.headers.get("x-rapor-cache")).toBe("miss");
    const textA = await a.text();
    expect(textA).toBe(`<p>${count} published</p>`);
    const b = await fetch(`${base}/peringkat?tahun=2024`);
    expect(b.headers.get("x-rapor-cache")).toBe("hit");
    expect(await b.text()).toBe(textA);
    expect(rendered - start).toBe(1);

    // Unpublish one result: the very next request renders again and no longer counts it.
    const result = await tdb.prisma.result.findFirstOrThrow({ where: PUBLISHED });
    await tdb.prisma.result.update({ where: { id: result.id }, data: { status: "DRAFT" } });
    const c = await fetch(`${base}/peringkat?tahun=2024`);
    expect(c.headers.get("x-rapor-cache")).toBe("miss");
    expect(await c.text()).toBe(`<p>${count - 1} published</p>`);
    await tdb.prisma.result.update({ where: { id: result.id }, data: { status: "PUBLISHED" } });
  });

  it("renders once for many readers arriving together (the burst right after a publish)", async () => {
    const start = rendered;
    const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/slow-page?x=1`)));
    expect(rendered - start).toBe(1);
    const how = responses.map((r) => r.headers.get("x-rapor-cache")).sort();
    expect(how).toEqual(["miss", ...Array(7).fill("shared")]);
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    // An answer that may not be shared (a 404) is not handed to the others: each renders its own.
    const before = rendered;
    const missing = await Promise.all(Array.from({ length: 3 }, () => fetch(`${base}/slow-missing`)));
    expect(missing.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(rendered - before).toBe(3);
  });

  it("never serves a cached response to a request with a cookie or authorization, nor caches errors", async () => {
    await fetch(`${base}/provinsi/x`);
    const start = rendered;
    const withCookie = await fetch(`${base}/provinsi/x`, { headers: { cookie: "session=abc" } });
    expect(withCookie.headers.get("x-rapor-cache")).toBeNull();
    await fetch(`${base}/provinsi/x`, { headers: { authorization: "Bearer t" } });
    expect(rendered - start).toBe(2);
    await fetch(`${base}/missing`);
    const again = await fetch(`${base}/missing`);
    expect(again.status).toBe(404);
    expect(again.headers.get("x-rapor-cache")).toBe("miss");
  });
});
