/**
 * Issue 15 (2, 3): nothing unreviewed goes public. A change to a published result — from the
 * admin form, the write API (PATCH, DELETE), an upload or the CLI importer without --publish, by
 * an EDITOR or an ADMIN — leaves every public read as it was and waits as a pending revision;
 * a second edit updates it (409 on a stale version); an admin publishes it (alone, or with its
 * year) or discards it, each audited and revertible. An entity first seen in a draft or in a
 * revision stays private until one of its results is published.
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

import { DELETE, PATCH } from "@/app/api/v1/results/[id]/route";
import { discardRevisionAction, publishResultAction, saveResultAction } from "@/app/admin/hasil/actions";
import { publicationAction } from "@/app/admin/publikasi/actions";
import { revertAction } from "@/app/admin/riwayat/actions";
import { apiEntities } from "@/lib/api/reads";
import { entitiesQuerySchema } from "@/lib/api/schemas";
import type { Actor } from "@/lib/ledger/access";
import { createEntity, mergeEntities } from "@/lib/ledger/entities";
import { commitImport } from "@/lib/ledger/import/commit";
import { planImportFile } from "@/lib/ledger/import/dry-run";
import { revertImport } from "@/lib/ledger/import/revert-import";
import { setPublication } from "@/lib/ledger/publish";
import { createResult, updateResult } from "@/lib/ledger/results";
import { revertChange } from "@/lib/ledger/revert";
import { listPendingRevisions } from "@/lib/ledger/revision-reads";
import { seedDatabase } from "@/lib/ledger/seed";
import { createApiToken } from "@/lib/ledger/tokens";
import { actorForUser, createUserWithPassword } from "@/lib/ledger/users";
import { getEntityReport } from "@/lib/record/entities";
import { getPublicDataset } from "@/lib/record/dataset";
import { actAs, apiRequest, dbFingerprint, formData, redirectOf, sessionCookie } from "../helpers/admin";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const PASSWORD = "a long test password 42";
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";
let tdb: TempDatabase;
let admin: Actor;
let editor: Actor;
let adminCookie: string;
let editorToken: string;
let adminToken: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n") + "\n");

/** Everything the public record holds (what every page, API answer and download is made of), as text. */
async function publicRecord(): Promise<string> {
  const dataset = await getPublicDataset(tdb.prisma);
  return JSON.stringify({ years: dataset.years, rows: [...dataset.rowsByYear], details: [...dataset.detailsByYear].map(([y, d]) => [y, [...d]]), entities: dataset.entities.list });
}

async function resultOf(slug: string, year: number) {
  return tdb.prisma.result.findFirstOrThrow({ where: { entity: { slug }, year }, include: { revision: { include: { sources: true } }, sources: true } });
}

/** The score the public record shows for an entity's year, or undefined when it shows none. */
async function publicScore(slug: string, year: number): Promise<number | null | undefined> {
  return (await getPublicDataset(tdb.prisma)).rowsByYear.get(year)?.find((r) => r.entity.slug === slug)?.score;
}

async function importFile(actor: Actor, file: Uint8Array, publish: boolean, createEntities = false) {
  const outcome = await planImportFile("revisi.csv", file, actor, { createEntities, publish }, tdb.prisma);
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.plan.issues.filter((i) => i.severity === "error")).toEqual([]);
  const committed = await commitImport(outcome.plan, actor, { publish, fileName: "revisi.csv" }, tdb.prisma);
  if (!committed.ok) throw new Error(committed.message);
  return { plan: outcome.plan, summary: committed.summary };
}

beforeAll(async () => {
  tdb = createTempDatabase("pending-revisions");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  const a = await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma);
  const e = await createUserWithPassword({ email: "editor@example.org", role: "EDITOR", provinceIds: [kalsel.id], password: PASSWORD }, tdb.prisma);
  if (!a.ok || !e.ok) throw new Error("could not create users");
  admin = (await actorForUser(a.userId, "session", tdb.prisma))!;
  editor = (await actorForUser(e.userId, "session", tdb.prisma))!;
  adminCookie = await sessionCookie("admin@example.org", PASSWORD);
  const et = await createApiToken(admin, editor.userId, "editor", tdb.prisma);
  const at = await createApiToken(admin, admin.userId, "admin", tdb.prisma);
  if (!et.ok || !at.ok) throw new Error("could not create tokens");
  editorToken = et.value.token;
  adminToken = at.value.token;
});

afterAll(async () => {
  await tdb?.dispose();
});

