/**
 * Undo one audited change by restoring the values it replaced. The revert is itself audited
 * (action REVERT, revertOfId = the undone row), so it can be reverted in turn.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canWriteInProvince, isAdmin, type Actor } from "@/lib/auth/access";
import { recordAudit, snapshotResult, type ResultSnapshot } from "./audit";
import { db } from "./db";
import { revertImport } from "./import";
import { methodologySnapshot, writeMethodology, type MethodologySnapshot } from "./methodology-writes";
import { forbidden, notFound, unauthenticated, type WriteOutcome } from "./write-outcome";

const REVERTIBLE_RESULT_ACTIONS = new Set(["CREATE", "UPDATE", "DELETE", "RESTORE", "PUBLISH", "UNPUBLISH", "REVERT"]);

/** Can this audit row be reverted at all (whoever asks)? */
export function isRevertible(row: { targetType: string; action: string }): boolean {
  if (row.targetType === "RESULT") return REVERTIBLE_RESULT_ACTIONS.has(row.action);
  if (row.targetType === "ENTITY" || row.targetType === "METHODOLOGY") return row.action === "UPDATE";
  if (row.targetType === "IMPORT") return row.action === "IMPORT";
  return false;
}

const date = (v: unknown) => (typeof v === "string" ? new Date(v) : null);

export async function revertChange(actor: Actor | null, auditId: number, prisma: PrismaClient = db()): Promise<WriteOutcome<{ auditId: number }>> {
  if (!actor) return unauthenticated();
  const row = await prisma.auditLog.findUnique({ where: { id: auditId } });
  if (!row) return notFound("Perubahan tidak ditemukan.");
  if (!isRevertible(row)) return { ok: false, status: 409, error: "conflict", message: "Perubahan ini tidak dapat dibatalkan otomatis." };
  if (row.targetType === "RESULT") return revertResultChange(actor, row, prisma);
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat membatalkan perubahan ini.");
  if (row.targetType === "IMPORT") {
    const undone = await revertImport(actor, row.id, prisma);
    if (undone.ok) return { ok: true, value: { auditId: undone.auditId } };
    if (undone.status === 404) return notFound(undone.message);
    if (undone.status === 403) return forbidden(undone.message);
    return { ok: false, status: 409, error: "conflict", message: undone.message };
  }
  if (row.targetType === "ENTITY") return revertEntityChange(actor, row, prisma);
  return revertMethodologyChange(actor, row, prisma);
}

type AuditRow = NonNullable<Awaited<ReturnType<PrismaClient["auditLog"]["findUnique"]>>>;

async function revertResultChange(actor: Actor, row: AuditRow, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const id = Number(row.targetId);
  const current = await prisma.result.findUnique({ where: { id }, include: { entity: { select: { provinceId: true } } } });
  if (!current) return notFound("Hasil tidak ditemukan.");
  if (!canWriteInProvince(actor, current.entity.provinceId)) return forbidden("Hasil ini di luar provinsi yang boleh Anda ubah.");
  const before = row.before ? (JSON.parse(row.before) as ResultSnapshot) : null;
  if (before && !isAdmin(actor)) {
    const target = await prisma.entity.findUnique({ where: { id: Number(before.entityId) }, select: { provinceId: true } });
    if (!target || !canWriteInProvince(actor, target.provinceId)) return forbidden("Hasil ini di luar provinsi yang boleh Anda ubah.");
  }
  // Publication is an admin's decision, also when it is undone.
  if (!isAdmin(actor) && before && before.status !== current.status) return forbidden("Hanya admin yang dapat mengubah status terbit.");
  if (before) {
    const clash = await prisma.result.findFirst({
      where: { entityId: Number(before.entityId), year: Number(before.year), id: { not: id } },
      select: { id: true },
    });
    if (clash) return { ok: false, status: 409, error: "duplicate", message: `Instansi itu sudah punya hasil tahun ${String(before.year)} (#${clash.id}).` };
  }
  return prisma.$transaction(async (tx) => {
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
          computedZone: (before.computedZone as string | null) ?? null,
          computedCategory: (before.computedCategory as string | null) ?? null,
          computedLabel: (before.computedLabel as string | null) ?? null,
          status: String(before.status),
          publishedAt: date(before.publishedAt),
          sourceUrl: (before.sourceUrl as string | null) ?? null,
          notes: String(before.notes ?? ""),
          deletedAt: date(before.deletedAt),
        }
      : // Undoing a creation: the result goes away (softly, restorable like any delete).
        { deletedAt: new Date() };
    const after = await tx.result.update({ where: { id }, data: { ...data, updatedBy: actor.email, version: { increment: 1 } } });
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "RESULT",
      targetId: id,
      year: after.year,
      before: snapshotResult(current),
      after: snapshotResult(after),
      publishedEdit: current.status === "PUBLISHED" || after.status === "PUBLISHED",
      revertOfId: row.id,
    });
    return { ok: true as const, value: { auditId } };
  });
}

async function revertEntityChange(actor: Actor, row: AuditRow, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const id = Number(row.targetId);
  const current = await prisma.entity.findUnique({ where: { id } });
  if (!current || !row.before) return notFound("Instansi tidak ditemukan.");
  const before = JSON.parse(row.before) as { name: string; type: string; provinceId: number | null; regencyId: number | null };
  return prisma.$transaction(async (tx) => {
    const after = await tx.entity.update({
      where: { id },
      data: { name: before.name, type: before.type, provinceId: before.provinceId, regencyId: before.regencyId },
    });
    const auditId = await recordAudit(tx, actor, {
      action: "REVERT",
      targetType: "ENTITY",
      targetId: id,
      before: { name: current.name, type: current.type, provinceId: current.provinceId, regencyId: current.regencyId },
      after: { name: after.name, type: after.type, provinceId: after.provinceId, regencyId: after.regencyId },
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
  return prisma.$transaction(async (tx) => {
    await writeMethodology(tx, year, JSON.parse(row.before!) as MethodologySnapshot);
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
  });
}
