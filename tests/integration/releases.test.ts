/**
 * Issue 17 (3): releases. An editor submits Kalimantan Selatan's 2025 drafts; an admin returns
 * them with a note or approves them (now, or at a time); the separate-approver setting refuses
 * the submitter's own approval; a scheduled release is carried out by the scheduler by itself,
 * exactly once with two schedulers racing on two connections; a release is withdrawn as one audit
 * row, and both the withdrawal and the publication are reverted as one action each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/ledger/access";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createResult, updateResult } from "@/lib/ledger/results";
import { approveRelease, candidateIds, createRelease, returnRelease, runDueReleases } from "@/lib/ledger/releases";
import { withdrawRelease } from "@/lib/ledger/release-withdraw";
import { revertChange } from "@/lib/ledger/revert";
import { seedDatabase } from "@/lib/ledger/seed";
import { actorForUser, createUserWithPassword } from "@/lib/ledger/users";
import { getPublicDataset } from "@/lib/record/dataset";
import { startReleaseScheduler } from "@/lib/server/release-scheduler";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const ROOT = join(__dirname, "..", "..");

const PASSWORD = "a long test password 42";
let tdb: TempDatabase;
let admin: Actor;
let admin2: Actor;
let editor: Actor;
let kalsel: number;
let drafts: number[] = [];

/** The public record's scores of a year, by entity slug. */
async function publicScores(year: number): Promise<Map<string, number | null>> {
  const dataset = await getPublicDataset(tdb.prisma);
  const rows = dataset.rowsByYear.get(year) ?? [];
  return new Map(rows.map((r) => [r.entity.slug, r.score]));
}

/** Two scheduler passes in two processes (two app instances) at the same moment. */
async function raceTwoSchedulers(now: Date): Promise<number[][]> {
  const at = Date.now() + 3000;
  const run = () =>
    new Promise<number[]>((resolve, reject) => {
      const child = spawn(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "tests", "helpers", "run-due-releases.ts"), String(at), String(now.getTime())], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: tdb.url },
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as number[]) : reject(new Error(err))));
    });
  return Promise.all([run(), run()]);
}

async function statusOf(ids: number[]): Promise<string[]> {
  const rows = await tdb.prisma.result.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { status: true } });
  return rows.map((r) => r.status);
}

beforeAll(async () => {
  tdb = createTempDatabase("releases");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  kalsel = (await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } })).id;
  const users = await Promise.all([
    createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma),
    createUserWithPassword({ email: "admin2@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma),
    createUserWithPassword({ email: "editor@example.org", role: "EDITOR", provinceIds: [kalsel], password: PASSWORD }, tdb.prisma),
  ]);
  const [a, a2, e] = await Promise.all(users.map((u) => (u.ok ? actorForUser(u.userId, "session", tdb.prisma) : null)));
  admin = a!;
  admin2 = a2!;
  editor = e!;
  // Drafts of 2025 for four Kalimantan Selatan entities without a 2025 result, as an office enters them.
  const entities = await tdb.prisma.entity.findMany({ where: { provinceId: kalsel, type: "PEMKAB", results: { none: { year: 2025 } } }, orderBy: { id: "asc" }, take: 4 });
  drafts = [];
  for (const [i, entity] of entities.entries()) {
    const created = await createResult(editor, { entityId: entity.id, year: 2025, score: `8${i},5${i}`, sourceUrl: "https://kalsel.ombudsman.example/2025" }, tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    drafts.push(created.value.id);
  }
});

afterAll(async () => {
  delete process.env.RAPOR_RELEASE_SEPARATE_APPROVER;
  await tdb?.dispose();
});