describe("an edit of a published result through the write API", () => {
  it("is accepted as a revision (202): the public keeps 95,45 while 11,11 waits, with who, when and the version it was made on", async () => {
    const before = await resultOf("pemkot-banjarmasin", 2024);
    expect([before.score, before.status]).toEqual([9545, "PUBLISHED"]);
    const publicBefore = await publicRecord();
    const response = await PATCH(apiRequest("PATCH", `/api/v1/results/${before.id}`, { score: "11,11", confirmCategoryMismatch: true, version: before.version }, bearer(editorToken)), params(before.id));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ id: before.id, version: before.version + 1, status: "PUBLISHED", pendingRevision: true, message: expect.stringContaining("menunggu tinjauan") });
    expect(await publicRecord()).toBe(publicBefore);
    const after = await resultOf("pemkot-banjarmasin", 2024);
    expect([after.score, after.version, after.updatedBy]).toEqual([9545, before.version + 1, before.updatedBy]);
    expect(after.revision).toMatchObject({ score: 1111, baseVersion: before.version, createdBy: "editor@example.org", updatedBy: "editor@example.org", deleted: false });
    expect(after.revision!.sources.map((s) => s.sourceId).sort()).toEqual(before.sources.map((s) => s.id).sort());
    const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetId: String(before.id), action: "UPDATE" }, orderBy: { id: "desc" } });
    expect(audit.publishedEdit).toBe(true);
    expect(JSON.parse(audit.before!)).toMatchObject({ score: 9545, pending: false });
    expect(JSON.parse(audit.after!)).toMatchObject({ score: 1111, pending: true });
  });

  it("a second edit updates the same revision; one made on a stale version is refused (409) and changes nothing", async () => {
    const current = await resultOf("pemkot-banjarmasin", 2024);
    const before = await dbFingerprint(tdb.prisma);
    const stale = await PATCH(apiRequest("PATCH", `/api/v1/results/${current.id}`, { score: "33,33", confirmCategoryMismatch: true, version: current.version - 1 }, bearer(adminToken)), params(current.id));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "stale", currentVersion: current.version });
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
    const second = await PATCH(apiRequest("PATCH", `/api/v1/results/${current.id}`, { score: "22,22", confirmCategoryMismatch: true, notes: "koreksi kedua", version: current.version }, bearer(adminToken)), params(current.id));
    expect(second.status).toBe(202);
    const after = await resultOf("pemkot-banjarmasin", 2024);
    expect(await tdb.prisma.resultRevision.count({ where: { resultId: current.id } })).toBe(1);
    expect(after.revision).toMatchObject({ score: 2222, notes: "koreksi kedua", baseVersion: current.revision!.baseVersion, createdBy: "editor@example.org", updatedBy: "admin@example.org" });
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(9545);
  });

  it("lists the revision with its change as the public sees it", async () => {
    const [revision] = await listPendingRevisions(admin, { resultId: (await resultOf("pemkot-banjarmasin", 2024)).id }, tdb.prisma);
    expect(revision!.changes.find((c) => c.field === "score")).toEqual({ field: "score", before: 9545, after: 2222 });
    expect(revision!.changes.find((c) => c.field === "zone")).toEqual({ field: "zone", before: "HIJAU", after: "MERAH" });
    expect(revision!.changes.find((c) => c.field === "category")).toEqual({ field: "category", before: "A", after: "E" });
    // An editor sees its provinces' revisions only.
    const outside: Actor = { ...editor, provinceIds: [] };
    expect(await listPendingRevisions(outside, {}, tdb.prisma)).toEqual([]);
  });

  it("only an admin publishes it; then the public shows 22,22, and a revert of that brings back 95,45 with the revision in review", async () => {
    const current = await resultOf("pemkot-banjarmasin", 2024);
    actAs(null);
    const refused = await redirectOf(() => publishResultAction(formData({ id: current.id, publish: "1", version: current.version })));
    expect(refused).toContain("galat=401");
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(9545);
    actAs(adminCookie);
    expect(await redirectOf(() => publishResultAction(formData({ id: current.id, publish: "1", version: current.version })))).toBe(`/admin/hasil/${current.id}`);
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(2222);
    const published = await resultOf("pemkot-banjarmasin", 2024);
    expect(published).toMatchObject({ score: 2222, notes: "koreksi kedua", computedZone: "MERAH", computedCategory: "E", revision: null, version: current.version + 1 });
    const publish = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetId: String(current.id), action: "PUBLISH" }, orderBy: { id: "desc" } });
    expect(JSON.parse(publish.before!)).toMatchObject({ score: 9545 });
    expect(JSON.parse(publish.after!)).toMatchObject({ score: 2222 });
    // An editor may not undo a publication.
    expect(await revertChange(editor, publish.id, tdb.prisma)).toMatchObject({ ok: false, status: 403 });
    expect(await redirectOf(() => revertAction(formData({ auditId: publish.id })))).toBe(`/admin/riwayat?dibatalkan=${publish.id}`);
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(9545);
    const reverted = await resultOf("pemkot-banjarmasin", 2024);
    expect([reverted.score, reverted.sources.length, reverted.revision?.score]).toEqual([9545, current.sources.length, 2222]);
  });

  it("an admin discards it: the public is unchanged, the discard is audited and its revert brings the revision back", async () => {
    const current = await resultOf("pemkot-banjarmasin", 2024);
    const publicBefore = await publicRecord();
    actAs(null);
    await redirectOf(() => discardRevisionAction(formData({ id: current.id, version: current.version })));
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision).not.toBeNull();
    actAs(adminCookie);
    expect(await redirectOf(() => discardRevisionAction(formData({ id: current.id, version: current.version - 1 })))).toContain("galat=409");
    expect(await redirectOf(() => discardRevisionAction(formData({ id: current.id, version: current.version })))).toBe(`/admin/hasil/${current.id}`);
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision).toBeNull();
    expect(await publicRecord()).toBe(publicBefore);
    const discard = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetId: String(current.id), action: "DISCARD" } });
    expect(JSON.parse(discard.before!)).toMatchObject({ score: 2222, pending: true });
    expect((await revertChange(admin, discard.id, tdb.prisma)).ok).toBe(true);
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision?.score).toBe(2222);
    expect(await publicRecord()).toBe(publicBefore);
    // The editor undoes the proposal from the history: back to the published state, no revision.
    const proposal = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetId: String(current.id), action: "REVERT", revertOfId: discard.id } });
    expect((await revertChange(editor, proposal.id, tdb.prisma)).ok).toBe(true);
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision).toBeNull();
    expect(await publicRecord()).toBe(publicBefore);
  });

  it("twelve concurrent edits on one version: exactly one is accepted, the others are 409", async () => {
    const current = await resultOf("pemkot-banjarmasin", 2024);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => PATCH(apiRequest("PATCH", `/api/v1/results/${current.id}`, { score: `${40 + i},00`, confirmCategoryMismatch: true, version: current.version }, bearer(adminToken)), params(current.id))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([202, ...Array.from({ length: 11 }, () => 409)]);
    expect((await resultOf("pemkot-banjarmasin", 2024)).version).toBe(current.version + 1);
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(9545);
    actAs(adminCookie);
    await redirectOf(() => discardRevisionAction(formData({ id: current.id, version: current.version + 1 })));
  });
});

