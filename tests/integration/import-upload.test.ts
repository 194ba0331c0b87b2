/**
 * Issue 6, "large files show progress": POST /admin/impor/unggah streams NDJSON progress events
 * (received → parsed → validated → [committing] → done) around the same dry-run-then-commit as
 * the server action. Without a session 401, from another origin or an editor asking to publish
 * 403 — JSON, nothing changed; a file with a bad row is reported by line, in Indonesian, and
 * changes nothing; a commit needs the hash of the file previewed.
 */
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
}));

import { importAction } from "@/app/admin/impor/actions";
import type { ImportProgress, ImportState } from "@/app/admin/impor/import-run";
import { POST } from "@/app/admin/impor/unggah/route";
import { createUserWithPassword } from "@/lib/ledger/users";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { actAs, dbFingerprint, sessionCookie } from "../helpers/admin";

const PASSWORD = "a long test password 42";
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";
const GOOD = [HEADER, "2025,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,88.10,,,,,,https://x.test/tala,", "2025,PEMKAB,Banjar,KALIMANTAN SELATAN,\"77,00\",,,,,,https://x.test/banjar,"].join("\n") + "\n";
const BAD = [HEADER, "2025,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,88.10,,,,,,https://x.test/tala,", "2025,PEMKAB,Banjar,KALIMANTAN SELATAN,101,,,,,,https://x.test/banjar,"].join("\n") + "\n";

let tdb: TempDatabase;
let adminCookie: string;
let editorCookie: string;

beforeAll(async () => {
  tdb = createTempDatabase("import-upload");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  const a = await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma);
  const e = await createUserWithPassword({ email: "editor@example.org", role: "EDITOR", provinceIds: [kalsel.id], password: PASSWORD }, tdb.prisma);
  if (!a.ok || !e.ok) throw new Error("could not create users");
  adminCookie = await sessionCookie("admin@example.org", PASSWORD);
  editorCookie = await sessionCookie("editor@example.org", PASSWORD);
});

afterAll(async () => {
  await tdb.dispose();
});

function form(csv: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.set("file", new File([csv], "hasil.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

/** The upload as the browser sends it: the session cookie (route handlers read next/headers too). */
function upload(cookie: string | null, body: FormData, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { host: "rapor.test", origin: "http://rapor.test", ...extra };
  if (cookie) headers.cookie = cookie;
  actAs(cookie);
  for (const [k, v] of Object.entries(headers)) currentRequest.headers.set(k, v);
  return POST(new Request("http://rapor.test/admin/impor/unggah", { method: "POST", headers, body }));
}

async function events(response: Response): Promise<ImportProgress[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text.trim().split("\n").map((line) => JSON.parse(line) as ImportProgress);
}

const finalState = (list: ImportProgress[]): ImportState => {
  const last = list.at(-1)!;
  if (last.type !== "done") throw new Error("the stream did not end with done");
  return last.state;
};

describe("the import upload route", () => {
  it("answers 401 JSON without a session, and changes nothing", async () => {
    const before = await dbFingerprint(tdb.prisma);
    const response = await upload(null, form(GOOD, { intent: "commit" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthenticated", message: "Sesi Anda berakhir; masuk kembali." });
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });

  it("answers 403 JSON to another origin and to an editor asking to publish, and changes nothing", async () => {
    const before = await dbFingerprint(tdb.prisma);
    const crossSite = await upload(adminCookie, form(GOOD), { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: string }).error).toBe("forbidden");
    const editorPublish = await upload(editorCookie, form(GOOD, { intent: "preview", publish: "on" }));
    expect(editorPublish.status).toBe(403);
    expect(await editorPublish.json()).toEqual({ error: "forbidden", message: "Hanya admin yang dapat langsung menerbitkan hasil impor." });
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });

  it("streams the stages of a dry run, reports the bad row by line in Indonesian, and changes nothing", async () => {
    const before = await dbFingerprint(tdb.prisma);
    const list = await events(await upload(adminCookie, form(BAD, { intent: "preview" })));
    expect(list.map((e) => e.type)).toEqual(["received", "parsed", "validated", "done"]);
    expect(list[0]).toEqual({ type: "received", bytes: new TextEncoder().encode(BAD).byteLength });
    expect(list[1]).toEqual({ type: "parsed", rows: 2 });
    expect(list[2]).toMatchObject({ type: "validated", rows: 2, errorRows: 1, committable: false });
    const state = finalState(list);
    expect(state).toMatchObject({ stage: "preview", committable: false, counts: { rows: 2, errorRows: 1 } });
    expect(state.issues).toEqual([{ line: 3, severity: "error", column: "score", message: "Nilai harus antara 0 dan 100." }]);
    // Even asked to commit, a file with an error is only previewed.
    const commit = finalState(await events(await upload(adminCookie, form(BAD, { intent: "commit", previewedHash: state.fileHash! }))));
    expect(commit.stage).toBe("preview");
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });

  it("commits only the file previewed, streaming committing then done, as drafts in one audit entry", async () => {
    const before = await dbFingerprint(tdb.prisma);
    const preview = finalState(await events(await upload(adminCookie, form(GOOD, { intent: "preview" }))));
    expect(preview).toMatchObject({ stage: "preview", committable: true, counts: { rows: 2, create: 2, errorRows: 0 } });
    // Another file than the one previewed: shown again, not applied.
    const other = finalState(await events(await upload(adminCookie, form(GOOD + "\n", { intent: "commit", previewedHash: preview.fileHash! }))));
    expect(other).toMatchObject({ stage: "preview", message: "Berkas berbeda dari yang diperiksa: periksa hasil uji coba ini dulu, lalu terapkan." });
    expect(await dbFingerprint(tdb.prisma)).toBe(before);

    const audits = await tdb.prisma.auditLog.count();
    const list = await events(await upload(adminCookie, form(GOOD, { intent: "commit", previewedHash: preview.fileHash! })));
    expect(list.map((e) => e.type)).toEqual(["received", "parsed", "validated", "committing", "done"]);
    expect(list[3]).toEqual({ type: "committing", changes: 2 });
    const state = finalState(list);
    expect(state).toMatchObject({ stage: "committed", summary: { created: 2, updated: 0, published: false } });
    expect(await tdb.prisma.auditLog.count()).toBe(audits + 1);
    const created = await tdb.prisma.result.findMany({ where: { year: 2025, entity: { slug: { in: ["pemkab-tanah-laut", "pemkab-banjar"] } } } });
    expect(created.map((r) => [r.score, r.status]).sort()).toEqual([[7700, "DRAFT"], [8810, "DRAFT"]]);
  });

  it("refuses a file of the wrong kind with the same Indonesian message as the form's action", async () => {
    const f = new FormData();
    f.set("file", new File(["x"], "hasil.pdf"));
    f.set("intent", "preview");
    const state = finalState(await events(await upload(adminCookie, f)));
    expect(state).toEqual({ stage: "failed", message: "Hanya berkas .csv atau .xlsx yang dapat diimpor." });
    actAs(adminCookie);
    const f2 = new FormData();
    f2.set("file", new File(["x"], "hasil.pdf"));
    expect(await importAction({ stage: "idle" }, f2)).toEqual(state);
  });
});
