/**
 * Releases (issue 17): a named set of drafts and pending revisions that goes public together.
 * An editor submits drafts of their provinces; an admin approves (publishes at once or at a time)
 * or returns them with a note. With RAPOR_RELEASE_SEPARATE_APPROVER=on the approver must not be
 * the submitter. A scheduled release is carried out by the server (lib/server/release-scheduler.ts
 * calls `runDueReleases`) exactly once whatever the number of instances: the claim is a
 * conditional update of the release row inside the transaction that publishes it.
 *
 * A release's publication and its withdrawal are each one audit row (target RELEASE) holding its
 * rows; either is reverted as one action (lib/ledger/release-revert.ts does the work).
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canWriteInProvince, isAdmin, type Actor } from "@/lib/ledger/access";
import { formatJakarta } from "@/lib/domain/jakarta-time";
import { db } from "@/lib/db/client";
import { recordAudit } from "./audit";
import { forbidden, notFound, unauthenticated, type WriteFailure, type WriteOutcome } from "./outcome";
import { PublishConflict, publishResultInTransaction, type PublishedResult } from "./publish";
import { RESULT_FOR_WRITE } from "./revisions";

type Tx = Prisma.TransactionClient;

export const RELEASE_STATUSES = ["SUBMITTED", "RETURNED", "SCHEDULED", "PUBLISHED", "WITHDRAWN", "FAILED"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
/** A result in a release in one of these is not offered to another. */
export const OPEN_STATUSES: readonly ReleaseStatus[] = ["SUBMITTED", "SCHEDULED"];

/** The setting that asks for a second person: the approver may not be the submitter. */
export function separateApproverRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return ["on", "1", "true"].includes((env.RAPOR_RELEASE_SEPARATE_APPROVER ?? "").trim().toLowerCase());
}

const conflict = (message: string): WriteFailure => ({ ok: false, status: 409, error: "conflict", message });
const invalidInput = (message: string): WriteFailure => ({ ok: false, status: 422, error: "invalid", message, issues: [], fieldErrors: {} });

/** A result of a release as its audit row keeps it: what publishing it did, with its name. */
export interface ReleasedRow extends PublishedResult {
  entity: string;
  year: number;
}

/** The audit row of a release's publication (PUBLISH, or a REVERT that published it again). */
export interface ReleasePublishRecord {
  release: { id: number; name: string };
  direction: "publish";
  rows: ReleasedRow[];
  /** Results of the release not published: removed since, or nothing left to publish. */
  skipped: { resultId: number; reason: string }[];
}

/** The audit row of a withdrawal (UNPUBLISH, or a REVERT of its publication). */
export interface ReleaseWithdrawRecord {
  release: { id: number; name: string };
  direction: "withdraw";
  rows: (ReleasedRow & { versionAfter: number })[];
}

/** Where a result can be published from: a draft not deleted, or any result with a revision. */
const PUBLISHABLE: Prisma.ResultWhereInput = { OR: [{ status: "DRAFT", deletedAt: null }, { revision: { isNot: null } }] };

export interface ReleaseSelection {
  year: number;
  entityType?: string | null;
  provinceId?: number | null;
}

/** The results a selection offers (an editor: of its provinces), not already in an open release. */
export async function candidateIds(actor: Actor, selection: ReleaseSelection, prisma: PrismaClient | Tx = db()): Promise<number[]> {
  const entity: Prisma.EntityWhereInput = {
    ...(selection.entityType ? { type: selection.entityType } : {}),
    ...(selection.provinceId ? { provinceId: selection.provinceId } : {}),
  };
  const scoped: Prisma.EntityWhereInput = isAdmin(actor) ? entity : { AND: [entity, { provinceId: { in: [...actor.provinceIds] } }] };
  const rows = await prisma.result.findMany({ where: { year: selection.year, ...PUBLISHABLE, entity: scoped }, select: { id: true }, orderBy: { id: "asc" } });
  const taken = await resultsInOpenReleases(prisma, rows.map((r) => r.id));
  return rows.map((r) => r.id).filter((id) => !taken.has(id));
}

async function resultsInOpenReleases(prisma: PrismaClient | Tx, ids: number[]): Promise<Map<number, string>> {
  const taken = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const items = await prisma.releaseItem.findMany({
      where: { resultId: { in: ids.slice(i, i + 500) }, release: { status: { in: [...OPEN_STATUSES] } } },
      select: { resultId: true, release: { select: { name: true } } },
    });
    for (const item of items) taken.set(item.resultId, item.release.name);
  }
  return taken;
}