describe("an admin's own edits and deletes wait too", () => {
  it("the admin form's edit and a DELETE of a published result are revisions; publishing the year applies them with its drafts", async () => {
    const tengah = await resultOf("pemprov-kalimantan-tengah", 2024);
    const publicBefore = await publicRecord();
    actAs(adminCookie);
    const url = await redirectOf(() =>
      saveResultAction({}, formData({ id: tengah.id, version: tengah.version, entityId: tengah.entityId, year: 2024, score: "77,77", confirmCategoryMismatch: "on", sourceUrl: tengah.sourceUrl ?? "", notes: "form" })),
    );
    expect(url).toBe(`/admin/hasil/${tengah.id}?disimpan=tinjau`);
    const banjarmasin = await resultOf("pemkot-banjarmasin", 2024);
    const deleted = await DELETE(apiRequest("DELETE", `/api/v1/results/${banjarmasin.id}?version=${banjarmasin.version}`, undefined, bearer(adminToken)), params(banjarmasin.id));
    expect(deleted.status).toBe(202);
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision).toMatchObject({ deleted: true });
    expect(await publicRecord()).toBe(publicBefore);

    // A draft of the same year and a type of its own: publishing the year publishes drafts and revisions.
    const entity = await tdb.prisma.entity.findFirstOrThrow({ where: { type: "KANTOR_PERTANAHAN", province: { code: "63" }, results: { none: { year: 2024 } } } });
    const draft = await createResult(editor, { entityId: entity.id, year: 2024, score: "66,66", sourceUrl: "https://sumber.example/draf" }, tdb.prisma);
    if (!draft.ok) throw new Error(draft.message);
    expect(await publicRecord()).toBe(publicBefore);
    const drafts = await tdb.prisma.result.count({ where: { year: 2024, status: "DRAFT", deletedAt: null } });
    const outcome = await setPublication(admin, { year: 2024 }, true, tdb.prisma);
    expect(outcome).toEqual({ ok: true, value: { count: drafts + 2 } });
    expect(await publicScore("pemprov-kalimantan-tengah", 2024)).toBe(7777);
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBeUndefined();
    expect(await publicScore(entity.slug, 2024)).toBe(6666);
    expect((await resultOf("pemkot-banjarmasin", 2024)).deletedAt).not.toBeNull();
    expect(await tdb.prisma.resultRevision.count()).toBe(0);
  });

  it("restoring a deleted published result waits for review too", async () => {
    const banjarmasin = await resultOf("pemkot-banjarmasin", 2024);
    const { restoreResult } = await import("@/lib/ledger/results");
    const restored = await restoreResult(editor, banjarmasin.id, tdb.prisma);
    expect(restored).toMatchObject({ ok: true, value: { pendingRevision: true } });
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBeUndefined();
    expect((await setResultPublicationOf(banjarmasin.id)).ok).toBe(true);
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(9545);
  });
});