describe("submission and review", () => {
  it("offers an editor its province's drafts by year and province, and refuses results outside it", async () => {
    const offered = await candidateIds(editor, { year: 2025, provinceId: kalsel }, tdb.prisma);
    expect(offered).toEqual(expect.arrayContaining(drafts));
    const elsewhere = await tdb.prisma.result.findFirstOrThrow({ where: { status: "PUBLISHED", entity: { provinceId: { not: kalsel } } }, select: { id: true } });
    const refused = await createRelease(editor, { name: "Lain", resultIds: [elsewhere.id], mode: "submit" }, tdb.prisma);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.status).toBe(403);
    const publishing = await createRelease(editor, { name: "Kalsel", resultIds: drafts, mode: "now" }, tdb.prisma);
    expect(!publishing.ok && publishing.message).toMatch(/Hanya admin/);
    expect(await tdb.prisma.release.count()).toBe(0);
  });

  it("an editor's submission is returned with a note, then submitted again and approved by an admin: public", async () => {
    const submitted = await createRelease(editor, { name: "Kalimantan Selatan 2025", resultIds: drafts, mode: "submit" }, tdb.prisma);
    expect(submitted.ok).toBe(true);
    const id = submitted.ok ? submitted.value.id : 0;
    // A result in an open release is not offered to another.
    expect(await candidateIds(editor, { year: 2025, provinceId: kalsel }, tdb.prisma)).not.toEqual(expect.arrayContaining(drafts));
    const noNote = await returnRelease(admin, id, "  ", tdb.prisma);
    expect(!noNote.ok && noNote.status).toBe(422);
    const returned = await returnRelease(admin, id, "Periksa nilai Kabupaten Banjar.", tdb.prisma);
    expect(returned.ok).toBe(true);
    expect((await tdb.prisma.release.findUniqueOrThrow({ where: { id } })).note).toBe("Periksa nilai Kabupaten Banjar.");
    expect(await statusOf(drafts)).toEqual(drafts.map(() => "DRAFT"));

    const again = await createRelease(editor, { name: "Kalimantan Selatan 2025 (perbaikan)", resultIds: drafts, mode: "submit" }, tdb.prisma);
    const againId = again.ok ? again.value.id : 0;
    expect(await approveRelease(editor, againId, null, tdb.prisma)).toMatchObject({ ok: false, status: 403 });
    process.env.RAPOR_RELEASE_SEPARATE_APPROVER = "on";
    try {
      const own = await createRelease(admin, { name: "Sendiri", resultIds: [drafts[0]!], mode: "now" }, tdb.prisma);
      expect(!own.ok && own.message).toMatch(/admin lain/);
      const approved = await approveRelease(admin, againId, null, tdb.prisma);
      expect(approved).toMatchObject({ ok: true, value: { status: "PUBLISHED", count: drafts.length } });
    } finally {
      delete process.env.RAPOR_RELEASE_SEPARATE_APPROVER;
    }
    expect(await statusOf(drafts)).toEqual(drafts.map(() => "PUBLISHED"));
    const audit = await tdb.prisma.auditLog.findMany({ where: { targetType: "RELEASE", targetId: String(againId), action: "PUBLISH" } });
    expect(audit).toHaveLength(1);
    // One entry for the release: no row per result.
    expect(await tdb.prisma.auditLog.count({ where: { targetType: "RESULT", action: "PUBLISH", targetId: { in: drafts.map(String) } } })).toBe(0);
  });

  it("the separate-approver setting refuses the submitter's own approval and accepts another admin's", async () => {
    const extra = await tdb.prisma.entity.findFirstOrThrow({ where: { provinceId: kalsel, type: "PEMKAB", results: { none: { year: 2025 } } } });
    const draft = await createResult(admin, { entityId: extra.id, year: 2025, score: "70,00", sourceUrl: "https://kalsel.ombudsman.example/2025" }, tdb.prisma);
    if (!draft.ok) throw new Error(draft.message);
    const submitted = await createRelease(admin, { name: "Satu", resultIds: [draft.value.id], mode: "submit" }, tdb.prisma);
    const id = submitted.ok ? submitted.value.id : 0;
    process.env.RAPOR_RELEASE_SEPARATE_APPROVER = "on";
    try {
      expect(await approveRelease(admin, id, null, tdb.prisma)).toMatchObject({ ok: false, status: 403 });
      expect(await approveRelease(admin2, id, null, tdb.prisma)).toMatchObject({ ok: true });
    } finally {
      delete process.env.RAPOR_RELEASE_SEPARATE_APPROVER;
    }
  });
});

