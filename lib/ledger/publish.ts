/**
 * What the public sees changes here only: drafts published (or published results returned to
 * draft) by year, by type within a year, or one by one; and the changes waiting for review —
 * pending revisions (lib/ledger/revisions.ts) — published or discarded. ADMIN only; one audit row
 * per result, revertible like every change.
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { recordAudit, recordResultChange } from "./audit";
import { db } from "@/lib/db/client";
import { forbidden, notFound, staleVersion, unauthenticated, type WriteFailure, type WriteOutcome } from "./outcome";
import {
  applyPublicState,
  classificationOf,
  loadResultForWrite,
  publicState,
  RESULT_FOR_WRITE,
  snapshotState,
  workingState,
  type ResultForWrite,
} from "./revisions";

type Tx = Prisma.TransactionClient;

export interface PublishScope {
  year: number;
  /** Only results of entities of this type; all types when absent. */
  entityType?: string | null;
}

const ADMIN_ONLY = "Hanya admin yang dapat mempublikasikan hasil.";

/** A revision that cannot be published as it stands (its entity and year are taken since). */
export class PublishConflict extends Error {}

const conflict = (message: string): WriteFailure => ({ ok: false, status: 409, error: "conflict", message });

/** What publishing one result did: its public state before and after (as the audit records them). */
export interface PublishedResult {
  resultId: number;
  /** A pending revision was applied (else a draft went public as it stood). */
  revision: boolean;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The result's version afterwards: a withdrawal checks nothing changed it since. */
  version: number;
}

/**
 * Publish one result inside the caller's transaction, without an audit row of its own (the
 * caller records it: one row per result, or one for a whole release): a draft becomes public
 * with its revision applied (when one waits); a published result's revision becomes its public
 * state. Throws PublishConflict when the revision's entity and year are taken since.
 */
export async function publishResultInTransaction(tx: Tx, actor: Actor, result: ResultForWrite, now: Date): Promise<PublishedResult & { row: Awaited<ReturnType<Tx["result"]["update"]>> }> {
  const revision = result.revision;
  const publishedAt = result.status === "PUBLISHED" ? result.publishedAt : now;
  const before = publicState(result);
  const beforeSnapshot = snapshotState(before, { status: result.status, publishedAt: result.publishedAt, deletedAt: result.deletedAt, pending: false }, await classificationOf(tx, before));
  if (!revision) {
    const row = await tx.result.update({
      where: { id: result.id },
      data: { status: "PUBLISHED", publishedAt, updatedBy: actor.email, version: { increment: 1 } },
    });
    const after = snapshotState(before, { status: row.status, publishedAt: row.publishedAt, deletedAt: row.deletedAt, pending: false }, await classificationOf(tx, before));
    return { resultId: result.id, revision: false, before: beforeSnapshot, after, version: row.version, row };
  }
  const next = workingState(result);
  const taken = await tx.result.findFirst({ where: { entityId: next.entityId, year: next.year, id: { not: result.id } }, select: { id: true } });
  if (taken) {
    throw new PublishConflict(`Revisi hasil #${result.id} tidak dapat diterbitkan: instansi itu sudah punya hasil tahun ${next.year} (#${taken.id}).`);
  }
  await tx.resultRevision.delete({ where: { id: revision.id } });
  const row = await applyPublicState(tx, result, next, actor, { status: "PUBLISHED", publishedAt });
  const written = await loadResultForWrite(tx, result.id);
  const after = snapshotState(publicState(written!), { status: row.status, publishedAt: row.publishedAt, deletedAt: row.deletedAt, pending: false }, await classificationOf(tx, next));
  return { resultId: result.id, revision: true, before: beforeSnapshot, after, version: row.version, row };
}

/**
 * Publish one result and audit it as PUBLISH; when a revision was applied, with both states and
 * their sources, so that a revert puts the published values back and the revision back in review.
 */
async function publishOne(tx: Tx, actor: Actor, result: ResultForWrite, now: Date, audit: { batchId?: string; note?: string }): Promise<void> {
  const published = await publishResultInTransaction(tx, actor, result, now);
  if (!published.revision) {
    await recordResultChange(tx, actor, { action: "PUBLISH", before: result, after: published.row, ...audit });
    return;
  }
  await recordAudit(tx, actor, {
    action: "PUBLISH",
    targetType: "RESULT",
    targetId: result.id,
    year: published.row.year,
    before: published.before,
    after: published.after,
    publishedEdit: result.status === "PUBLISHED",
    batchId: audit.batchId,
    note: [audit.note, "Revisi diterbitkan"].filter(Boolean).join(" · "),
  });
}

async function unpublishOne(tx: Tx, actor: Actor, result: ResultForWrite, audit: { batchId?: string; note?: string }): Promise<void> {
  // A change waiting for review stays waiting: the result is a draft now, with its revision.
  const after = await tx.result.update({
    where: { id: result.id },
    data: { status: "DRAFT", publishedAt: null, updatedBy: actor.email, version: { increment: 1 } },
  });
  await recordResultChange(tx, actor, { action: "UNPUBLISH", before: result, after, ...audit });
}

