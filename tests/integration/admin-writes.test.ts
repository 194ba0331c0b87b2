/**
 * Issue 5: every write path (server actions and the write API) refuses a caller without a
 * session (401) and an editor outside its provinces (403), leaving the database unchanged;
 * validation answers 422 with the issues, duplicates and stale versions 409; new results are
 * drafts invisible to public reads until an admin publishes them; every change is audited and
 * can be reverted.
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
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

import { PATCH, DELETE } from "@/app/api/v1/results/[id]/route";
import { POST } from "@/app/api/v1/results/route";
import { publicationAction } from "@/app/admin/publikasi/actions";
import { deleteResultAction, publishResultAction, restoreResultAction, saveResultAction } from "@/app/admin/hasil/actions";
import { revertAction } from "@/app/admin/riwayat/actions";
import type { Actor } from "@/lib/ledger/access";
import { actorForUser, createUserWithPassword } from "@/lib/ledger/users";
import { createApiToken } from "@/lib/ledger/tokens";
import { getPublicDataset } from "@/lib/record/dataset";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { actAs, apiRequest, dbFingerprint, formData, redirectOf, sessionCookie } from "../helpers/admin";

const PASSWORD = "a long test password 42";
let tdb: TempDatabase;
let admin: Actor;
let editor: Actor;
let adminCookie: string;
let editorCookie: string;
let editorToken: string;
let adminToken: string;
const ids = { inScope: 0, outOfScope: 0, national: 0, kalselPublished: 0, outPublished: 0 };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

/** A year of the public record (what every public page and API read is built from), as text. */
async function publicRows(year: number): Promise<string> {
  return JSON.stringify((await getPublicDataset(tdb.prisma)).rowsByYear.get(year) ?? []);
}

async function entityId(slug: string): Promise<number> {
  return (await tdb.prisma.entity.findUniqueOrThrow({ where: { slug } })).id;
}

beforeAll(async () => {
  tdb = createTempDatabase("admin-writes");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  const a = await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma);
  const e = await createUserWithPassword(
    { email: "editor@example.org", role: "EDITOR", provinceIds: [kalsel.id], password: PASSWORD },
    tdb.prisma,
  );
  if (!a.ok || !e.ok) throw new Error("could not create users");
  admin = (await actorForUser(a.userId, "session", tdb.prisma))!;
  editor = (await actorForUser(e.userId, "session", tdb.prisma))!;
  adminCookie = await sessionCookie("admin@example.org", PASSWORD);
  editorCookie = await sessionCookie("editor@example.org", PASSWORD);
  const et = await createApiToken(admin, editor.userId, "editor automation", tdb.prisma);
  const at = await createApiToken(admin, admin.userId, "admin automation", tdb.prisma);
  if (!et.ok || !at.ok) throw new Error("could not create tokens");
  editorToken = et.value.token;
  adminToken = at.value.token;
  ids.inScope = await entityId("kantor-pertanahan-kotabaru");
  ids.outOfScope = await entityId("pemkot-kediri");
  ids.national = await entityId("kementerian-agama");
  ids.kalselPublished = (await tdb.prisma.result.findFirstOrThrow({ where: { entity: { slug: "pemkot-banjarmasin" }, year: 2024 } })).id;
  ids.outPublished = (await tdb.prisma.result.findFirstOrThrow({ where: { entity: { provinceId: { not: kalsel.id } }, year: 2024, status: "PUBLISHED" } })).id;
});

afterAll(async () => {
  await tdb?.dispose();
});

const validResult = (entity: number, year = 2024) => ({ entityId: entity, year, score: "91,66", sourceUrl: "https://ombudsman.go.id/x" });

describe("without a session or token every write is refused and nothing changes", () => {
  it("the write API answers 401", async () => {
    const before = await dbFingerprint(tdb.prisma);
    expect((await POST(apiRequest("POST", "/api/v1/results", validResult(ids.inScope)))).status).toBe(401);
    expect((await PATCH(apiRequest("PATCH", `/api/v1/results/${ids.kalselPublished}`, { score: "10" }), params(ids.kalselPublished))).status).toBe(401);
    expect((await DELETE(apiRequest("DELETE", `/api/v1/results/${ids.kalselPublished}`), params(ids.kalselPublished))).status).toBe(401);
    // An unknown or made-up token is no better than none.
    expect((await POST(apiRequest("POST", "/api/v1/results", validResult(ids.inScope), bearer("rpr_made-up")))).status).toBe(401);
    expect((await POST(apiRequest("POST", "/api/v1/results", validResult(ids.inScope), { cookie: "better-auth.session_token=forged" }))).status).toBe(401);
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });

  it("the server actions answer 401 (or send back to sign-in)", async () => {
    actAs(null);
    const before = await dbFingerprint(tdb.prisma);
    const created = await saveResultAction({}, formData(validResult(ids.inScope)));
    expect(created.status).toBe(401);
    const edited = await saveResultAction({}, formData({ id: ids.kalselPublished, version: 1, ...validResult(ids.inScope) }));
    expect(edited.status).toBe(401);
    expect(await redirectOf(() => deleteResultAction(formData({ id: ids.kalselPublished, version: 1 })))).toContain("galat=401");
    expect(await redirectOf(() => restoreResultAction(formData({ id: ids.kalselPublished })))).toContain("galat=401");
    expect(await redirectOf(() => publishResultAction(formData({ id: ids.kalselPublished, publish: "0" })))).toContain("galat=401");
    expect(await redirectOf(() => publicationAction(formData({ year: 2024, publish: "0" })))).toContain("galat=401");
    const lastAudit = await tdb.prisma.auditLog.findFirst({ orderBy: { id: "desc" } });
    expect(await redirectOf(() => revertAction(formData({ auditId: lastAudit!.id })))).toContain("galat=401");
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });
});

