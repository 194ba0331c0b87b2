/** Issue 5: entity rename/merge/province change, methodology bands, sign-in throttle — audited, role-checked. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/ledger/access";
import { entityKey } from "@/lib/domain/normalize";
import { createEntity, mergeEntities, updateEntity } from "@/lib/ledger/entities";
import { updateMethodology, methodologySnapshot } from "@/lib/ledger/methodology";
import { revertChange } from "@/lib/ledger/revert";
import { MAX_FAILURES, recordFailedSignIn, signInLockedUntil } from "@/lib/ledger/sign-in-throttle";
import { seedDatabase } from "@/lib/ledger/seed";
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

describe("methodology dimensions", () => {
  type Dim = { code: string; name: string; weight: string; verified?: boolean };
  const raw = (snap: NonNullable<Awaited<ReturnType<typeof methodologySnapshot>>>, dimensions: Dim[]) => ({
    name: snap.name,
    opinionName: snap.opinionName ?? "",
    bandsVerified: snap.bandsVerified,
    notes: snap.notes,
    sources: snap.sources,
    bands: snap.bands.map((b) => ({ min: String(b.min / 100), max: String(b.max / 100), zone: b.zone, category: b.category ?? "", label: b.label })),
    dimensions: dimensions.map((d) => ({ verified: false, ...d })),
  });

  it("renames, reweighs, adds and removes dimensions (weights adding up to 100 %), audited and revertible", async () => {
    const before = (await methodologySnapshot(tdb.prisma, 2023))!;
    expect(before.dimensions!.map((d) => d.code)).toEqual(["input", "proses", "output", "pengaduan"]);
    const outcome = await updateMethodology(admin, 2023, raw(before, [
      { code: "input", name: "Input", weight: "20" },
      { code: "proses", name: "Proses (standar pelayanan)", weight: "30,5" },
      { code: "output", name: "Output", weight: "24.5" },
      { code: "kepercayaan", name: "Kepercayaan masyarakat", weight: "25", verified: true },
    ]), tdb.prisma);
    expect(outcome.ok).toBe(true);
    const after = (await methodologySnapshot(tdb.prisma, 2023))!;
    expect(after.dimensions!.map((d) => [d.code, d.name, d.weight, d.verified])).toEqual([
      ["input", "Input", 2000, false],
      ["proses", "Proses (standar pelayanan)", 3050, false],
      ["output", "Output", 2450, false],
      ["kepercayaan", "Kepercayaan masyarakat", 2500, true],
    ]);
    const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetType: "METHODOLOGY", targetId: "2023", action: "UPDATE" }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit.before!).dimensions).toHaveLength(4);
    expect(JSON.parse(audit.after!).dimensions[3]).toMatchObject({ code: "kepercayaan", weight: 2500 });
    expect(await revertChange(editor, audit.id, tdb.prisma)).toMatchObject({ ok: false, status: 403 });
    expect((await revertChange(admin, audit.id, tdb.prisma)).ok).toBe(true);
    expect((await methodologySnapshot(tdb.prisma, 2023))!.dimensions).toEqual(before.dimensions);
  });

  it("refuses weights that do not add up, a bad weight, a repeated code, a dimension results still use, and an editor; nothing changes", async () => {
    const snap = (await methodologySnapshot(tdb.prisma, 2023))!;
    const dims = snap.dimensions!.map((d) => ({ code: d.code, name: d.name, weight: d.weight === null ? "" : String(d.weight / 100) }));
    const unchanged = await dbFingerprint(tdb.prisma);
    const auditCount = await tdb.prisma.auditLog.count();
    const dimensionsBefore = await tdb.prisma.methodologyDimension.findMany({ where: { year: 2023 }, orderBy: { id: "asc" } });

    const sum = await updateMethodology(admin, 2023, raw(snap, dims.map((d, i) => (i === 0 ? { ...d, weight: "21" } : d))), tdb.prisma);
    expect(sum.ok ? {} : sum.status === 422 && sum.fieldErrors).toMatchObject({ dimensions: "Jumlah bobot harus tepat 100 % bila semua dimensi berbobot (sekarang 99,15 %)." });
    const over = await updateMethodology(admin, 2023, raw(snap, [...dims, { code: "lain", name: "Lain", weight: "1" }]), tdb.prisma);
    expect(over.ok ? {} : over.status === 422 && over.fieldErrors).toMatchObject({ dimensions: "Jumlah bobot 101,00 % melebihi 100 %." });
    const bad = await updateMethodology(admin, 2023, raw(snap, dims.map((d, i) => (i === 1 ? { ...d, weight: "32,375" } : d))), tdb.prisma);
    expect(bad.ok ? {} : bad.status === 422 && Object.keys(bad.fieldErrors)).toContain("dimensions.1.weight");
    const twice = await updateMethodology(admin, 2023, raw(snap, dims.map((d, i) => (i === 1 ? { ...d, code: "input" } : d))), tdb.prisma);
    expect(twice.ok ? {} : twice.status === 422 && twice.fieldErrors).toMatchObject({ "dimensions.1.code": "Kode dimensi input dipakai dua kali." });
    expect(await updateMethodology(editor, 2023, raw(snap, dims), tdb.prisma)).toMatchObject({ status: 403 });
    expect(await dbFingerprint(tdb.prisma)).toBe(unchanged);

    // A result of 2023 has a score for "pengaduan": the dimension cannot go.
    const result = await tdb.prisma.result.findFirstOrThrow({ where: { year: 2023 } });
    await tdb.prisma.result.update({ where: { id: result.id }, data: { dimensionScores: JSON.stringify({ pengaduan: 8000 }) } });
    const inUse = await updateMethodology(admin, 2023, raw(snap, [
      { code: "input", name: "Input", weight: "" }, { code: "proses", name: "Proses", weight: "" }, { code: "output", name: "Output", weight: "" },
    ]), tdb.prisma);
    expect(inUse.ok ? {} : inUse.status === 422 && inUse.fieldErrors).toMatchObject({ dimensions: "Dimensi pengaduan dipakai oleh 1 hasil tahun 2023: tidak dapat dihapus." });
    await tdb.prisma.result.update({ where: { id: result.id }, data: { dimensionScores: result.dimensionScores } });
    expect(await tdb.prisma.methodologyDimension.findMany({ where: { year: 2023 }, orderBy: { id: "asc" } })).toEqual(dimensionsBefore);
    expect(await tdb.prisma.auditLog.count()).toBe(auditCount);
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
