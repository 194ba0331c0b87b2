/**
 * Undo one audited change by restoring the values it replaced. The revert is itself audited
 * (action REVERT, revertOfId = the undone row), so it can be reverted in turn.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canWriteInProvince, isAdmin, type Actor } from "@/lib/ledger/access";
import { recordAudit, recordResultChange, type ResultSnapshot } from "./audit";
import { storedClassificationFor } from "./classification";
import { db } from "@/lib/db/client";
import { writeUserAccess } from "./users";
import type { UserAccess } from "./schemas/user";
import { tokenSnapshot } from "./tokens";
import { addAlias, checkMerge, entitySnapshot, mergeInTransaction, type MergeBefore } from "./entities";
import { revertImport } from "./import/revert-import";
import { revertReleaseChange } from "./release-withdraw";
import { methodologySnapshot, removedDimensionsInUse, writeMethodology, type MethodologySnapshot } from "./methodology";
import {
  applyPublicState,
  isUnderReview,
  loadResultForWrite,
  proposeState,
  publicState,
  resultHolding,
  stateFromSnapshot,
  workingState,
  writeWorkingState,
} from "./revisions";
import { forbidden, notFound, unauthenticated, type WriteFailure, type WriteOutcome } from "./outcome";

const REVERTIBLE_RESULT_ACTIONS = new Set(["CREATE", "UPDATE", "DELETE", "RESTORE", "PUBLISH", "UNPUBLISH", "REVERT", "DISCARD"]);
/** Rows that changed what the public sees by an admin's decision: undone by an admin only. */
const PUBLICATION_ACTIONS = new Set(["PUBLISH", "UNPUBLISH"]);
const REVERTIBLE: Record<string, ReadonlySet<string>> = {
  RESULT: REVERTIBLE_RESULT_ACTIONS,
  // CREATE: removed again if nothing refers to it; MERGE: the source entity comes back with its results.
  ENTITY: new Set(["CREATE", "UPDATE", "MERGE", "REVERT"]),
  METHODOLOGY: new Set(["UPDATE", "REVERT"]),
  // A created user is deactivated (never deleted: its audit rows name it).
  USER: new Set(["CREATE", "UPDATE", "REVERT"]),
  // CREATE: the token is revoked; DELETE (a revocation): the token works again.
  API_TOKEN: new Set(["CREATE", "DELETE", "REVERT"]),
  IMPORT: new Set(["IMPORT"]),
  // A release's publication (withdrawn) and its withdrawal (published again), each as one action.
  RELEASE: new Set(["PUBLISH", "UNPUBLISH", "REVERT"]),
};

/** Can this audit row be reverted at all (whoever asks)? */
export function isRevertible(row: { targetType: string; action: string }): boolean {
  return REVERTIBLE[row.targetType]?.has(row.action) ?? false;
}

const conflict = (message: string): WriteFailure => ({ ok: false, status: 409, error: "conflict", message });

const date = (v: unknown) => (typeof v === "string" ? new Date(v) : null);

export async function revertChange(actor: Actor | null, auditId: number, prisma: PrismaClient = db()): Promise<WriteOutcome<{ auditId: number }>> {
  if (!actor) return unauthenticated();
  const row = await prisma.auditLog.findUnique({ where: { id: auditId } });
  if (!row) return notFound("Perubahan tidak ditemukan.");
  if (!isRevertible(row)) return conflict("Perubahan ini tidak dapat dibatalkan otomatis.");
  if (row.targetType === "RESULT") return revertResultChange(actor, row, prisma);
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat membatalkan perubahan ini.");
  if (row.targetType === "IMPORT") {
    const undone = await revertImport(actor, row.id, prisma);
    if (undone.ok) return { ok: true, value: { auditId: undone.auditId } };
    if (undone.status === 404) return notFound(undone.message);
    if (undone.status === 403) return forbidden(undone.message);
    return { ok: false, status: 409, error: "conflict", message: undone.message };
  }
  if (row.targetType === "RELEASE") return revertReleaseChange(actor, row, prisma);
  if (row.targetType === "ENTITY") return revertEntityChange(actor, row, prisma);
  if (row.targetType === "USER") return revertUserChange(actor, row, prisma);
  if (row.targetType === "API_TOKEN") return revertTokenChange(actor, row, prisma);
  return revertMethodologyChange(actor, row, prisma);
}

type AuditRow = NonNullable<Awaited<ReturnType<PrismaClient["auditLog"]["findUnique"]>>>;

