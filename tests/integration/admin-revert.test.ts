/**
 * Issue 5: the changes that could not be undone automatically before — an entity merge, an
 * entity creation, user changes and API tokens — are reverted from the audit trail, each revert
 * audited as REVERT (and revertible in turn). ADMIN only: without a session or as an editor the
 * revert is refused and nothing changes; a revert made impossible by later changes is refused
 * with a message, and nothing changes either.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/ledger/access";
import { actorForUser, adminCreateUser, createUserWithPassword, updateUserAccess } from "@/lib/ledger/users";
import { actorFromApiToken, createApiToken, revokeApiToken } from "@/lib/ledger/tokens";
import { createEntity, mergeEntities } from "@/lib/ledger/entities";
import { updateResult } from "@/lib/ledger/results";
import { isRevertible, revertChange } from "@/lib/ledger/revert";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { dbFingerprint } from "../helpers/admin";

const PASSWORD = "a long test password 42";
let tdb: TempDatabase;
let admin: Actor;
let editor: Actor;
let kalselId: number;

beforeAll(async () => {
  tdb = createTempDatabase("admin-revert");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  kalselId = (await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } })).id;
  const a = await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma);
  const e = await createUserWithPassword({ email: "editor@example.org", role: "EDITOR", provinceIds: [kalselId], password: PASSWORD }, tdb.prisma);
  if (!a.ok || !e.ok) throw new Error("could not create users");
  admin = (await actorForUser(a.userId, "session", tdb.prisma))!;
  editor = (await actorForUser(e.userId, "session", tdb.prisma))!;
});
afterAll(async () => {
  await tdb?.dispose();
});

async function lastAudit(where: Record<string, unknown>) {
  return tdb.prisma.auditLog.findFirstOrThrow({ where, orderBy: { id: "desc" } });
}

/** A revert without a session (401) or by an editor (403) is refused and changes nothing. */
async function expectRefusedToNonAdmins(auditId: number) {
  const before = await dbFingerprint(tdb.prisma);
  expect(await revertChange(null, auditId, tdb.prisma)).toMatchObject({ ok: false, status: 401 });
  expect(await revertChange(editor, auditId, tdb.prisma)).toMatchObject({ ok: false, status: 403 });
  expect(await dbFingerprint(tdb.prisma)).toBe(before);
}

async function expectReverted(auditId: number): Promise<number> {
  const outcome = await revertChange(admin, auditId, tdb.prisma);
  if (!outcome.ok) throw new Error(`revert of #${auditId} refused: ${outcome.message}`);
  const row = await tdb.prisma.auditLog.findUniqueOrThrow({ where: { id: outcome.value.auditId } });
  expect(row).toMatchObject({ action: "REVERT", revertOfId: auditId, actorEmail: admin.email });
  return row.id;
}

async function newEntity(name: string) {
  const created = await createEntity(admin, { type: "POLRES", name, provinceId: kalselId, regencyId: null }, tdb.prisma);
  if (!created.ok) throw new Error(created.message);
  return tdb.prisma.entity.findUniqueOrThrow({ where: { id: created.value.id } });
}

/** A kept entity and its duplicate with an alias and two results, ready to merge. */
async function duplicateWithResults(name: string) {
  const kept = await newEntity(`${name} (tetap)`);
  const dup = await newEntity(name);
  await tdb.prisma.entityAlias.create({ data: { entityId: dup.id, alias: `${name} lama`, key: `${name} lama`.toLowerCase() } });
  const r2019 = await tdb.prisma.result.create({ data: { entityId: dup.id, year: 2019, score: 8000, createdBy: "t", updatedBy: "t" } });
  const r2021 = await tdb.prisma.result.create({ data: { entityId: dup.id, year: 2021, score: 7000, status: "PUBLISHED", createdBy: "t", updatedBy: "t" } });
  return { kept, dup, resultIds: [r2019.id, r2021.id] };
}

