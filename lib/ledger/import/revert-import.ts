/**
 * Undo an import recorded by commitImport (commit.ts): created rows removed, updated rows
 * restored, and the pending revisions it wrote or replaced put back as they were (none, or the
 * one it replaced). A revision it proposed that an admin has published since stays published:
 * that publication is a change of its own, undone from the history by an admin.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { recordAudit } from "@/lib/ledger/audit";
import { db } from "@/lib/db/client";
import { storedClassificationFor } from "../classification";
import type { ImportRecord } from "./commit";
import { loadResultForWrite, publicState, writeWorkingState } from "../revisions";

export async function revertImport(
  actor: Actor,
  auditId: number,
  prisma: PrismaClient = db(),
): Promise<{ ok: true; auditId: number } | { ok: false; status: 403 | 404 | 409; message: string }> {
  if (!isAdmin(actor)) return { ok: false, status: 403, message: "Hanya admin yang dapat membatalkan impor." };
  const row = await prisma.auditLog.findUnique({ where: { id: auditId } });
  if (!row || row.action !== "IMPORT" || !row.after) return { ok: false, status: 404, message: "Impor tidak ditemukan." };
  const already = await prisma.auditLog.findFirst({ where: { revertOfId: auditId }, select: { id: true } });
  if (already) return { ok: false, status: 409, message: "Impor ini sudah dibatalkan." };
  const record = JSON.parse(row.after) as ImportRecord;
  return prisma.$transaction(
    async (tx) => {
      // The sources it added to the results it created or changed (a revision's are in the revision).
      const touched = [...record.createdResultIds, ...record.updated.map((u) => u.id)];
      for (let i = 0; i < touched.length; i += 500) {
        await tx.resultSource.deleteMany({ where: { resultId: { in: touched.slice(i, i + 500) }, origin: { startsWith: `import:${record.batchId}:` } } });
      }
      for (const m of record.addedStatementMembers ?? []) {
        await tx.groupStatementMember.deleteMany({ where: { statementId: m.statementId, entityId: m.entityId } });
      }
      await tx.groupStatement.deleteMany({ where: { id: { in: record.createdStatementIds ?? [] } } });
      for (let i = 0; i < record.createdResultIds.length; i += 500) {
        await tx.result.deleteMany({ where: { id: { in: record.createdResultIds.slice(i, i + 500) } } });
      }
      for (const u of record.updated) {
        await tx.resultSource.updateMany({ where: { resultId: u.id }, data: { isPrimary: false } });
        await tx.resultSource.updateMany({ where: { id: { in: u.primarySourceIds } }, data: { isPrimary: true } });
        const b = u.before;
        await tx.result.update({
          where: { id: u.id },
          data: {
            provinceId: b.provinceId as number | null,
            score: b.score as number | null,
            publishedZone: b.publishedZone as string | null,
            publishedCategory: b.publishedCategory as string | null,
            publishedOpinion: b.publishedOpinion as string | null,
            publishedNationalRank: b.publishedNationalRank as number | null,
            publishedProvinceRank: b.publishedProvinceRank as number | null,
            sourceUrl: b.sourceUrl as string | null,
            // Zone from the bands in force now (a band change since the import must not come back).
            ...(await storedClassificationFor(tx, Number(b.year), b.score as number | null)),
            hasConflict: b.hasConflict as boolean,
            notes: b.notes as string,
            version: { increment: 1 },
            updatedBy: actor.email,
          },
        });
      }
      for (const r of record.revised ?? []) {
        const result = await loadResultForWrite(tx, r.id);
        if (!result) continue;
        await tx.result.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
        await writeWorkingState(tx, result, r.before ?? publicState(result), actor);
      }
      // Entities the import created go too, unless something else now uses them.
      for (const id of record.createdEntityIds) {
        const uses =
          (await tx.result.count({ where: { entityId: id } })) +
          (await tx.resultRevision.count({ where: { entityId: id } })) +
          (await tx.groupStatementMember.count({ where: { entityId: id } }));
        if (uses === 0) await tx.entity.delete({ where: { id } });
      }
      const revertId = await recordAudit(tx, actor, {
        action: "REVERT",
        targetType: "IMPORT",
        targetId: row.targetId,
        before: record,
        revertOfId: auditId,
        batchId: row.batchId ?? undefined,
        note: `Impor dibatalkan: ${row.note}`,
      });
      return { ok: true as const, auditId: revertId };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