/**
 * Undo a change to a result. What it restores is the working state the row replaced: for a
 * result under review (published, or with a change waiting) that is a new pending revision —
 * the public sees it only once an admin publishes it — or no revision at all when the state
 * restored is the published one. Publication decisions (PUBLISH, UNPUBLISH) and rows that would
 * change a result's status are undone by an admin only, directly; undoing the publication of a
 * revision puts the published values back and the revision back in review.
 */
async function revertResultChange(actor: Actor, row: AuditRow, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const id = Number(row.targetId);
  const current = await loadResultForWrite(prisma, id);
  if (!current) return notFound("Hasil tidak ditemukan.");
  if (!canWriteInProvince(actor, current.entity.provinceId)) return forbidden("Hasil ini di luar provinsi yang boleh Anda ubah.");
  const before = row.before ? (JSON.parse(row.before) as ResultSnapshot & Record<string, unknown>) : null;
  // Merges before full snapshots recorded only the entity: such a row is undone with its merge.
  if (before && !("status" in before)) return conflict("Perubahan ini bagian dari penggabungan instansi: batalkan penggabungannya di riwayat.");
  if (before && !(await prisma.entity.findUnique({ where: { id: Number(before.entityId) }, select: { id: true } }))) {
    return conflict("Instansi asal hasil ini sudah tidak ada (digabungkan atau dihapus): batalkan penggabungannya lebih dulu.");
  }
  if (before && !isAdmin(actor)) {
    const target = await prisma.entity.findUnique({ where: { id: Number(before.entityId) }, select: { provinceId: true } });
    if (!target || !canWriteInProvince(actor, target.provinceId)) return forbidden("Hasil ini di luar provinsi yang boleh Anda ubah.");
  }
  const publication = PUBLICATION_ACTIONS.has(row.action);
  const statusChanges = before !== null && before.status !== current.status;
  // Publication is an admin's decision, also when it is undone.
  if (!isAdmin(actor) && (publication || statusChanges)) return forbidden("Hanya admin yang dapat mengubah status terbit.");
  if (before) {
    const clash = await resultHolding(prisma, Number(before.entityId), Number(before.year), id);
    if (clash) return { ok: false, status: 409, error: "duplicate", message: `Instansi itu sudah punya hasil tahun ${String(before.year)} (#${clash}).` };
  }

  if (!publication && !statusChanges && isUnderReview(current)) {
    const working = workingState(current);
    const restored = before ? stateFromSnapshot(working, before) : { ...working, deleted: true };
    return prisma.$transaction(async (tx) => {
      const written = await proposeState(tx, actor, current, restored, current.version, { action: "REVERT", revertOfId: row.id });
      if (!written.ok) return conflict("Hasil ini baru saja diubah orang lain: muat ulang riwayat dan coba lagi.");
      return { ok: true as const, value: { auditId: written.auditId } };
    });
  }

  const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null;
  // The publication of a revision (its rows record the sources): the published values come back
  // and the revision goes back to review, unless another change waits by now.
  const revisionPublished = row.action === "PUBLISH" && before !== null && after !== null && Array.isArray(after.sources);
  if (revisionPublished && current.revision) {
    return conflict("Hasil ini punya perubahan lain yang menunggu tinjauan: terbitkan atau buang dulu, lalu batalkan penerbitan ini.");
  }
  return prisma.$transaction(async (tx) => {
    if (revisionPublished) {
      const restoredPublic = stateFromSnapshot(publicState(current), before!);
      const written = await applyPublicState(tx, current, restoredPublic, actor, { status: String(before!.status), publishedAt: date(before!.publishedAt) });
      const now = (await loadResultForWrite(tx, id))!;
      // The revision's sources that the publication added are gone again: the revision adds them anew.
      const kept = new Set(now.sources.map((s) => s.id));
      const proposed = stateFromSnapshot(publicState(now), after!);
      proposed.sources = proposed.sources.map((s) => (s.sourceId !== null && kept.has(s.sourceId) ? s : { ...s, sourceId: null }));
      await writeWorkingState(tx, now, proposed, actor);
      const auditId = await recordResultChange(tx, actor, {
        action: "REVERT",
        before: current,
        after: written,
        publishedEdit: true,
        revertOfId: row.id,
        note: "Penerbitan revisi dibatalkan: nilai terbit sebelumnya kembali, revisinya menunggu tinjauan lagi.",
      });
      return { ok: true as const, value: { auditId } };
    }
    const data = before
      ? {
          entityId: Number(before.entityId),
          year: Number(before.year),
          provinceId: before.provinceId === null ? null : Number(before.provinceId),
          score: before.score === null ? null : Number(before.score),
          dimensionScores: (before.dimensionScores as string | null) ?? null,
          publishedZone: (before.publishedZone as string | null) ?? null,
          publishedCategory: (before.publishedCategory as string | null) ?? null,
          publishedOpinion: (before.publishedOpinion as string | null) ?? null,
          status: String(before.status),
          publishedAt: date(before.publishedAt),
          sourceUrl: (before.sourceUrl as string | null) ?? null,
          notes: String(before.notes ?? ""),
          deletedAt: date(before.deletedAt),
        }
      : // Undoing a creation: the result goes away (softly, restorable like any delete).
        { deletedAt: new Date() };
    // The restored score gets its zone from the bands in force now, not the ones stored then:
    // a band change since the undone edit must not come back with it.
    const classification = before ? await storedClassificationFor(tx, Number(before.year), before.score === null ? null : Number(before.score)) : {};
    const written = await tx.result.update({
      where: { id },
      data: { ...data, ...classification, updatedBy: actor.email, version: { increment: 1 } },
    });
    const auditId = await recordResultChange(tx, actor, {
      action: "REVERT",
      before: current,
      after: written,
      publishedEdit: current.status === "PUBLISHED" || written.status === "PUBLISHED",
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  });
}

type EntitySnap = ReturnType<typeof entitySnapshot> & { aliases?: string[] };
type MergeAfter = { target: { id: number }; addedAliases?: string[] };
type UnmergeAfter = MergeBefore & { target: { id: number } };

const isMergeShape = (v: unknown): v is MergeBefore => typeof v === "object" && v !== null && "source" in v && "resultIds" in v;

/**
 * Entity rows come in four shapes: a merge (before names the source and the moved results), an
 * undone merge (after names them: redone by merging again), a creation (no before: removed
 * again) or removal (no after: created again), and an edit (both: the before is restored).
 */
async function revertEntityChange(actor: Actor, row: AuditRow, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const before = row.before ? (JSON.parse(row.before) as unknown) : null;
  const after = row.after ? (JSON.parse(row.after) as unknown) : null;
  if (isMergeShape(before)) return unmerge(actor, row, before, after as MergeAfter | null, prisma);
  if (isMergeShape(after)) return remerge(actor, row, after as UnmergeAfter, prisma);
  const id = Number(row.targetId);
  if (!before && after) return removeCreatedEntity(actor, row, id, prisma);
  if (before && !after) return recreateEntity(actor, row, id, before as EntitySnap, prisma);
  const current = await prisma.entity.findUnique({ where: { id } });
  if (!current || !before) return notFound("Instansi tidak ditemukan.");
  const b = before as EntitySnap;
  return prisma.$transaction(async (tx) => {
    const updated = await tx.entity.update({
      where: { id },
      data: { name: b.name, type: b.type, provinceId: b.provinceId, regencyId: b.regencyId },
    });
    // The restored name stays findable, like any rename.
    await addAlias(tx, id, updated.type, updated.name);
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "ENTITY",
      targetId: id,
      before: entitySnapshot(current),
      after: entitySnapshot(updated),
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  });
}

/** Undo a creation: only while nothing refers to the entity (no result, deleted ones included; no merge into it). */
async function removeCreatedEntity(actor: Actor, row: AuditRow, id: number, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const current = await prisma.entity.findUnique({ where: { id }, include: { aliases: true, _count: { select: { results: true, revisions: true } } } });
  if (!current) return conflict("Instansi ini sudah tidak ada (digabungkan atau dihapus).");
  if (current._count.results > 0) {
    return conflict(`Instansi ini sudah punya ${current._count.results} hasil (termasuk yang terhapus): pindahkan atau gabungkan hasilnya dulu.`);
  }
  if (current._count.revisions > 0) {
    return conflict(`${current._count.revisions} perubahan yang menunggu tinjauan menyebut instansi ini: terbitkan atau buang dulu.`);
  }
  const mergedInto = await prisma.auditLog.findFirst({ where: { targetType: "ENTITY", targetId: String(id), action: "MERGE", id: { gt: row.id } }, select: { id: true } });
  if (mergedInto) return conflict(`Instansi lain telah digabungkan ke instansi ini (#${mergedInto.id}): batalkan penggabungan itu dulu.`);
  return prisma.$transaction(async (tx) => {
    await tx.entity.delete({ where: { id } });
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "ENTITY",
      targetId: id,
      before: { ...entitySnapshot(current), aliases: current.aliases.map((a) => a.alias) },
      after: null,
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  });
}

/** Undo a removal: the entity comes back with its id, address (slug) and aliases. */
async function recreateEntity(actor: Actor, row: AuditRow, id: number, snap: EntitySnap, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const taken = await prisma.entity.findFirst({ where: { OR: [{ id }, { slug: snap.slug }] }, select: { id: true, name: true } });
  if (taken) return conflict(`Instansi #${taken.id} (${taken.name}) sudah memakai nomor atau alamat instansi ini.`);
  return prisma.$transaction(async (tx) => {
    const created = await tx.entity.create({
      data: { id, name: snap.name, type: snap.type, slug: snap.slug, provinceId: snap.provinceId, regencyId: snap.regencyId },
    });
    for (const alias of new Set([...(snap.aliases ?? []), snap.name])) await addAlias(tx, id, created.type, alias);
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "ENTITY",
      targetId: id,
      before: null,
      after: entitySnapshot(created),
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  });
}

/**
 * Undo a merge: the source entity comes back (same id, address and aliases), the results the
 * merge moved go back to it, and the aliases the merge gave the kept entity are taken back.
 * Refused when later changes make that impossible; then nothing changes.
 */
async function unmerge(actor: Actor, row: AuditRow, before: MergeBefore, after: MergeAfter | null, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const targetId = Number(row.targetId);
  const source = before.source;
  const target = await prisma.entity.findUnique({ where: { id: targetId } });
  if (!target) return conflict("Instansi hasil penggabungan sudah tidak ada: penggabungan tidak dapat dibatalkan.");
  const taken = await prisma.entity.findFirst({ where: { OR: [{ id: source.id }, { slug: source.slug }] }, select: { id: true, name: true } });
  if (taken) return conflict(`Instansi #${taken.id} (${taken.name}) sudah memakai nomor atau alamat instansi ${source.name}: penggabungan tidak dapat dibatalkan.`);
  const results: Awaited<ReturnType<PrismaClient["result"]["findMany"]>> = [];
  for (let i = 0; i < before.resultIds.length; i += 500) {
    results.push(...(await prisma.result.findMany({ where: { id: { in: before.resultIds.slice(i, i + 500) } } })));
  }
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const id of before.resultIds) {
    const r = byId.get(id);
    if (!r || r.entityId !== targetId) {
      return conflict(`Hasil #${id} tidak lagi milik ${target.name} sejak penggabungan: batalkan perubahan itu dulu.`);
    }
  }
  // One result per entity and year: the restored entity may not get two of the same year.
  const years = results.map((r) => r.year);
  const twice = years.filter((y, i) => years.indexOf(y) !== i);
  if (twice.length) return conflict(`Ada dua hasil tahun ${twice.join(", ")} untuk ${source.name}: penggabungan tidak dapat dibatalkan.`);
  const batchId = randomUUID();
  return prisma.$transaction(async (tx) => {
    const restored = await tx.entity.create({
      data: { id: source.id, name: source.name, type: source.type, slug: source.slug, provinceId: source.provinceId, regencyId: source.regencyId },
    });
    for (const alias of new Set([...source.aliases, source.name])) await addAlias(tx, restored.id, restored.type, alias);
    for (const result of results) {
      const moved = await tx.result.update({ where: { id: result.id }, data: { entityId: restored.id, updatedBy: actor.email, version: { increment: 1 } } });
      await recordResultChange(tx, actor, {
        action: "REVERT",
        before: result,
        after: moved,
        publishedEdit: result.status === "PUBLISHED",
        revertOfId: row.id,
        batchId,
        note: `Batal gabung: ${target.name} → ${source.name}`,
      });
    }
    const added = after?.addedAliases ?? [];
    if (added.length) await tx.entityAlias.deleteMany({ where: { entityId: targetId, alias: { in: added.filter((a) => a !== target.name) } } });
    const after2: UnmergeAfter = { source, resultIds: before.resultIds, target: { id: targetId } };
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "ENTITY",
      targetId: targetId,
      before: { target: { id: targetId, ...entitySnapshot(target) }, addedAliases: added },
      after: after2,
      revertOfId: row.id,
      batchId,
      note: `Batal gabung: ${source.name} (#${source.id}) dipulihkan dari ${target.name} (#${target.id})`,
    });
    return { ok: true as const, value: { auditId } };
  });
}