async function setResultPublicationOf(id: number) {
  const { setResultPublication } = await import("@/lib/ledger/publish");
  return setResultPublication(admin, id, true, tdb.prisma);
}

describe("the importer", () => {
  const file = csv("2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,11.11,,,,,,https://sumber.example/impor-revisi,koreksi impor");

  it("an editor's upload without publishing proposes a revision with the new source; the same file again changes nothing", async () => {
    const publicBefore = await publicRecord();
    const before = await resultOf("pemkot-banjarmasin", 2024);
    const { plan, summary } = await importFile(editor, file, false);
    expect(plan.review).toBe(1);
    expect(summary).toMatchObject({ updated: 1, review: 1 });
    expect(await publicRecord()).toBe(publicBefore);
    const after = await resultOf("pemkot-banjarmasin", 2024);
    expect(after.sources).toHaveLength(before.sources.length);
    expect(after.revision).toMatchObject({ score: 1111, createdBy: "editor@example.org" });
    expect(after.revision!.sources).toHaveLength(before.sources.length + 1);
    expect(after.revision!.sources.filter((s) => s.isPrimary).map((s) => s.sourceUrl)).toEqual(["https://sumber.example/impor-revisi"]);
    const again = await planImportFile("revisi.csv", file, editor, { createEntities: false }, tdb.prisma);
    expect(again.ok && again.plan.counts).toMatchObject({ update: 0, unchanged: 1 });
  });

  it("an admin's publishing import applies its values and replaces the revision; its revert restores both", async () => {
    const { summary } = await importFile(admin, csv("2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,33.33,,,,,,https://sumber.example/impor-terbit,"), true);
    expect(summary).toMatchObject({ updated: 1, review: 0 });
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(3333);
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision).toBeNull();
    expect((await revertImport(admin, summary.auditId!, tdb.prisma)).ok).toBe(true);
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(9545);
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision?.score).toBe(1111);
  });

  it("the editor's import reverted: no revision, nothing public changed", async () => {
    const publicBefore = await publicRecord();
    const imported = await tdb.prisma.auditLog.findFirstOrThrow({ where: { action: "IMPORT", actorEmail: "editor@example.org" }, orderBy: { id: "desc" } });
    expect((await revertImport(admin, imported.id, tdb.prisma)).ok).toBe(true);
    expect((await resultOf("pemkot-banjarmasin", 2024)).revision).toBeNull();
    expect(await publicRecord()).toBe(publicBefore);
  });
});

describe("the facts about a source row", () => {
  it("wait in the revision and are the published source's once an admin publishes it", async () => {
    const url = "https://sumber.example/fakta-revisi";
    const file = new TextEncoder().encode(
      [`${HEADER},rank_from_list,disputed`, `2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,44.44,,,,7,,${url},,ya,ya`].join("\n") + "\n",
    );
    const { summary } = await importFile(editor, file, false);
    expect(summary).toMatchObject({ review: 1 });
    const waiting = await resultOf("pemkot-banjarmasin", 2024);
    expect(waiting.revision!.sources.find((s) => s.sourceUrl === url)).toMatchObject({ rankFromList: true, disputed: true, yearInferred: false });
    expect(waiting.sources.some((s) => s.sourceUrl === url)).toBe(false);
    expect((await setResultPublicationOf(waiting.id)).ok).toBe(true);
    const published = await resultOf("pemkot-banjarmasin", 2024);
    expect(published.revision).toBeNull();
    expect(published.sources.find((s) => s.sourceUrl === url)).toMatchObject({ rankFromList: true, disputed: true, yearInferred: false, isPrimary: true });
    expect(await publicScore("pemkot-banjarmasin", 2024)).toBe(4444);
  });
});