describe("an editor outside its provinces gets 403 and nothing changes", () => {
  it("through the write API (token and session)", async () => {
    const before = await dbFingerprint(tdb.prisma);
    for (const auth of [bearer(editorToken), { cookie: editorCookie }]) {
      expect((await POST(apiRequest("POST", "/api/v1/results", validResult(ids.outOfScope), auth))).status).toBe(403);
      // National entities (no province) are for admins only.
      expect((await POST(apiRequest("POST", "/api/v1/results", validResult(ids.national), auth))).status).toBe(403);
      // Even with an invalid score, the answer is 403: nothing is revealed outside the scope.
      expect((await POST(apiRequest("POST", "/api/v1/results", { ...validResult(ids.outOfScope), score: "abc" }, auth))).status).toBe(403);
      expect((await PATCH(apiRequest("PATCH", `/api/v1/results/${ids.outPublished}`, { score: "10" }, auth), params(ids.outPublished))).status).toBe(403);
      expect((await DELETE(apiRequest("DELETE", `/api/v1/results/${ids.outPublished}`, undefined, auth), params(ids.outPublished))).status).toBe(403);
      // Moving an in-scope result to an entity outside the scope is refused too.
      expect((await PATCH(apiRequest("PATCH", `/api/v1/results/${ids.kalselPublished}`, { entityId: ids.outOfScope }, auth), params(ids.kalselPublished))).status).toBe(403);
    }
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });

  it("through the server actions", async () => {
    actAs(editorCookie);
    const before = await dbFingerprint(tdb.prisma);
    expect((await saveResultAction({}, formData(validResult(ids.outOfScope)))).status).toBe(403);
    const out = await tdb.prisma.result.findUniqueOrThrow({ where: { id: ids.outPublished } });
    expect((await saveResultAction({}, formData({ id: out.id, version: out.version, ...validResult(out.entityId, out.year) }))).status).toBe(403);
    expect(await redirectOf(() => deleteResultAction(formData({ id: out.id, version: out.version })))).toContain("galat=403");
    // Publishing is an admin's decision, even inside the editor's provinces.
    expect(await redirectOf(() => publishResultAction(formData({ id: ids.kalselPublished, publish: "0" })))).toContain("galat=403");
    expect(await redirectOf(() => publicationAction(formData({ year: 2024, publish: "0" })))).toContain("galat=403");
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });
});

describe("validation", () => {
  it("answers 422 with the zod issues for a bad score, and changes nothing", async () => {
    const before = await dbFingerprint(tdb.prisma);
    for (const score of ["91,666", "100,01", "abc", "-5"]) {
      const response = await POST(apiRequest("POST", "/api/v1/results", { ...validResult(ids.inScope), score }, bearer(editorToken)));
      expect(response.status).toBe(422);
      const body = (await response.json()) as { issues: { path: string[]; message: string }[] };
      expect(body.issues.some((i) => i.path[0] === "score")).toBe(true);
    }
    const noYear = await POST(apiRequest("POST", "/api/v1/results", { ...validResult(ids.inScope), year: 2020 }, bearer(editorToken)));
    expect(noYear.status).toBe(422);
    expect(JSON.stringify(await noYear.json())).toContain("belum punya metodologi");
    const noEntity = await POST(apiRequest("POST", "/api/v1/results", { ...validResult(999_999) }, bearer(adminToken)));
    expect(noEntity.status).toBe(422);
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });

  it("shows the field error in Indonesian next to the score in the form", async () => {
    actAs(editorCookie);
    const state = await saveResultAction({}, formData({ ...validResult(ids.inScope), score: "91,666" }));
    expect(state.status).toBe(422);
    expect(state.fieldErrors?.score).toMatch(/dua angka di belakang koma/);
  });

  it("answers 409 for a second result of the same entity and year", async () => {
    const existing = await tdb.prisma.result.findUniqueOrThrow({ where: { id: ids.kalselPublished } });
    const response = await POST(apiRequest("POST", "/api/v1/results", validResult(existing.entityId, existing.year), bearer(adminToken)));
    expect(response.status).toBe(409);
  });

  it("needs a confirmation when the published category disagrees with the bands", async () => {
    const input = { ...validResult(await entityId("kantor-pertanahan-tapin")), score: "91.66", publishedCategory: "B" };
    const refused = await POST(apiRequest("POST", "/api/v1/results", input, bearer(editorToken)));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("publishedCategory");
    const accepted = await POST(apiRequest("POST", "/api/v1/results", { ...input, confirmCategoryMismatch: true }, bearer(editorToken)));
    expect(accepted.status).toBe(201);
    const row = await tdb.prisma.result.findUniqueOrThrow({ where: { id: ((await accepted.json()) as { id: number }).id } });
    expect([row.publishedCategory, row.computedCategory, row.computedZone]).toEqual(["B", "A", "HIJAU"]);
  });
});