export interface ReleaseRequest {
  name: string;
  resultIds: number[];
  /** "submit": for review; "now": publish at once; "schedule": at `at` (admins only). */
  mode: "submit" | "now" | "schedule";
  at?: Date | null;
}

/**
 * Create a release from results picked on the screen. Everyone submits; an admin may approve in
 * the same step (unless the deployment asks for a second person).
 */
export async function createRelease(
  actor: Actor | null,
  request: ReleaseRequest,
  prisma: PrismaClient = db(),
  now: Date = new Date(),
): Promise<WriteOutcome<{ id: number; status: ReleaseStatus; count: number }>> {
  if (!actor) return unauthenticated();
  const name = request.name.trim();
  if (!name) return invalidInput("Beri nama rilis ini, misalnya \"Kalimantan Selatan 2025\".");
  if (name.length > 120) return invalidInput("Nama rilis paling panjang 120 karakter.");
  const ids = [...new Set(request.resultIds)].filter((id) => Number.isInteger(id) && id > 0);
  if (ids.length === 0) return invalidInput("Pilih sedikitnya satu hasil untuk rilis ini.");
  if (request.mode !== "submit") {
    if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat menerbitkan atau menjadwalkan rilis; ajukan rilis ini untuk ditinjau.");
    if (separateApproverRequired()) return forbidden("Rilis harus disetujui admin lain (pengaturan RAPOR_RELEASE_SEPARATE_APPROVER): ajukan rilis ini untuk ditinjau.");
  }
  const schedule = request.mode === "schedule" ? checkSchedule(request.at ?? null, now) : null;
  if (schedule && !schedule.ok) return schedule;
  const results = await prisma.result.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, deletedAt: true, year: true, entity: { select: { name: true, provinceId: true } }, revision: { select: { id: true } } },
  });
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) return notFound(`Hasil #${id} tidak ditemukan.`);
    if (!canWriteInProvince(actor, r.entity.provinceId)) return forbidden(`${r.entity.name} ${r.year} di luar provinsi Anda: hanya draf provinsi Anda yang dapat diajukan.`);
    if (!(r.revision || (r.status === "DRAFT" && r.deletedAt === null))) return conflict(`${r.entity.name} ${r.year} sudah terbit dan tidak punya revisi yang menunggu: tidak ada yang dirilis.`);
  }
  const taken = await resultsInOpenReleases(prisma, ids);
  if (taken.size > 0) {
    const [id, release] = [...taken][0]!;
    const r = byId.get(id)!;
    return conflict(`${r.entity.name} ${r.year} sudah ada dalam rilis "${release}" yang menunggu: keluarkan dulu dari sana.`);
  }
  const created = await prisma.$transaction(async (tx) => {
    const release = await tx.release.create({
      data: { name, status: "SUBMITTED", submittedById: actor.userId, submittedBy: actor.email, items: { create: ids.map((resultId) => ({ resultId })) } },
    });
    await recordAudit(tx, actor, {
      action: "SUBMIT",
      targetType: "RELEASE",
      targetId: release.id,
      after: { release: { id: release.id, name }, resultIds: ids },
      note: `Rilis "${name}" diajukan (${ids.length} hasil).`,
    });
    return release;
  });
  if (request.mode === "submit") return { ok: true, value: { id: created.id, status: "SUBMITTED", count: ids.length } };
  const approved = await approveRelease(actor, created.id, request.mode === "schedule" ? (request.at ?? null) : null, prisma, now);
  if (!approved.ok) return approved;
  return { ok: true, value: { id: created.id, status: approved.value.status, count: approved.value.count } };
}

function checkSchedule(at: Date | null, now: Date): WriteFailure | { ok: true } {
  if (!at || Number.isNaN(at.getTime())) return invalidInput("Isi tanggal dan jam terbit (WIB), misalnya 2026-12-10 10:00.");
  if (at.getTime() <= now.getTime()) return invalidInput("Waktu terbit sudah lewat: pilih waktu yang akan datang, atau terbitkan sekarang.");
  return { ok: true };
}

/**
 * An admin approves a submitted release: publish now (`at` null) or at `at`. With the separate-
 * approver setting the submitter cannot approve their own release.
 */