describe("a scheduled release", () => {
  it("refuses a time in the past; goes public exactly once with two schedulers racing on two connections", async () => {
    const entity = await tdb.prisma.entity.findFirstOrThrow({ where: { provinceId: kalsel, type: "PEMKAB", results: { none: { year: 2025 } } } });
    const draft = await createResult(editor, { entityId: entity.id, year: 2025, score: "77,70", sourceUrl: "https://kalsel.ombudsman.example/2025" }, tdb.prisma);
    if (!draft.ok) throw new Error(draft.message);
    const now = new Date();
    const past = await createRelease(admin, { name: "Lewat", resultIds: [draft.value.id], mode: "schedule", at: new Date(now.getTime() - 60_000) }, tdb.prisma);
    expect(!past.ok && past.message).toMatch(/sudah lewat/);
    const at = new Date(now.getTime() + 1500);
    const scheduled = await createRelease(admin, { name: "Upacara", resultIds: [draft.value.id], mode: "schedule", at }, tdb.prisma, now);
    expect(scheduled).toMatchObject({ ok: true, value: { status: "SCHEDULED" } });
    const id = scheduled.ok ? scheduled.value.id : 0;
    // Not due yet: nothing happens.
    expect(await runDueReleases(tdb.prisma, now)).toEqual([]);
    expect((await publicScores(2025)).has(entity.slug)).toBe(false);

    const passes = await raceTwoSchedulers(new Date(at.getTime() + 10));
    expect(passes).toHaveLength(2);
    expect(passes.flat()).toEqual([id]);
    expect(await tdb.prisma.auditLog.count({ where: { targetType: "RELEASE", targetId: String(id), action: "PUBLISH" } })).toBe(1);
    expect((await publicScores(2025)).get(entity.slug)).toBe(7770);
  });

  it("is carried out by the server's timer by itself", async () => {
    const entity = await tdb.prisma.entity.findFirstOrThrow({ where: { provinceId: kalsel, type: "PEMKAB", results: { none: { year: 2025 } } } });
    const draft = await createResult(editor, { entityId: entity.id, year: 2025, score: "66,60", sourceUrl: "https://kalsel.ombudsman.example/2025" }, tdb.prisma);
    if (!draft.ok) throw new Error(draft.message);
    const scheduled = await createRelease(admin, { name: "Timer", resultIds: [draft.value.id], mode: "schedule", at: new Date(Date.now() + 800) }, tdb.prisma);
    const id = scheduled.ok ? scheduled.value.id : 0;
    const logs: string[] = [];
    const scheduler = startReleaseScheduler({ intervalMs: 200, runDue: () => runDueReleases(tdb.prisma), log: (m) => logs.push(m) });
    try {
      await expect.poll(async () => (await tdb.prisma.release.findUniqueOrThrow({ where: { id } })).status, { timeout: 10_000, interval: 100 }).toBe("PUBLISHED");
    } finally {
      scheduler.stop();
    }
    expect(logs.join("\n")).toContain(`#${id}`);
    expect((await publicScores(2025)).get(entity.slug)).toBe(6660);
  });
});