describe("drafts, publication and the audit trail", () => {
  let draftId = 0;

  it("an editor creates a draft in its province: computed zone stored, audited, invisible to the public", async () => {
    const response = await POST(apiRequest("POST", "/api/v1/results", validResult(ids.inScope), bearer(editorToken)));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number; status: string };
    expect(body.status).toBe("DRAFT");
    draftId = body.id;
    const row = await tdb.prisma.result.findUniqueOrThrow({ where: { id: draftId } });
    expect([row.score, row.computedZone, row.computedCategory, row.status]).toEqual([9166, "HIJAU", "A", "DRAFT"]);
    const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetType: "RESULT", targetId: String(draftId), action: "CREATE" } });
    expect(audit.actorEmail).toBe("editor@example.org");
    expect(audit.via).toMatch(/^api-token:/);

    expect(await publicRows(2024)).not.toContain("kantor-pertanahan-kotabaru");
  });

  it("a draft-only year is not a public year", async () => {
    const year2019 = await tdb.prisma.result.findMany({ where: { year: 2019 } });
    expect(year2019.length).toBeGreaterThan(0);
    actAs(adminCookie);
    expect(await redirectOf(() => publicationAction(formData({ year: 2019, publish: "0" })))).toContain("jumlah=");
    expect((await getPublicDataset(tdb.prisma)).years).not.toContain(2019);
    expect(await redirectOf(() => publicationAction(formData({ year: 2019, publish: "1" })))).toContain(`jumlah=${year2019.length}`);
    expect((await getPublicDataset(tdb.prisma)).years).toContain(2019);
  });

  it("an admin publishes a year's drafts of one type; the result appears publicly; unpublish hides it again", async () => {
    actAs(adminCookie);
    expect(await redirectOf(() => publicationAction(formData({ year: 2024, type: "KANTOR_PERTANAHAN", publish: "1" })))).toContain("jumlah=");
    const visible = await publicRows(2024);
    expect(visible).toContain("kantor-pertanahan-kotabaru");
    const publishAudit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetId: String(draftId), action: "PUBLISH" } });
    expect(JSON.parse(publishAudit.before!).status).toBe("DRAFT");
    expect(JSON.parse(publishAudit.after!).status).toBe("PUBLISHED");

    expect(await redirectOf(() => publishResultAction(formData({ id: draftId, publish: "0" })))).toBe(`/admin/hasil/${draftId}`);
    expect(await publicRows(2024)).not.toContain("kantor-pertanahan-kotabaru");
    expect(await tdb.prisma.auditLog.count({ where: { targetId: String(draftId), action: "UNPUBLISH" } })).toBe(1);
  });

  it("an edit of a published result is recorded as such, and a revert restores the prior values", async () => {
    actAs(editorCookie);
    const before = await tdb.prisma.result.findUniqueOrThrow({ where: { id: ids.kalselPublished } });
    const publicBefore = await publicRows(2024);
    const url = await redirectOf(() =>
      saveResultAction({}, formData({ id: before.id, version: before.version, entityId: before.entityId, year: before.year, score: "95.5", publishedZone: "HIJAU", publishedCategory: "A", notes: "koreksi" })),
    );
    // Issue 15: the edit of a published result waits for review; the public keeps the published values.
    expect(url).toBe(`/admin/hasil/${before.id}?disimpan=tinjau`);
    const edited = await tdb.prisma.result.findUniqueOrThrow({ where: { id: before.id }, include: { revision: true } });
    expect([edited.score, edited.version, edited.status, edited.notes]).toEqual([9545, before.version + 1, "PUBLISHED", before.notes]);
    expect([edited.revision?.score, edited.revision?.notes]).toEqual([9550, "koreksi"]);
    expect(await publicRows(2024)).toBe(publicBefore);
    const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetId: String(before.id), action: "UPDATE" }, orderBy: { id: "desc" } });
    expect(audit.publishedEdit).toBe(true);
    expect(JSON.parse(audit.before!).score).toBe(9545);
    expect(JSON.parse(audit.after!).score).toBe(9550);

    actAs(adminCookie);
    expect(await redirectOf(() => revertAction(formData({ auditId: audit.id })))).toBe(`/admin/riwayat?dibatalkan=${audit.id}`);
    const reverted = await tdb.prisma.result.findUniqueOrThrow({ where: { id: before.id }, include: { revision: true } });
    expect([reverted.score, reverted.notes, reverted.status, reverted.version]).toEqual([9545, before.notes, "PUBLISHED", before.version + 2]);
    expect(reverted.revision).toBeNull();
    const revertRow = await tdb.prisma.auditLog.findFirstOrThrow({ where: { action: "REVERT", revertOfId: audit.id } });
    expect(JSON.parse(revertRow.before!).score).toBe(9550);
    expect(JSON.parse(revertRow.after!).score).toBe(9545);
  });

  it("deletes softly (hidden from the public), restores, and audits both", async () => {
    const published = await tdb.prisma.result.findUniqueOrThrow({ where: { id: ids.kalselPublished } });
    const response = await DELETE(apiRequest("DELETE", `/api/v1/results/${published.id}?version=${published.version}`, undefined, bearer(editorToken)), params(published.id));
    // Issue 15: deleting a published result waits for an admin's review (202), then the admin publishes it.
    expect(response.status).toBe(202);
    expect(await publicRows(2024)).toContain("pemkot-banjarmasin");
    actAs(adminCookie);
    expect(await redirectOf(() => publishResultAction(formData({ id: published.id, publish: "1" })))).toBe(`/admin/hasil/${published.id}`);
    const deleted = await tdb.prisma.result.findUniqueOrThrow({ where: { id: published.id } });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await publicRows(2024)).not.toContain("pemkot-banjarmasin");
    actAs(editorCookie);
    expect(await redirectOf(() => restoreResultAction(formData({ id: published.id })))).toBe(`/admin/hasil/${published.id}?disimpan=tinjau`);
    expect(await publicRows(2024)).not.toContain("pemkot-banjarmasin");
    actAs(adminCookie);
    await redirectOf(() => publishResultAction(formData({ id: published.id, publish: "1" })));
    expect(await publicRows(2024)).toContain("pemkot-banjarmasin");
    const actions = (await tdb.prisma.auditLog.findMany({ where: { targetId: String(published.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["UPDATE", "REVERT", "DELETE", "RESTORE"]));
  });

  it("reverting a creation removes the result (softly)", async () => {
    const create = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetId: String(draftId), action: "CREATE" } });
    actAs(adminCookie);
    await redirectOf(() => revertAction(formData({ auditId: create.id })));
    expect((await tdb.prisma.result.findUniqueOrThrow({ where: { id: draftId } })).deletedAt).not.toBeNull();
  });
});