describe("reverting an entity merge", () => {
  it("restores the source entity (same id, address, aliases) with its results, takes back the aliases the merge added, and can be redone", async () => {
    const { kept, dup, resultIds } = await duplicateWithResults("Polres Balangan Duplikat");
    const keptAliasesBefore = (await tdb.prisma.entityAlias.findMany({ where: { entityId: kept.id } })).map((a) => a.alias).sort();
    expect((await mergeEntities(admin, dup.id, kept.id, tdb.prisma)).ok).toBe(true);
    const merge = await lastAudit({ action: "MERGE", targetType: "ENTITY" });
    expect(isRevertible(merge)).toBe(true);
    await expectRefusedToNonAdmins(merge.id);

    const revertId = await expectReverted(merge.id);
    const restored = await tdb.prisma.entity.findUniqueOrThrow({ where: { id: dup.id }, include: { aliases: true } });
    expect(restored).toMatchObject({ slug: dup.slug, name: "Polres Balangan Duplikat", type: "POLRES", provinceId: kept.provinceId });
    expect(restored.aliases.map((a) => a.alias).sort()).toEqual(["Polres Balangan Duplikat", "Polres Balangan Duplikat lama"]);
    expect(keptAliasesBefore).toEqual(["Polres Balangan Duplikat (tetap)"]);
    const results = await tdb.prisma.result.findMany({ where: { id: { in: resultIds } } });
    expect(results.every((r) => r.entityId === dup.id)).toBe(true);
    expect(results.find((r) => r.year === 2021)!.status).toBe("PUBLISHED");
    expect((await tdb.prisma.entityAlias.findMany({ where: { entityId: kept.id } })).map((a) => a.alias).sort()).toEqual(keptAliasesBefore);
    // Each moved result has its own REVERT row, so the per-result trail stays complete.
    expect(await tdb.prisma.auditLog.count({ where: { revertOfId: merge.id, targetType: "RESULT", action: "REVERT" } })).toBe(2);

    // The undo is itself undoable: the merge is made again.
    await expectRefusedToNonAdmins(revertId);
    await expectReverted(revertId);
    expect(await tdb.prisma.entity.findUnique({ where: { id: dup.id } })).toBeNull();
    expect(await tdb.prisma.result.count({ where: { id: { in: resultIds }, entityId: kept.id } })).toBe(2);
  });

  it("refuses when a moved result has since changed entity, or the source's address is taken again; nothing changes", async () => {
    const { kept, dup, resultIds } = await duplicateWithResults("Polres Balangan Kembar");
    expect((await mergeEntities(admin, dup.id, kept.id, tdb.prisma)).ok).toBe(true);
    const merge = await lastAudit({ action: "MERGE", targetType: "ENTITY" });

    // A new entity with the same name takes the source's address after the merge.
    const again = await createEntity(admin, { type: "POLRES", name: "Polres Balangan Kembar", provinceId: kalselId, regencyId: null }, tdb.prisma);
    if (!again.ok) throw new Error(again.message);
    expect(again.value.slug).toBe(dup.slug);
    let before = await dbFingerprint(tdb.prisma);
    const taken = await revertChange(admin, merge.id, tdb.prisma);
    expect(taken).toMatchObject({ ok: false, status: 409 });
    expect(taken.ok ? "" : taken.message).toContain("sudah memakai nomor atau alamat");
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
    const createdAgain = await lastAudit({ action: "CREATE", targetType: "ENTITY", targetId: String(again.value.id) });
    await expectReverted(createdAgain.id);

    // A moved result was given to another entity since: it cannot be taken back silently.
    const other = await newEntity("Polres Lain");
    const r2019 = await tdb.prisma.result.findUniqueOrThrow({ where: { id: resultIds[0] } });
    const moved = await updateResult(admin, r2019.id, { entityId: other.id }, r2019.version, tdb.prisma);
    if (!moved.ok) throw new Error(moved.message);
    before = await dbFingerprint(tdb.prisma);
    const changed = await revertChange(admin, merge.id, tdb.prisma);
    expect(changed).toMatchObject({ ok: false, status: 409 });
    expect(changed.ok ? "" : changed.message).toContain(`Hasil #${r2019.id} tidak lagi milik`);
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
    expect(await tdb.prisma.entity.findUnique({ where: { id: dup.id } })).toBeNull();
  });

  it("a moved result's own row cannot bring it back to the removed entity: the merge is undone as a whole", async () => {
    const { kept, dup, resultIds } = await duplicateWithResults("Polres Balangan Ganda");
    expect((await mergeEntities(admin, dup.id, kept.id, tdb.prisma)).ok).toBe(true);
    const resultRow = await lastAudit({ targetType: "RESULT", targetId: String(resultIds[1]), action: "UPDATE" });
    expect(JSON.parse(resultRow.before!)).toMatchObject({ entityId: dup.id, year: 2021, score: 7000 });
    const before = await dbFingerprint(tdb.prisma);
    expect(await revertChange(admin, resultRow.id, tdb.prisma)).toMatchObject({ ok: false, status: 409 });
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });
});