describe("withdrawal", () => {
  it("withdraws a release with a published result's revision as one entry; both directions revert as one action", async () => {
    // A published result with a pending revision, and a draft, in one release.
    const published = await tdb.prisma.result.findFirstOrThrow({ where: { status: "PUBLISHED", year: 2024, score: { not: null }, entity: { provinceId: kalsel } }, include: { entity: true } });
    const edited = await updateResult(admin, published.id, { entityId: published.entityId, year: 2024, score: "12,34", sourceUrl: "https://kalsel.ombudsman.example/2024" }, published.version, tdb.prisma);
    expect(edited.ok).toBe(true);
    const entity = await tdb.prisma.entity.findFirstOrThrow({ where: { provinceId: kalsel, results: { none: { year: 2025 } } } });
    const draft = await createResult(admin, { entityId: entity.id, year: 2025, score: "55,50", sourceUrl: "https://kalsel.ombudsman.example/2025" }, tdb.prisma);
    if (!draft.ok) throw new Error(draft.message);
    const released = await createRelease(admin, { name: "Campuran", resultIds: [published.id, draft.value.id], mode: "now" }, tdb.prisma);
    const id = released.ok ? released.value.id : 0;
    expect((await publicScores(2024)).get(published.entity.slug)).toBe(1234);
    expect((await publicScores(2025)).get(entity.slug)).toBe(5550);

    const auditBefore = await tdb.prisma.auditLog.count();
    const withdrawn = await withdrawRelease(admin, id, tdb.prisma);
    expect(withdrawn).toMatchObject({ ok: true, value: { count: 2 } });
    expect(await tdb.prisma.auditLog.count()).toBe(auditBefore + 1);
    expect((await publicScores(2024)).get(published.entity.slug)).toBe(published.score);
    expect((await publicScores(2025)).has(entity.slug)).toBe(false);
    const revision = await tdb.prisma.resultRevision.findUniqueOrThrow({ where: { resultId: published.id } });
    expect(revision.score).toBe(1234);

    // Reverting the withdrawal publishes the release again, as one entry.
    const withdrawal = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetType: "RELEASE", targetId: String(id), action: "UNPUBLISH" } });
    const republished = await revertChange(admin, withdrawal.id, tdb.prisma);
    expect(republished.ok).toBe(true);
    expect((await publicScores(2024)).get(published.entity.slug)).toBe(1234);
    expect((await publicScores(2025)).get(entity.slug)).toBe(5550);
    // The older row is undone by the newer one: it cannot be reverted again.
    expect(await revertChange(admin, withdrawal.id, tdb.prisma)).toMatchObject({ ok: false, status: 409 });

    // Reverting that (a publication) withdraws it again.
    const again = await revertChange(admin, republished.ok ? republished.value.auditId : 0, tdb.prisma);
    expect(again.ok).toBe(true);
    expect((await publicScores(2025)).has(entity.slug)).toBe(false);
    expect((await tdb.prisma.release.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
  });

  it("refuses to withdraw when a released result changed since, and changes nothing", async () => {
    const entity = await tdb.prisma.entity.findFirstOrThrow({ where: { provinceId: kalsel, results: { none: { year: 2025 } } } });
    const draft = await createResult(admin, { entityId: entity.id, year: 2025, score: "44,40", sourceUrl: "https://kalsel.ombudsman.example/2025" }, tdb.prisma);
    if (!draft.ok) throw new Error(draft.message);
    const released = await createRelease(admin, { name: "Berubah", resultIds: [draft.value.id], mode: "now" }, tdb.prisma);
    const id = released.ok ? released.value.id : 0;
    const row = await tdb.prisma.result.findUniqueOrThrow({ where: { id: draft.value.id } });
    expect((await updateResult(admin, row.id, { entityId: row.entityId, year: 2025, score: "45,00", sourceUrl: "https://kalsel.ombudsman.example/2025" }, row.version, tdb.prisma)).ok).toBe(true);
    const refused = await withdrawRelease(admin, id, tdb.prisma);
    expect(!refused.ok && refused.message).toContain(entity.name);
    expect((await tdb.prisma.release.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
    expect((await publicScores(2025)).get(entity.slug)).toBe(4440);
  });
});
