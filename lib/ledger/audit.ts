import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/ledger/access";

export type AuditAction =
  | "CREATE"
  | "UPDATE"
  | "DELETE"
  | "RESTORE"
  | "PUBLISH"
  | "UNPUBLISH"
  | "MERGE"
  | "REVERT"
  | "IMPORT"
  /** A pending revision thrown away by an admin (lib/ledger/publish.ts). */
  | "DISCARD"
  /** A release submitted for review, scheduled by an admin, or returned with a note (lib/ledger/releases.ts). */
  | "SUBMIT"
  | "SCHEDULE"
  | "RETURN";

export type AuditTarget = "RESULT" | "ENTITY" | "METHODOLOGY" | "USER" | "API_TOKEN" | "IMPORT" | "RELEASE";

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string | number;
  year?: number | null;
  before?: unknown;
  after?: unknown;
  publishedEdit?: boolean;
  revertOfId?: number;
  batchId?: string;
  note?: string;
}

/** Write one audit row inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, entry: AuditEntry): Promise<number> {
  const row = await tx.auditLog.create({
    data: {
      actorId: actor.userId,
      actorEmail: actor.email,
      via: actor.via,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      year: entry.year ?? null,
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      publishedEdit: entry.publishedEdit ?? false,
      revertOfId: entry.revertOfId ?? null,
      batchId: entry.batchId ?? null,
      note: entry.note ?? "",
    },
    select: { id: true },
  });
  return row.id;
}

/** The fields of a result the audit trail keeps (and a revert restores). */
export const RESULT_SNAPSHOT_FIELDS = [
  "entityId",
  "year",
  "provinceId",
  "score",
  "dimensionScores",
  "publishedZone",
  "publishedCategory",
  "publishedOpinion",
  "computedZone",
  "computedCategory",
  "computedLabel",
  "status",
  "publishedAt",
  "sourceUrl",
  "notes",
  "deletedAt",
] as const;

export type ResultSnapshot = Record<(typeof RESULT_SNAPSHOT_FIELDS)[number], unknown>;

export function snapshotResult(result: Record<string, unknown>): ResultSnapshot {
  const snapshot = {} as ResultSnapshot;
  for (const field of RESULT_SNAPSHOT_FIELDS) {
    const value = result[field];
    snapshot[field] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return snapshot;
}

type ResultRow = Record<string, unknown> & { id: number; year: number };

/** The audit row of a change to one result: its snapshot before (null for a creation) and after, under its year. */
export function recordResultChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  change: { action: AuditAction; before: ResultRow | null; after: ResultRow } & Pick<AuditEntry, "publishedEdit" | "revertOfId" | "batchId" | "note">,
): Promise<number> {
  const { before, after, ...entry } = change;
  return recordAudit(tx, actor, {
    ...entry,
    targetType: "RESULT",
    targetId: after.id,
    year: after.year,
    before: before === null ? null : snapshotResult(before),
    after: snapshotResult(after),
  });
}