/** Undo an undone merge: merge the restored entity into the kept one again. */
async function remerge(actor: Actor, row: AuditRow, after: UnmergeAfter, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const targetId = Number(row.targetId);
  const checked = await checkMerge(prisma, after.source.id, targetId);
  if (!checked.ok) return checked.status === 404 ? conflict("Salah satu instansi sudah tidak ada: penggabungan tidak dapat diulang.") : checked;
  return prisma.$transaction(async (tx) => {
    const merged = await mergeInTransaction(tx, actor, after.source.id, targetId, { action: "REVERT", revertOfId: row.id });
    return { ok: true as const, value: { auditId: merged.auditId } };
  });
}

/**
 * Users: an edit restores the role, scopes and active flag it replaced; a creation is undone by
 * deactivating the account (its audit rows keep naming it, and a revert of that reactivates it).
 */
async function revertUserChange(actor: Actor, row: AuditRow, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const user = await prisma.user.findUnique({ where: { id: row.targetId }, include: { scopes: true } });
  if (!user) return notFound("Pengguna tidak ditemukan.");
  const current: UserAccess = { role: user.role === "ADMIN" ? "ADMIN" : "EDITOR", active: user.active, provinceIds: user.scopes.map((s) => s.provinceId) };
  const before = row.before ? (JSON.parse(row.before) as Partial<UserAccess>) : null;
  const target: UserAccess = before
    ? {
        role: before.role === "ADMIN" || before.role === "EDITOR" ? before.role : current.role,
        active: typeof before.active === "boolean" ? before.active : current.active,
        provinceIds: Array.isArray(before.provinceIds) ? before.provinceIds.map(Number) : current.provinceIds,
      }
    : { ...current, active: false };
  if (user.id === actor.userId && (target.role !== "ADMIN" || !target.active)) {
    return forbidden("Anda tidak dapat mencabut hak admin atau menonaktifkan akun Anda sendiri.");
  }
  if (!before && !user.active) return conflict("Pengguna ini sudah nonaktif.");
  const known = await prisma.province.count({ where: { id: { in: [...target.provinceIds] } } });
  if (known !== new Set(target.provinceIds).size) return conflict("Provinsi lingkup pengguna ini sudah tidak ada.");
  return prisma.$transaction(async (tx) => {
    await writeUserAccess(tx, user.id, target);
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "USER",
      targetId: user.id,
      before: { email: user.email, ...current, provinceIds: [...current.provinceIds] },
      after: { email: user.email, ...target, provinceIds: [...target.provinceIds] },
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  });
}