export async function approveRelease(
  actor: Actor | null,
  id: number,
  at: Date | null,
  prisma: PrismaClient = db(),
  now: Date = new Date(),
): Promise<WriteOutcome<{ status: ReleaseStatus; count: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat menyetujui rilis.");
  const release = await prisma.release.findUnique({ where: { id }, include: { items: true } });
  if (!release) return notFound("Rilis tidak ditemukan.");
  if (release.status !== "SUBMITTED") return conflict(`Rilis "${release.name}" tidak menunggu persetujuan (statusnya ${STATUS_WORDS[release.status as ReleaseStatus] ?? release.status}).`);
  if (separateApproverRequired() && release.submittedById === actor.userId) {
    return forbidden("Rilis ini Anda ajukan sendiri: pengaturan RAPOR_RELEASE_SEPARATE_APPROVER meminta admin lain yang menyetujuinya.");
  }
  if (at) {
    const schedule = checkSchedule(at, now);
    if (!schedule.ok) return schedule;
    return prisma.$transaction(async (tx) => {
      const claimed = await tx.release.updateMany({ where: { id, status: "SUBMITTED" }, data: { status: "SCHEDULED", scheduledAt: at, approvedById: actor.userId, approvedBy: actor.email } });
      if (claimed.count === 0) return conflict("Rilis ini baru saja diproses orang lain: muat ulang halaman.");
      await recordAudit(tx, actor, {
        action: "SCHEDULE",
        targetType: "RELEASE",
        targetId: id,
        before: { status: "SUBMITTED" },
        after: { status: "SCHEDULED", scheduledAt: at.toISOString() },
        note: `Rilis "${release.name}" dijadwalkan terbit ${formatJakarta(at)}.`,
      });
      return { ok: true as const, value: { status: "SCHEDULED" as const, count: release.items.length } };
    });
  }
  const published = await carryOut(prisma, { id, from: "SUBMITTED", approver: actor, now });
  if (!published.ok) return published;
  return { ok: true, value: { status: "PUBLISHED", count: published.value.count } };
}

/** An admin sends a submitted release back with a note; its results stay drafts. */
export async function returnRelease(actor: Actor | null, id: number, note: string, prisma: PrismaClient = db()): Promise<WriteOutcome<{ status: ReleaseStatus }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mengembalikan rilis.");
  const text = note.trim();
  if (!text) return invalidInput("Tulis catatan untuk pengaju: apa yang perlu diperbaiki.");
  if (text.length > 2000) return invalidInput("Catatan paling panjang 2000 karakter.");
  const release = await prisma.release.findUnique({ where: { id } });
  if (!release) return notFound("Rilis tidak ditemukan.");
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.release.updateMany({ where: { id, status: { in: ["SUBMITTED", "SCHEDULED", "FAILED"] } }, data: { status: "RETURNED", note: text, scheduledAt: null } });
    if (claimed.count === 0) return conflict(`Rilis "${release.name}" tidak menunggu persetujuan atau jadwal: tidak dapat dikembalikan.`);
    await recordAudit(tx, actor, {
      action: "RETURN",
      targetType: "RELEASE",
      targetId: id,
      before: { status: release.status },
      after: { status: "RETURNED", note: text },
      note: `Rilis "${release.name}" dikembalikan: ${text}`,
    });
    return { ok: true as const, value: { status: "RETURNED" as const } };
  });
}

export const STATUS_WORDS: Record<ReleaseStatus, string> = {
  SUBMITTED: "menunggu persetujuan",
  RETURNED: "dikembalikan",
  SCHEDULED: "terjadwal",
  PUBLISHED: "terbit",
  WITHDRAWN: "ditarik",
  FAILED: "gagal",
};

/** The actor a scheduled release acts as: the admin who approved it, through the scheduler. */
function schedulerActor(release: { approvedById: string | null; approvedBy: string | null }): Actor {
  return { userId: release.approvedById ?? "system", email: release.approvedBy ?? "system", role: "ADMIN", provinceIds: [], via: "scheduler" };
}

/**
 * Publish a release's results in one transaction that first claims it: a conditional update
 * from `from` to PUBLISHED. Whoever loses the race (another instance's scheduler, a second
 * click) changes nothing. One audit row (PUBLISH, target RELEASE) holds every row published.
 */
