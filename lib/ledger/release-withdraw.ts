/**
 * Withdrawing a published release, as one action and one audit row: every result it published
 * goes back to what it was — a draft back to draft, an applied revision back in review with the
 * earlier published values public again. Only if none of them changed since (its version is the
 * one the release left): otherwise nothing is withdrawn and the message names the result.
 *
 * Both directions are revertible as one action: reverting the release's publication withdraws it;
 * reverting a withdrawal publishes the same results again (lib/ledger/revert.ts sends RELEASE rows
 * here).
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { db } from "@/lib/db/client";
import { recordAudit } from "./audit";
import { forbidden, notFound, unauthenticated, type WriteFailure, type WriteOutcome } from "./outcome";
import { PublishConflict } from "./publish";
import { publishReleaseRows, singleYear, type ReleasePublishRecord, type ReleaseWithdrawRecord, type ReleasedRow } from "./releases";
import { applyPublicState, loadResultForWrite, publicState, stateFromSnapshot, writeWorkingState } from "./revisions";

type Tx = Prisma.TransactionClient;

const conflict = (message: string): WriteFailure => ({ ok: false, status: 409, error: "conflict", message });

class Changed extends Error {}

const date = (v: unknown) => (typeof v === "string" ? new Date(v) : null);

/** Put one released result back as it was before the release; returns its version afterwards. */
async function withdrawRow(tx: Tx, actor: Actor, row: ReleasedRow): Promise<number> {
  const current = await loadResultForWrite(tx, row.resultId);
  if (!current || current.version !== row.version) {
    throw new Changed(`${row.entity} ${row.year} sudah diubah sesudah rilis ini (terbitkan atau buang revisinya, atau batalkan perubahan itu di riwayat), jadi rilis tidak ditarik.`);
  }
  if (!row.revision) {
    const after = await tx.result.update({
      where: { id: row.resultId },
      data: { status: String(row.before.status), publishedAt: date(row.before.publishedAt), updatedBy: actor.email, version: { increment: 1 } },
    });
    return after.version;
  }
  // The earlier public state comes back, the revision waits for review again (as the revert of
  // one revision's publication does, lib/ledger/revert.ts).
  const restored = stateFromSnapshot(publicState(current), row.before);
  await applyPublicState(tx, current, restored, actor, { status: String(row.before.status), publishedAt: date(row.before.publishedAt) });
  const now = (await loadResultForWrite(tx, row.resultId))!;
  const kept = new Set(now.sources.map((s) => s.id));
  const proposed = stateFromSnapshot(publicState(now), row.after);
  proposed.sources = proposed.sources.map((s) => (s.sourceId !== null && kept.has(s.sourceId) ? s : { ...s, sourceId: null }));
  await writeWorkingState(tx, now, proposed, actor);
  return now.version;
}

/** The rows a release published last (from its latest publication audit row). */
async function publishedRows(client: PrismaClient | Tx, publishAuditId: number | null): Promise<ReleasedRow[] | null> {
  if (publishAuditId === null) return null;
  const audit = await client.auditLog.findUnique({ where: { id: publishAuditId }, select: { after: true } });
  if (!audit?.after) return null;
  return (JSON.parse(audit.after) as ReleasePublishRecord).rows;
}