/** API tokens: a creation is undone by revoking the token, a revocation by making it valid again. */
async function revertTokenChange(actor: Actor, row: AuditRow, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const id = Number(row.targetId);
  const token = await prisma.apiToken.findUnique({ where: { id } });
  if (!token) return notFound("Token tidak ditemukan.");
  const before = row.before ? (JSON.parse(row.before) as { revokedAt?: string | null }) : null;
  const revokedAt = before ? date(before.revokedAt ?? null) : new Date();
  if ((revokedAt === null) === (token.revokedAt === null)) {
    return conflict(token.revokedAt ? "Token ini sudah dicabut." : "Token ini sudah aktif.");
  }
  return prisma.$transaction(async (tx) => {
    const updated = await tx.apiToken.update({ where: { id }, data: { revokedAt } });
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "API_TOKEN",
      targetId: id,
      before: tokenSnapshot(token),
      after: tokenSnapshot(updated),
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  });
}

async function revertMethodologyChange(actor: Actor, row: AuditRow, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const year = Number(row.targetId);
  if (!row.before) return notFound("Metodologi tidak ditemukan.");
  const current = await methodologySnapshot(prisma, year);
  if (!current) return notFound("Metodologi tidak ditemukan.");
  const restored = JSON.parse(row.before) as MethodologySnapshot;
  const inUse = await removedDimensionsInUse(prisma, year, current, restored);
  if (inUse.length > 0) return conflict(inUse.join(" "));
  return prisma.$transaction(async (tx) => {
    await writeMethodology(tx, year, restored);
    const after = await methodologySnapshot(tx, year);
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "METHODOLOGY",
      targetId: year,
      year,
      before: current,
      after,
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  }, { timeout: 60_000 });
}