async function carryOut(
  prisma: PrismaClient,
  claim: { id: number; from: "SUBMITTED" | "SCHEDULED"; approver: Actor | null; now: Date },
): Promise<WriteOutcome<{ count: number; auditId: number } | { count: 0; auditId: null }>> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const due = claim.from === "SCHEDULED" ? { scheduledAt: { lte: claim.now } } : {};
        const claimed = await tx.release.updateMany({
          where: { id: claim.id, status: claim.from, ...due },
          data: {
            status: "PUBLISHED",
            publishedAt: claim.now,
            ...(claim.approver ? { approvedById: claim.approver.userId, approvedBy: claim.approver.email } : {}),
          },
        });
        if (claimed.count === 0) {
          if (claim.from === "SUBMITTED") return conflict("Rilis ini baru saja diproses orang lain: muat ulang halaman.");
          return { ok: true as const, value: { count: 0 as const, auditId: null } };
        }
        const release = await tx.release.findUniqueOrThrow({ where: { id: claim.id }, include: { items: { orderBy: { resultId: "asc" } } } });
        const actor = claim.approver ?? schedulerActor(release);
        const { rows, skipped } = await publishReleaseRows(tx, actor, release.items.map((i) => i.resultId), claim.now);
        const record: ReleasePublishRecord = { release: { id: release.id, name: release.name }, direction: "publish", rows, skipped };
        const auditId = await recordAudit(tx, actor, {
          action: "PUBLISH",
          targetType: "RELEASE",
          targetId: release.id,
          year: singleYear(rows),
          after: record,
          publishedEdit: rows.some((r) => r.revision),
          batchId: randomUUID(),
          note: `Rilis "${release.name}" terbit: ${rows.length} hasil.`,
        });
        await tx.release.update({ where: { id: release.id }, data: { publishAuditId: auditId } });
        return { ok: true as const, value: { count: rows.length, auditId } };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof PublishConflict) return conflict(`${error.message} Rilis tidak diterbitkan.`);
    throw error;
  }
}

export function singleYear(rows: readonly { year: number }[]): number | null {
  const years = new Set(rows.map((r) => r.year));
  return years.size === 1 ? [...years][0]! : null;
}

/** Publish the given results that still wait (drafts, revisions); the others are named as skipped. */
export async function publishReleaseRows(tx: Tx, actor: Actor, resultIds: readonly number[], now: Date): Promise<{ rows: ReleasedRow[]; skipped: ReleasePublishRecord["skipped"] }> {
  const rows: ReleasedRow[] = [];
  const skipped: ReleasePublishRecord["skipped"] = [];
  const results = await tx.result.findMany({ where: { id: { in: [...resultIds] } }, include: { ...RESULT_FOR_WRITE, entity: { select: { provinceId: true, name: true } } } });
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const id of resultIds) {
    const result = byId.get(id);
    if (!result) {
      skipped.push({ resultId: id, reason: "Hasil sudah tidak ada." });
      continue;
    }
    if (!(result.revision || (result.status === "DRAFT" && result.deletedAt === null))) {
      skipped.push({ resultId: id, reason: `${result.entity.name} ${result.year} sudah terbit tanpa revisi yang menunggu.` });
      continue;
    }
    const { row: _row, ...published } = await publishResultInTransaction(tx, actor, result, now);
    void _row;
    rows.push({ ...published, entity: result.entity.name, year: result.year });
  }
  return { rows, skipped };
}

/**
 * Carry out the scheduled releases that are due. Safe to call from any number of instances at
 * once: each release is claimed in the transaction that publishes it. A release that cannot be
 * published (a revision's entity and year are taken since) is marked FAILED with the reason.
 * Returns the ids published by this call.
 */
export async function runDueReleases(prisma: PrismaClient = db(), now: Date = new Date()): Promise<number[]> {
  const due = await prisma.release.findMany({ where: { status: "SCHEDULED", scheduledAt: { lte: now } }, select: { id: true }, orderBy: { scheduledAt: "asc" } });
  const published: number[] = [];
  for (const { id } of due) {
    const outcome = await carryOut(prisma, { id, from: "SCHEDULED", approver: null, now });
    if (outcome.ok) {
      if (outcome.value.auditId !== null) published.push(id);
    } else {
      await prisma.release.updateMany({ where: { id, status: "SCHEDULED" }, data: { status: "FAILED", note: outcome.message } });
    }
  }
  return published;
}