async function inTransaction(prisma: PrismaClient, work: (tx: Tx) => Promise<number>): Promise<WriteOutcome<{ count: number }>> {
  try {
    const count = await prisma.$transaction(work, { timeout: 120_000 });
    return { ok: true, value: { count } };
  } catch (error) {
    if (error instanceof PublishConflict) return conflict(`${error.message} Tidak ada yang diterbitkan.`);
    throw error;
  }
}

/**
 * Publish a year (or one type within it): its drafts and the pending revisions of its results,
 * all or none. Unpublishing returns its published results to draft (their revisions wait on).
 */
export async function setPublication(
  actor: Actor | null,
  scope: PublishScope,
  publish: boolean,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<{ count: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden(ADMIN_ONLY);
  const inScope = { year: scope.year, ...(scope.entityType ? { entity: { type: scope.entityType } } : {}) };
  const where: Prisma.ResultWhereInput = publish
    ? { ...inScope, OR: [{ status: "DRAFT", deletedAt: null }, { revision: { isNot: null } }] }
    : { ...inScope, status: "PUBLISHED", deletedAt: null };
  const batchId = randomUUID();
  const note = scope.entityType ? `${scope.year} ${scope.entityType}` : String(scope.year);
  return inTransaction(prisma, async (tx) => {
    const rows = await tx.result.findMany({ where, include: RESULT_FOR_WRITE, orderBy: { id: "asc" } });
    const now = new Date();
    for (const row of rows) {
      if (publish) await publishOne(tx, actor, row, now, { batchId, note });
      else await unpublishOne(tx, actor, row, { batchId, note });
    }
    // The year's group statements (figures a source states for a whole group) go with its results;
    // by type, those about that type alone (a statement about all Pemda goes with the whole year).
    await tx.groupStatement.updateMany({
      where: { year: scope.year, status: publish ? "DRAFT" : "PUBLISHED", ...(scope.entityType ? { entityGroup: scope.entityType } : {}) },
      data: { status: publish ? "PUBLISHED" : "DRAFT" },
    });
    return rows.length;
  });
}

/**
 * Publish one result — a draft, or the revision of a published one — or return it to draft.
 * `expectedVersion` (when given) is the version the admin saw: a change made since is a 409.
 */
export async function setResultPublication(
  actor: Actor | null,
  id: number,
  publish: boolean,
  prisma: PrismaClient = db(),
  expectedVersion: number | null = null,
): Promise<WriteOutcome<{ count: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden(ADMIN_ONLY);
  const current = await loadResultForWrite(prisma, id);
  if (expectedVersion !== null && current && current.version !== expectedVersion) return staleVersion(current.version);
  return inTransaction(prisma, async (tx) => {
    const row = await loadResultForWrite(tx, id);
    if (!row || (expectedVersion !== null && row.version !== expectedVersion)) return 0;
    if (publish) {
      if (row.status === "PUBLISHED" ? row.revision === null : row.deletedAt !== null) return 0;
      await publishOne(tx, actor, row, new Date(), {});
    } else {
      if (row.status !== "PUBLISHED" || row.deletedAt !== null) return 0;
      await unpublishOne(tx, actor, row, {});
    }
    return 1;
  });
}

/**
 * Discard the change waiting for review of one result: the public state stays, the revision
 * goes (audited as DISCARD with both, so that a revert brings the revision back).
 */
export async function discardRevision(
  actor: Actor | null,
  id: number,
  expectedVersion: number | null,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<{ count: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat membuang revisi.");
  const current = await loadResultForWrite(prisma, id);
  if (!current || !current.revision) return notFound("Hasil ini tidak punya revisi yang menunggu tinjauan.");
  if (expectedVersion !== null && expectedVersion !== current.version) return staleVersion(current.version);
  return prisma.$transaction(async (tx) => {
    const bumped = await tx.result.updateMany({ where: { id, version: current.version }, data: { version: { increment: 1 } } });
    if (bumped.count === 0) return staleVersion(current.version + 1);
    const proposed = workingState(current);
    const published = publicState(current);
    await tx.resultRevision.delete({ where: { id: current.revision!.id } });
    const context = { status: current.status, publishedAt: current.publishedAt, deletedAt: current.deletedAt };
    await recordAudit(tx, actor, {
      action: "DISCARD",
      targetType: "RESULT",
      targetId: id,
      year: current.year,
      before: snapshotState(proposed, { ...context, pending: true }, await classificationOf(tx, proposed)),
      after: snapshotState(published, { ...context, pending: false }, await classificationOf(tx, published)),
      publishedEdit: current.status === "PUBLISHED",
      note: "Revisi dibuang: halaman publik tidak berubah.",
    });
    return { ok: true as const, value: { count: 1 } };
  });
}
