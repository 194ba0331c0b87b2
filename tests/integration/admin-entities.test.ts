/** Issue 5: entity rename/merge/province change, methodology bands, sign-in throttle — audited, role-checked. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { entityKey } from "@/lib/domain/normalize";
import { createEntity, mergeEntities, updateEntity } from "@/lib/data/entity-writes";
import { updateMethodology, methodologySnapshot } from "@/lib/data/methodology-writes";
import { revertChange } from "@/lib/data/revert";
import { MAX_FAILURES, recordFailedSignIn, signInLockedUntil } from "@/lib/data/sign-in-throttle";
import { seedDatabase } from "@/lib/data/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { dbFingerprint } from "../helpers/admin";

let tdb: TempDatabase;
const admin: Actor = { userId: "u-admin", email: "admin@example.org", role: "ADMIN", provinceIds: [], via: "session" };
let editor: Actor;

beforeAll(async () => {
  tdb = createTempDatabase("admin-entities");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  editor = { userId: "u-editor", email: "editor@example.org", role: "EDITOR", provinceIds: [kalsel.id], via: "session" };
});
afterAll(async () => {
  await tdb?.dispose();
});

describe("entities", () => {
  it("a rename keeps the old name as an alias, is audited, and can be reverted", async () => {
    const e = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "polres-balangan" } });
    const outcome = await updateEntity(admin, e.id, { type: e.type, name: "Polres Balangan Baru", provinceId: e.provinceId, regencyId: e.regencyId }, tdb.prisma);
    expect(outcome.ok).toBe(true);
    const alias = await tdb.prisma.entityAlias.findFirst({ where: { entityId: e.id, alias: e.name } });
    expect(alias?.key).toBe(entityKey("POLRES", e.name));
    const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetType: "ENTITY", targetId: String(e.id), action: "UPDATE" } });
    expect(JSON.parse(audit.before!).name).toBe(e.name);
    expect((await revertChange(admin, audit.id, tdb.prisma)).ok).toBe(true);
    expect((await tdb.prisma.entity.findUniqueOrThrow({ where: { id: e.id } })).name).toBe(e.name);
  });

  it("an editor cannot edit or create outside its provinces, and nothing changes", async () => {
    const outside = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "pemkot-kediri" } });
    const before = await dbFingerprint(tdb.prisma);
    const edit = await updateEntity(editor, outside.id, { type: outside.type, name: "X", provinceId: outside.provinceId, regencyId: null }, tdb.prisma);
    expect(edit.ok ? 200 : edit.status).toBe(403);
    const create = await createEntity(editor, { type: "POLRES", name: "Polres Baru", provinceId: outside.provinceId, regencyId: null }, tdb.prisma);
    expect(create.ok ? 200 : create.status).toBe(403);
    expect((await mergeEntities(editor, outside.id, outside.id + 1, tdb.prisma)).ok).toBe(false);
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });

  it("a merge moves the results to the kept entity, keeps the name as an alias, and audits it", async () => {
    const kept = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "polres-balangan" } });
    const dup = await createEntity(admin, { type: "POLRES", name: "Polres Balangan (duplikat)", provinceId: kept.provinceId, regencyId: null }, tdb.prisma);
    if (!dup.ok) throw new Error(dup.message);
    await tdb.prisma.result.create({ data: { entityId: dup.value.id, year: 2019, score: 8000, createdBy: "t", updatedBy: "t" } });
    const merged = await mergeEntities(admin, dup.value.id, kept.id, tdb.prisma);
    expect(merged.ok && merged.value.moved).toBe(1);
    expect(await tdb.prisma.entity.findUnique({ where: { id: dup.value.id } })).toBeNull();
    expect(await tdb.prisma.result.count({ where: { entityId: kept.id, year: 2019 } })).toBe(1);
    expect(await tdb.prisma.entityAlias.count({ where: { entityId: kept.id, alias: "Polres Balangan (duplikat)" } })).toBe(1);
    expect(await tdb.prisma.auditLog.count({ where: { action: "MERGE", targetId: String(kept.id) } })).toBe(1);
  });
});

describe("methodology", () => {
  it("refuses bands with a gap (422) and accepts bands covering 0–100, recomputing the year's results", async () => {
    const snap = (await methodologySnapshot(tdb.prisma, 2024))!;
    const raw = (bands: { min: string; max: string; zone: string; category: string; label: string }[]) => ({
      name: snap.name, opinionName: snap.opinionName ?? "", bandsVerified: true, notes: snap.notes, sources: snap.sources, bands,
    });
    const gap = await updateMethodology(admin, 2024, raw([
      { min: "0", max: "49.99", zone: "MERAH", category: "E", label: "Rendah" },
      { min: "51", max: "100", zone: "HIJAU", category: "A", label: "Tinggi" },
    ]), tdb.prisma);
    expect(gap.ok ? 200 : gap.status).toBe(422);
    expect(JSON.stringify(gap)).toContain("celah");
    expect(await updateMethodology(editor, 2024, raw([]), tdb.prisma)).toMatchObject({ status: 403 });
    const ok = await updateMethodology(admin, 2024, raw([
      { min: "0", max: "95.49", zone: "KUNING", category: "C", label: "Sedang" },
      { min: "95.5", max: "100", zone: "HIJAU", category: "A", label: "Tertinggi" },
    ]), tdb.prisma);
    expect(ok.ok).toBe(true);
    const banjarmasin = await tdb.prisma.result.findFirstOrThrow({ where: { entity: { slug: "pemkot-banjarmasin" }, year: 2024 } });
    expect(banjarmasin.computedCategory).toBe("C"); // 95,45 now falls below 95,50
  });
});

describe("sign-in throttle", () => {
  it("locks an email after repeated failures, and only that email", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailedSignIn("x@example.org", now, tdb.prisma);
    expect(await signInLockedUntil("x@example.org", now, tdb.prisma)).toBeNull();
    await recordFailedSignIn("X@example.org", now, tdb.prisma);
    const until = await signInLockedUntil("x@example.org", now, tdb.prisma);
    expect(until!.getTime()).toBeGreaterThan(now.getTime());
    expect(await signInLockedUntil("y@example.org", now, tdb.prisma)).toBeNull();
    expect(await signInLockedUntil("x@example.org", new Date(until!.getTime() + 1), tdb.prisma)).toBeNull();
  });
});