describe("reverting an entity creation", () => {
  it("removes an entity nothing refers to, and the revert of that brings it back", async () => {
    const created = await createEntity(admin, { type: "LEMBAGA", name: "Badan Contoh Revert", provinceId: null, regencyId: null }, tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    const row = await lastAudit({ action: "CREATE", targetType: "ENTITY", targetId: String(created.value.id) });
    await expectRefusedToNonAdmins(row.id);
    const revertId = await expectReverted(row.id);
    expect(await tdb.prisma.entity.findUnique({ where: { id: created.value.id } })).toBeNull();
    await expectReverted(revertId);
    const back = await tdb.prisma.entity.findUniqueOrThrow({ where: { id: created.value.id }, include: { aliases: true } });
    expect(back).toMatchObject({ slug: created.value.slug, name: "Badan Contoh Revert", type: "LEMBAGA", provinceId: null });
    expect(back.aliases.map((a) => a.alias)).toEqual(["Badan Contoh Revert"]);
  });

  it("refuses while a result (even a deleted one) refers to it; nothing changes", async () => {
    const created = await createEntity(admin, { type: "LEMBAGA", name: "Badan Contoh Terpakai", provinceId: null, regencyId: null }, tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    await tdb.prisma.result.create({ data: { entityId: created.value.id, year: 2023, score: 9000, deletedAt: new Date(), createdBy: "t", updatedBy: "t" } });
    const row = await lastAudit({ action: "CREATE", targetType: "ENTITY", targetId: String(created.value.id) });
    const before = await dbFingerprint(tdb.prisma);
    const outcome = await revertChange(admin, row.id, tdb.prisma);
    expect(outcome).toMatchObject({ ok: false, status: 409 });
    expect(outcome.ok ? "" : outcome.message).toContain("sudah punya 1 hasil");
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });
});

describe("reverting user changes", () => {
  it("an edit of role, scope and active flag is undone to the prior values (and redone)", async () => {
    const created = await adminCreateUser(admin, { email: "scope@example.org", role: "EDITOR", provinceIds: [kalselId], password: PASSWORD }, tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    const userId = created.value.userId;
    const jatim = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "35" } });
    expect((await updateUserAccess(admin, userId, { role: "ADMIN", provinceIds: [jatim.id], active: false }, tdb.prisma)).ok).toBe(true);
    const row = await lastAudit({ action: "UPDATE", targetType: "USER", targetId: userId });
    await expectRefusedToNonAdmins(row.id);
    const revertId = await expectReverted(row.id);
    const user = await tdb.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { scopes: true } });
    expect({ role: user.role, active: user.active, scopes: user.scopes.map((s) => s.provinceId) }).toEqual({ role: "EDITOR", active: true, scopes: [kalselId] });
    await expectReverted(revertId);
    const redone = await tdb.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { scopes: true } });
    expect({ role: redone.role, active: redone.active, scopes: redone.scopes.map((s) => s.provinceId) }).toEqual({ role: "ADMIN", active: false, scopes: [jatim.id] });
  });

  it("a creation is undone by deactivating the account (its history keeps naming it), and reactivated by the next revert", async () => {
    const created = await adminCreateUser(admin, { email: "new-editor@example.org", role: "EDITOR", provinceIds: [kalselId], password: PASSWORD }, tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    const row = await lastAudit({ action: "CREATE", targetType: "USER", targetId: created.value.userId });
    await expectRefusedToNonAdmins(row.id);
    const revertId = await expectReverted(row.id);
    expect((await tdb.prisma.user.findUniqueOrThrow({ where: { id: created.value.userId } })).active).toBe(false);
    expect(await actorForUser(created.value.userId, "session", tdb.prisma)).toBeNull();
    expect(await revertChange(admin, row.id, tdb.prisma)).toMatchObject({ ok: false, status: 409 });
    await expectReverted(revertId);
    expect(await actorForUser(created.value.userId, "session", tdb.prisma)).toMatchObject({ role: "EDITOR", provinceIds: [kalselId] });
  });

  it("an admin cannot revert away its own admin rights", async () => {
    const created = await adminCreateUser(admin, { email: "promoted@example.org", role: "EDITOR", provinceIds: [kalselId], password: PASSWORD }, tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    expect((await updateUserAccess(admin, created.value.userId, { role: "ADMIN", provinceIds: [], active: true }, tdb.prisma)).ok).toBe(true);
    const promoted = (await actorForUser(created.value.userId, "session", tdb.prisma))!;
    const row = await lastAudit({ action: "UPDATE", targetType: "USER", targetId: promoted.userId });
    const before = await dbFingerprint(tdb.prisma);
    expect(await revertChange(promoted, row.id, tdb.prisma)).toMatchObject({ ok: false, status: 403 });
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });
});

describe("reverting API token changes", () => {
  it("a creation is undone by revoking the token; a revocation by making it valid again", async () => {
    const created = await createApiToken(admin, editor.userId, "otomasi", tdb.prisma);
    if (!created.ok) throw new Error(created.message);
    const row = await lastAudit({ action: "CREATE", targetType: "API_TOKEN", targetId: String(created.value.id) });
    expect(row.after).not.toContain(created.value.token);
    await expectRefusedToNonAdmins(row.id);
    await expectReverted(row.id);
    expect(await actorFromApiToken(created.value.token, tdb.prisma)).toBeNull();

    const second = await createApiToken(admin, editor.userId, "otomasi 2", tdb.prisma);
    if (!second.ok) throw new Error(second.message);
    expect((await revokeApiToken(admin, second.value.id, tdb.prisma)).ok).toBe(true);
    expect(await actorFromApiToken(second.value.token, tdb.prisma)).toBeNull();
    const revoke = await lastAudit({ action: "DELETE", targetType: "API_TOKEN", targetId: String(second.value.id) });
    await expectRefusedToNonAdmins(revoke.id);
    const revertId = await expectReverted(revoke.id);
    expect(await actorFromApiToken(second.value.token, tdb.prisma)).toMatchObject({ email: editor.email });
    await expectReverted(revertId);
    expect(await actorFromApiToken(second.value.token, tdb.prisma)).toBeNull();
  });
});