/** Withdraw a published release (the button on its page), or as the revert of `revertOfId`. */
export async function withdrawRelease(
  actor: Actor | null,
  id: number,
  prisma: PrismaClient = db(),
  revertOfId?: number,
): Promise<WriteOutcome<{ count: number; auditId: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat menarik rilis.");
  const release = await prisma.release.findUnique({ where: { id } });
  if (!release) return notFound("Rilis tidak ditemukan.");
  if (release.status !== "PUBLISHED") return conflict(`Rilis "${release.name}" tidak sedang terbit: tidak ada yang ditarik.`);
  try {
    return await prisma.$transaction(
      async (tx) => {
        const claimed = await tx.release.updateMany({ where: { id, status: "PUBLISHED", publishAuditId: release.publishAuditId }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
        if (claimed.count === 0) return conflict("Rilis ini baru saja diproses orang lain: muat ulang halaman.");
        const rows = (await publishedRows(tx, release.publishAuditId)) ?? [];
        const withdrawn: ReleaseWithdrawRecord["rows"] = [];
        for (const row of rows) withdrawn.push({ ...row, versionAfter: await withdrawRow(tx, actor, row) });
        const record: ReleaseWithdrawRecord = { release: { id, name: release.name }, direction: "withdraw", rows: withdrawn };
        const auditId = await recordAudit(tx, actor, {
          action: revertOfId ? "REVERT" : "UNPUBLISH",
          targetType: "RELEASE",
          targetId: id,
          year: singleYear(rows),
          after: record,
          publishedEdit: true,
          revertOfId,
          batchId: randomUUID(),
          note: `Rilis "${release.name}" ditarik: ${rows.length} hasil kembali seperti sebelum rilis.`,
        });
        return { ok: true as const, value: { count: rows.length, auditId } };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof Changed) return conflict(error.message);
    throw error;
  }
}

/** Publish a withdrawn release again (the revert of its withdrawal): the same results, as one entry. */
async function republishRelease(actor: Actor, id: number, withdrawal: ReleaseWithdrawRecord, revertOfId: number, prisma: PrismaClient): Promise<WriteOutcome<{ auditId: number }>> {
  const release = await prisma.release.findUnique({ where: { id } });
  if (!release) return notFound("Rilis tidak ditemukan.");
  try {
    return await prisma.$transaction(
      async (tx) => {
        for (const row of withdrawal.rows) {
          const current = await tx.result.findUnique({ where: { id: row.resultId }, select: { version: true } });
          if (!current || current.version !== row.versionAfter) throw new Changed(`${row.entity} ${row.year} sudah diubah sesudah rilis ditarik: rilis tidak diterbitkan lagi.`);
        }
        const claimed = await tx.release.updateMany({ where: { id, status: "WITHDRAWN" }, data: { status: "PUBLISHED", withdrawnAt: null } });
        if (claimed.count === 0) return conflict("Rilis ini tidak sedang ditarik: muat ulang halaman.");
        const now = new Date();
        const { rows, skipped } = await publishReleaseRows(tx, actor, withdrawal.rows.map((r) => r.resultId), now);
        const record: ReleasePublishRecord = { release: { id, name: release.name }, direction: "publish", rows, skipped };
        const auditId = await recordAudit(tx, actor, {
          action: "REVERT",
          targetType: "RELEASE",
          targetId: id,
          year: singleYear(rows),
          after: record,
          publishedEdit: true,
          revertOfId,
          batchId: randomUUID(),
          note: `Penarikan rilis "${release.name}" dibatalkan: ${rows.length} hasil terbit lagi.`,
        });
        await tx.release.update({ where: { id }, data: { publishAuditId: auditId, publishedAt: now } });
        return { ok: true as const, value: { auditId } };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof Changed) return conflict(error.message);
    if (error instanceof PublishConflict) return conflict(`${error.message} Rilis tidak diterbitkan lagi.`);
    throw error;
  }
}

/** What a RELEASE audit row records: a publication or a withdrawal (other rows hold no rows). */
export function releaseRecord(after: string | null): ReleasePublishRecord | ReleaseWithdrawRecord | null {
  if (!after) return null;
  const parsed = JSON.parse(after) as { direction?: unknown };
  return parsed.direction === "publish" || parsed.direction === "withdraw" ? (parsed as ReleasePublishRecord | ReleaseWithdrawRecord) : null;
}

/**
 * Revert a release's publication (withdraw it) or its withdrawal (publish it again). Only the
 * release's latest such row can be reverted: an earlier one is already undone by a later one.
 */
export async function revertReleaseChange(
  actor: Actor,
  row: { id: number; targetId: string; after: string | null },
  prisma: PrismaClient,
): Promise<WriteOutcome<{ auditId: number }>> {
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat membatalkan rilis.");
  const record = releaseRecord(row.after);
  if (!record) return conflict("Perubahan ini tidak dapat dibatalkan otomatis.");
  const id = Number(row.targetId);
  const latest = await prisma.auditLog.findFirst({ where: { targetType: "RELEASE", targetId: row.targetId, action: { in: ["PUBLISH", "UNPUBLISH", "REVERT"] } }, orderBy: { id: "desc" }, select: { id: true } });
  if (latest?.id !== row.id) return conflict("Rilis ini sudah berubah sesudah perubahan ini: batalkan perubahan terakhirnya di riwayat.");
  if (record.direction === "publish") {
    const withdrawn = await withdrawRelease(actor, id, prisma, row.id);
    return withdrawn.ok ? { ok: true, value: { auditId: withdrawn.value.auditId } } : withdrawn;
  }
  return republishRelease(actor, id, record, row.id, prisma);
}