describe("entities first seen in drafts", () => {
  const NAME = "Polres Rahasia Draf";
  const SLUG = "polres-rahasia-draf";

  async function visible(): Promise<{ page: boolean; listed: boolean }> {
    const list = await apiEntities(entitiesQuerySchema.parse({ q: "Rahasia", pageSize: "100" }), tdb.prisma);
    return { page: (await getEntityReport(SLUG, tdb.prisma)) !== null, listed: JSON.stringify(list).includes(SLUG) };
  }

  it("stay private with a draft, and with a revision that would move a published result to them", async () => {
    await importFile(editor, csv(`2025,POLRES,Rahasia Draf,KALIMANTAN SELATAN,55.55,,,,,,https://sumber.example/rahasia,`), false, true);
    const entity = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(entity.name).toBe(NAME);
    expect(await visible()).toEqual({ page: false, listed: false });
    // A reference entity without any result is public all along.
    const unassessed = await tdb.prisma.entity.findFirstOrThrow({ where: { type: "KANTOR_PERTANAHAN", results: { none: {} } } });
    expect(await getEntityReport(unassessed.slug, tdb.prisma)).not.toBeNull();

    const balangan = await tdb.prisma.result.findFirstOrThrow({ where: { entity: { type: "POLRES", province: { code: "63" } }, status: "PUBLISHED", year: { not: 2025 } }, include: { entity: true } });
    const moved = await updateResult(editor, balangan.id, { entityId: entity.id }, balangan.version, tdb.prisma);
    expect(moved).toMatchObject({ ok: true, value: { pendingRevision: true } });
    expect(await visible()).toEqual({ page: false, listed: false });
    expect(await publicScore(balangan.entity.slug, balangan.year)).toBe(balangan.score);
  });

  it("a merge carries the revision over to the kept entity", async () => {
    const kept = await tdb.prisma.entity.create({ data: { type: "POLRES", name: "Polres Rahasia Tetap", slug: "polres-rahasia-tetap", provinceId: (await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } })).id } });
    const source = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(await tdb.prisma.resultRevision.count({ where: { entityId: source.id } })).toBe(1);
    expect((await mergeEntities(admin, source.id, kept.id, tdb.prisma)).ok).toBe(true);
    expect(await tdb.prisma.resultRevision.count({ where: { entityId: kept.id } })).toBe(1);
    const merge = await tdb.prisma.auditLog.findFirstOrThrow({ where: { action: "MERGE" }, orderBy: { id: "desc" } });
    expect((await revertChange(admin, merge.id, tdb.prisma)).ok).toBe(true);
    await tdb.prisma.resultRevision.updateMany({ where: { entityId: kept.id }, data: { entityId: source.id } });
  });

  it("become public with their first published result", async () => {
    const draft = await tdb.prisma.result.findFirstOrThrow({ where: { entity: { slug: SLUG } } });
    expect((await setResultPublicationOf(draft.id)).ok).toBe(true);
    expect(await visible()).toEqual({ page: true, listed: true });
  });
});

describe("a revision that can no longer be published as it stands", () => {
  it("is refused with the reason (409) and nothing is published with it", async () => {
    const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
    const created = await createEntity(admin, { type: "POLRES", name: "Polres Bentrok", provinceId: kalsel.id, regencyId: null }, tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    const published = await tdb.prisma.result.findFirstOrThrow({ where: { entity: { type: "POLRES", provinceId: kalsel.id }, status: "PUBLISHED", revision: null } });
    const year = published.year;
    const moved = await updateResult(admin, published.id, { entityId: created.value.id }, published.version, tdb.prisma);
    expect(moved).toMatchObject({ ok: true, value: { pendingRevision: true } });
    // A draft result is then written for that entity and year (the importer creates by entity and year).
    await importFile(admin, csv(`${year},POLRES,Bentrok,KALIMANTAN SELATAN,44.44,,,,,,https://sumber.example/bentrok,`), false);
    const before = await dbFingerprint(tdb.prisma);
    const publicBefore = await publicRecord();
    actAs(adminCookie);
    const url = await redirectOf(() => publicationAction(formData({ year, publish: "1" })));
    expect(url).toContain("galat=409");
    expect(decodeURIComponent(url)).toContain(`sudah punya hasil tahun ${year}`);
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
    expect(await publicRecord()).toBe(publicBefore);
  });
});