describe("concurrent edits", () => {
  it("refuses an edit made on a version someone else changed since (409), never overwriting", async () => {
    const opened = await tdb.prisma.result.findUniqueOrThrow({ where: { id: ids.kalselPublished } });
    // Someone else saves first…
    const first = await PATCH(apiRequest("PATCH", `/api/v1/results/${opened.id}`, { notes: "first", version: opened.version }, bearer(adminToken)), params(opened.id));
    // A published result: the change is accepted as a revision waiting for review (202).
    expect(first.status).toBe(202);
    const afterFirst = await dbFingerprint(tdb.prisma);
    // …then the editor saves the form it opened before.
    actAs(editorCookie);
    const state = await saveResultAction({}, formData({ id: opened.id, version: opened.version, entityId: opened.entityId, year: opened.year, score: "50", publishedZone: "HIJAU", publishedCategory: "A", notes: "second" }));
    expect(state.status).toBe(409);
    expect(state.message).toMatch(/diubah orang lain/);
    expect(state.conflictVersion).toBe(opened.version + 1);
    const stale = await PATCH(apiRequest("PATCH", `/api/v1/results/${opened.id}`, { notes: "third", version: opened.version }, bearer(adminToken)), params(opened.id));
    expect(stale.status).toBe(409);
    expect(await dbFingerprint(tdb.prisma)).toBe(afterFirst);
    expect((await tdb.prisma.resultRevision.findUniqueOrThrow({ where: { resultId: opened.id } })).notes).toBe("first");
  });
});
