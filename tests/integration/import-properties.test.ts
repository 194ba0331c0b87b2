/**
 * Issue 15 (5): property-based tests of the importer through the upload path (the route the
 * import form posts to). CSV and XLSX bytes — random, mutations of a valid file, and files
 * made of random cells — uploaded by an editor or an admin, with or without "publish" and
 * "create entities": never a 500 (nor the route's own "server error" answer), and never a
 * partial write — the database is identical unless the whole file was committed, and then
 * importing the same file again changes nothing (every row is in) and the import's revert
 * gives back exactly the data there was. Faults are injected too: the commit's transaction
 * fails at a random write, and nothing of it stays.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { currentRequest, RedirectError } from "../helpers/admin";

vi.mock("next/headers", () => ({
  headers: async () => currentRequest.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectError(url);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

import { POST as uploadPost } from "@/app/admin/impor/unggah/route";
import type { ImportState } from "@/app/admin/impor/import-run";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/ledger/access";
import { commitImport } from "@/lib/ledger/import/commit";
import { planImportFile } from "@/lib/ledger/import/dry-run";
import { revertImport } from "@/lib/ledger/import/revert-import";
import { seedDatabase } from "@/lib/ledger/seed";
import { actorForUser, createUserWithPassword } from "@/lib/ledger/users";
import { sessionCookie } from "../helpers/admin";
import { createTempDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

const HOST = "rapor.test";
const PASSWORD = "a long test password 42";
const HEADER = ["year", "entity_type", "entity_name", "province", "score", "zone", "category", "opinion", "national_rank", "province_rank", "source_url", "notes"];

let tdb: TempDatabase;
let sqlite: Database.Database | null = null;
let postgres: Client | null = null;
const people: Record<"admin" | "editor", { actor: Actor; cookie: string }> = {} as never;
let validRows: string[][] = [];

/** Every row of every table but the rate-limit counters: did anything change? (SQLite, or the suite's PostgreSQL run.) */
async function fingerprint(): Promise<string> {
  const hash = createHash("sha256");
  if (postgres) {
    const { rows: tables } = await postgres.query<{ name: string }>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    for (const { name } of tables) {
      if (name === "RateLimit" || name === "SignInThrottle") continue;
      hash.update(name);
      for (const row of (await postgres.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM "${name}" t ORDER BY 1`)).rows) hash.update(row.r);
    }
    return hash.digest("hex");
  }
  for (const { name } of sqlite!.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]) {
    if (name === "RateLimit" || name === "SignInThrottle") continue;
    hash.update(name);
    for (const row of sqlite!.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}

/** The data an import may change, without the bookkeeping a revert leaves (versions, who, when, the audit trail). */
async function content(): Promise<string> {
  const p = tdb.prisma;
  const [results, sources, revisions, entities, aliases] = await Promise.all([
    p.result.findMany({ orderBy: { id: "asc" }, omit: { version: true, updatedBy: true, updatedAt: true } }),
    p.resultSource.findMany({ orderBy: { id: "asc" } }),
    p.resultRevision.findMany({
      orderBy: { resultId: "asc" },
      omit: { id: true, updatedBy: true, updatedAt: true, createdAt: true },
      include: { sources: { omit: { id: true, revisionId: true }, orderBy: [{ sourceUrl: "asc" }, { origin: "asc" }, { id: "asc" }] } },
    }),
    p.entity.findMany({ orderBy: { id: "asc" }, select: { id: true, type: true, name: true, slug: true, regencyId: true, provinceId: true } }),
    p.entityAlias.findMany({ orderBy: [{ entityId: "asc" }, { alias: "asc" }], select: { entityId: true, alias: true, key: true } }),
  ]);
  return JSON.stringify({ results, sources, revisions, entities, aliases });
}

const csvText = (rows: string[][]) =>
  [HEADER, ...rows].map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\n") + "\n";

async function xlsxBytes(rows: (string | number | { formula: string; result: number })[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Hasil");
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface Upload {
  name: string;
  bytes: Uint8Array;
  who: "admin" | "editor";
  publish: boolean;
  createEntities: boolean;
}

/** Post a file to the upload route as the import form does (commit, for exactly this file); the last event's state. */
async function upload(u: Upload): Promise<{ status: number; state: ImportState | null; body: string }> {
  const hash = createHash("sha256").update(u.bytes).digest("hex");
  const form = new FormData();
  form.set("intent", "commit");
  form.set("previewedHash", hash);
  if (u.publish) form.set("publish", "on");
  if (u.createEntities) form.set("createEntities", "on");
  form.set("file", new File([u.bytes as Uint8Array<ArrayBuffer>], u.name));
  const headers = { host: HOST, origin: `http://${HOST}`, cookie: people[u.who].cookie };
  currentRequest.headers = new Headers(headers);
  const response = await uploadPost(new Request(`http://${HOST}/admin/impor/unggah`, { method: "POST", headers, body: form }));
  const body = await response.text();
  const last = body.trim().split("\n").pop() ?? "";
  let state: ImportState | null = null;
  try {
    const event = JSON.parse(last) as { type?: string; state?: ImportState };
    if (event.type === "done") state = event.state ?? null;
  } catch {
    // Not NDJSON: a refusal before any work (JSON with a status of its own).
  }
  return { status: response.status, state, body };
}

const figures = { uploads: 0, committed: 0, refused: 0, failedParse: 0, faults: 0 };

/**
 * The property: no 500; when not committed, nothing changed; when committed, the whole file is
 * in (planning it again finds every row unchanged) and its revert gives back the data.
 */
async function holds(u: Upload): Promise<boolean> {
  const before = await fingerprint();
  const contentBefore = await content();
  const { status, state, body } = await upload(u);
  figures.uploads++;
  if (status >= 500) throw new Error(`HTTP ${status}: ${body.slice(0, 300)}`);
  if (status !== 200) {
    figures.refused++;
    expect([400, 401, 403, 413, 415]).toContain(status);
    expect(await fingerprint()).toBe(before);
    return true;
  }
  if (!state) throw new Error(`no final state: ${body.slice(-300)}`);
  expect(state.message ?? "").not.toContain("Terjadi kesalahan server");
  if (state.stage !== "committed") {
    if (state.stage === "failed") figures.failedParse++;
    expect(["preview", "failed"]).toContain(state.stage);
    expect(await fingerprint()).toBe(before);
    return true;
  }
  figures.committed++;
  const actor = people[u.who].actor;
  const again = await planImportFile(u.name, u.bytes, actor, { createEntities: u.createEntities, publish: u.publish }, tdb.prisma);
  if (!again.ok) throw new Error(`the committed file no longer plans: ${again.message}`);
  expect(again.plan.counts).toMatchObject({ create: 0, update: 0, errorRows: 0 });
  if (state.summary!.auditId !== null) {
    const reverted = await revertImport(people.admin.actor, state.summary!.auditId, tdb.prisma);
    if (!reverted.ok) throw new Error(`revert refused: ${reverted.message}`);
  }
  expect(await content()).toBe(contentBefore);
  return true;
}

beforeAll(async () => {
  tdb = createTempDatabase("import-properties");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  if (testPostgresServer()) {
    postgres = new Client({ connectionString: tdb.url });
    await postgres.connect();
  } else {
    sqlite = new Database(tdb.url.replace(/^file:/, ""), { readonly: true });
  }
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  const a = await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma);
  const e = await createUserWithPassword({ email: "editor@example.org", role: "EDITOR", provinceIds: [kalsel.id], password: PASSWORD }, tdb.prisma);
  if (!a.ok || !e.ok) throw new Error("could not create users");
  people.admin = { actor: (await actorForUser(a.userId, "session", tdb.prisma))!, cookie: await sessionCookie("admin@example.org", PASSWORD) };
  people.editor = { actor: (await actorForUser(e.userId, "session", tdb.prisma))!, cookie: await sessionCookie("editor@example.org", PASSWORD) };
  // A valid file: new results, a change to a published one (a revision unless an admin publishes), a new Polres.
  validRows = [
    ["2025", "PEMKAB", "Tanah Laut", "KALIMANTAN SELATAN", "81,25", "", "", "", "", "", "https://sumber.example/tala", ""],
    ["2025", "PEMKAB", "Balangan", "KALIMANTAN SELATAN", "", "HIJAU", "", "", "3", "1", "https://sumber.example/balangan", "zona saja"],
    ["2024", "PEMKOT", "Banjarmasin", "KALIMANTAN SELATAN", "90.10", "", "", "", "", "", "https://sumber.example/banjarmasin-koreksi", "koreksi"],
    ["2025", "POLRES", "Properti Uji", "KALIMANTAN SELATAN", "77.70", "", "", "Baik", "", "", "https://sumber.example/polres", ""],
  ];
});

afterAll(async () => {
  sqlite?.close();
  await postgres?.end();
  await tdb?.dispose();
  console.log(
    `import properties: ${figures.uploads} uploads (${figures.committed} committed, then reverted; ${figures.failedParse} unreadable; ${figures.refused} refused before reading), ` +
      `${figures.faults} faults injected into commits`,
  );
});

/** A cell: valid values of each column, near misses, and hostile text. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("2024", "2025", "2019", "PEMKAB", "PEMKOT", "POLRES", "KEMENTERIAN", "Tanah Laut", "Banjarmasin", "Tapin", "KALIMANTAN SELATAN", "Jawa Timur", "88,10", "91.66", "100", "0", "HIJAU", "A", "B", "https://sumber.example/x", "") },
  { weight: 2, arbitrary: fc.constantFrom("1e3", "0x22d", "-3.25", "101", "91,666", "2^63", "9223372036854775808", "=HYPERLINK(\"http://evil.example\")", "+62", "@SUM(A1)", "\tTapin", "NaN", "∞", "٢٠٢٤", "Polres\u0000", "\uFFFD", "é", "a".repeat(300)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
);
const randomRows = fc.array(fc.array(cell, { minLength: 0, maxLength: 14 }), { minLength: 0, maxLength: 8 });
const who = fc.constantFrom<"admin" | "editor">("admin", "editor");
const options = fc.record({ who, publish: fc.boolean(), createEntities: fc.boolean() });

/** Byte-level mutations: flips, insertions, deletions, truncation, a line repeated or dropped, a BOM, Latin-1. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("repeatLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("dropLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("bom" as const) }),
  fc.record({ kind: fc.constant("latin1" as const) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = "at" in m ? m.at % (bytes.length + 1) : 0;
  const lines = () => Buffer.from(bytes).toString("latin1").split("\n");
  switch (m.kind) {
    case "flip": {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      out[at % bytes.length] = m.value;
      return out;
    }
    case "insert":
      return Uint8Array.from([...bytes.slice(0, at), ...m.bytes, ...bytes.slice(at)]);
    case "delete":
      return Uint8Array.from([...bytes.slice(0, at), ...bytes.slice(at + m.length)]);
    case "truncate":
      return bytes.slice(0, at);
    case "repeatLine": {
      const l = lines();
      const i = at % l.length;
      return Buffer.from([...l.slice(0, i + 1), l[i]!, ...l.slice(i + 1)].join("\n"), "latin1");
    }
    case "dropLine": {
      const l = lines();
      const i = at % l.length;
      return Buffer.from([...l.slice(0, i), ...l.slice(i + 1)].join("\n"), "latin1");
    }
    case "bom":
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    case "latin1":
      return Buffer.from(Buffer.from(bytes).toString("utf8").replaceAll("\uFFFD", "?") + "\n2025,PEMKAB,Tapin,KALIMANTAN SELATAN,70,,,,,,https://sumber.example/é,catatan é\n", "latin1");
  }
}

describe("property: the upload path never answers 500 and never writes part of a file", () => {
  it("holds for CSV files: random bytes, mutations of a valid file, and rows of random cells", async () => {
    const valid = new TextEncoder().encode(csvText(validRows));
    // The valid file itself commits (so that mutations near it reach the commit).
    expect(await holds({ name: "hasil.csv", bytes: valid, who: "admin", publish: false, createEntities: true })).toBe(true);
    expect(figures.committed).toBe(1);
    const file = fc.oneof(
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
      { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce(mutate, valid)) },
      { weight: 2, arbitrary: randomRows.map((rows) => new TextEncoder().encode(csvText(rows))) },
      { weight: 1, arbitrary: fc.subarray(validRows, { minLength: 1 }).chain((rows) => fc.array(fc.tuple(fc.nat(rows.length - 1), fc.nat(11), cell), { maxLength: 3 }).map((edits) => {
        const copy = rows.map((r) => [...r]);
        for (const [r, c, v] of edits) copy[r]![c] = v;
        return new TextEncoder().encode(csvText(copy));
      })) },
    );
    await fc.assert(fc.asyncProperty(file, options, async (bytes, o) => holds({ name: "hasil.csv", bytes, ...o })), { numRuns: 160 });
    expect(figures.committed).toBeGreaterThan(5);
  }, 600_000);

  it("holds for XLSX files: random bytes, mutations of a valid workbook, and workbooks of random cells", async () => {
    const valid = await xlsxBytes(validRows);
    const file = fc.oneof(
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])) },
      { weight: 2, arbitrary: fc.array(fc.oneof(mutation.filter((m) => m.kind === "flip" || m.kind === "truncate" || m.kind === "delete")), { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce(mutate, valid)) },
      {
        weight: 3,
        arbitrary: fc
          .array(fc.array(fc.oneof({ weight: 5, arbitrary: cell }, { weight: 1, arbitrary: fc.constant({ formula: "80+1.5", result: 81.5 }) }, { weight: 1, arbitrary: fc.double({ noNaN: true }) }), { maxLength: 13 }), { maxLength: 6 })
          .chain((rows) => fc.constant(rows)),
      },
    );
    await fc.assert(
      fc.asyncProperty(file, options, async (input, o) => {
        const bytes = input instanceof Uint8Array ? input : await xlsxBytes(input as (string | number | { formula: string; result: number })[][]);
        return holds({ name: "hasil.xlsx", bytes, ...o });
      }),
      { numRuns: 90 },
    );
  }, 600_000);
});

/**
 * A client whose interactive transaction fails at its `failAt`-th call (a model method or raw
 * SQL): the fault a crash, a full disk or a lock timeout would be in the middle of a commit.
 */
function faultyClient(prisma: PrismaClient, failAt: number, counter: { calls: number }): PrismaClient {
  const wrap = <T extends object>(target: T, depth: number): T =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver) as unknown;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            counter.calls++;
            if (counter.calls === failAt) throw new Error(`injected fault at call ${failAt}`);
            return (value as (...a: unknown[]) => unknown).apply(obj, args);
          };
        }
        if (depth === 0 && value && typeof value === "object") return wrap(value as object, 1);
        return value;
      },
    });
  return new Proxy(prisma, {
    get(obj, key, receiver) {
      if (key !== "$transaction") return Reflect.get(obj, key, receiver);
      return (work: (tx: unknown) => Promise<unknown>, opts?: unknown) =>
        (obj.$transaction as (w: (tx: unknown) => Promise<unknown>, o?: unknown) => Promise<unknown>)((tx) => work(wrap(tx as object, 0)), opts);
    },
  }) as PrismaClient;
}

describe("faults: a commit interrupted at any write leaves nothing of the file", () => {
  it("holds at every call of the transaction: drafts, revisions of published results, new entities, and a publishing import", async () => {
    const bytes = new TextEncoder().encode(csvText(validRows));
    const cases = [
      { who: "editor", publish: false },
      { who: "admin", publish: false },
      { who: "admin", publish: true },
    ] as const;
    for (const { who, publish } of cases) {
      const actor = people[who].actor;
      const plan = async () => {
        const outcome = await planImportFile("hasil.csv", bytes, actor, { createEntities: true, publish }, tdb.prisma);
        if (!outcome.ok || !outcome.plan.committable) throw new Error("the valid file must plan");
        return outcome.plan;
      };
      // A clean run through the same proxy counts the calls of the commit; then it is reverted.
      const counter = { calls: 0 };
      const clean = await commitImport(await plan(), actor, { publish, fileName: "hasil.csv" }, faultyClient(tdb.prisma, -1, counter));
      if (!clean.ok) throw new Error(clean.message);
      expect(clean.summary).toMatchObject({ created: 3, updated: 1, review: publish ? 0 : 1 });
      const total = counter.calls;
      expect(total).toBeGreaterThan(10);
      expect((await revertImport(people.admin.actor, clean.summary.auditId!, tdb.prisma)).ok).toBe(true);
      // Every point, not a sample: the transaction fails at call 1, 2, … total.
      for (let failAt = 1; failAt <= total; failAt++) {
        const before = await fingerprint();
        figures.faults++;
        await expect(commitImport(await plan(), actor, { publish, fileName: "hasil.csv" }, faultyClient(tdb.prisma, failAt, { calls: 0 }))).rejects.toThrow(/injected fault/);
        expect(await fingerprint(), `${who}${publish ? " (publish)" : ""}: fault at call ${failAt} of ${total}`).toBe(before);
      }
    }
  }, 600_000);
});
