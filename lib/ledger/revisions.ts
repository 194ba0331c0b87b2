/**
 * Changes that wait for review (issue 15). A result has a public state — its Result row and its
 * ResultSource rows, what the public record reads — and a working state: the same, or, while a
 * change waits for an admin, its ResultRevision. A result "under review" (published, or with a
 * revision already) is never changed in place by an edit: the edit becomes its revision, and
 * only an admin's publication makes it the public state. A draft is its own working state.
 *
 * Every write that goes through here bumps the result's `version` (the one optimistic-concurrency
 * counter of a result and its revision) and is audited with the working state before and after,
 * as `snapshotState` writes it (with its sources and `pending: true` while it waits), so that a
 * revert can put the prior working state back (lib/ledger/revert.ts).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { storedClassification, storedClassificationFor } from "./classification";
import { loadMethodology } from "@/lib/db/methodologies";
import type { Actor } from "./access";
import { recordAudit, type AuditAction } from "./audit";

type Client = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

/** One source of a working state; `sourceId` is the stored ResultSource it keeps (null: a new one). */
export interface WorkingSource {
  sourceId: number | null;
  isPrimary: boolean;
  score: number | null;
  zone: string | null;
  category: string | null;
  opinion: string | null;
  nationalRank: number | null;
  provinceRank: number | null;
  sourceUrl: string;
  notes: string;
  origin: string;
  /** The facts about the source row, shown to readers (see ResultSource). */
  yearInferred: boolean;
  rankFromList: boolean;
  provinceRankWithinType: boolean;
  disputed: boolean;
}

/** A result as it is (public state) or would be (a revision): everything an edit can change. */
export interface ResultState {
  entityId: number;
  year: number;
  provinceId: number | null;
  score: number | null;
  dimensionScores: string | null;
  publishedZone: string | null;
  publishedCategory: string | null;
  publishedOpinion: string | null;
  publishedNationalRank: number | null;
  publishedProvinceRank: number | null;
  sourceUrl: string | null;
  notes: string;
  hasConflict: boolean;
  deleted: boolean;
  sources: WorkingSource[];
}

const STATE_FIELDS = [
  "entityId",
  "year",
  "provinceId",
  "score",
  "dimensionScores",
  "publishedZone",
  "publishedCategory",
  "publishedOpinion",
  "publishedNationalRank",
  "publishedProvinceRank",
  "sourceUrl",
  "notes",
  "hasConflict",
] as const;

/** A source's stored columns, as ResultSource and RevisionSource both have them. */
const SOURCE_COLUMNS = [
  "isPrimary",
  "score",
  "zone",
  "category",
  "opinion",
  "nationalRank",
  "provinceRank",
  "sourceUrl",
  "notes",
  "origin",
  "yearInferred",
  "rankFromList",
  "provinceRankWithinType",
  "disputed",
] as const satisfies readonly (keyof WorkingSource)[];

const SOURCE_SELECT = { id: true, ...Object.fromEntries(SOURCE_COLUMNS.map((c) => [c, true])) } as { id: true } & Record<(typeof SOURCE_COLUMNS)[number], true>;

/** A working source from a stored row of either table (its other columns left out). */
function workingSource(row: Omit<WorkingSource, "sourceId">, sourceId: number | null): WorkingSource {
  return { sourceId, ...(Object.fromEntries(SOURCE_COLUMNS.map((c) => [c, row[c]])) as Omit<WorkingSource, "sourceId">) };
}

/** What a write needs of a result: the row, its entity's province, its sources and its revision. */
export const RESULT_FOR_WRITE = {
  entity: { select: { provinceId: true } },
  sources: { select: SOURCE_SELECT, orderBy: { id: "asc" } },
  revision: { include: { sources: { orderBy: { id: "asc" } } } },
} as const satisfies Prisma.ResultInclude;

export type ResultForWrite = Prisma.ResultGetPayload<{ include: typeof RESULT_FOR_WRITE }>;

export function loadResultForWrite(client: Client, id: number): Promise<ResultForWrite | null> {
  return client.result.findUnique({ where: { id }, include: RESULT_FOR_WRITE });
}

/** The result as the public record reads it (whether or not it is published). */
export function publicState(result: ResultForWrite): ResultState {
  return {
    ...pickFields(result),
    deleted: result.deletedAt !== null,
    sources: result.sources.map((s) => workingSource(s, s.id)),
  };
}

/** The result as an edit sees it: its revision when one waits, else its public state. */
export function workingState(result: ResultForWrite): ResultState {
  const revision = result.revision;
  if (!revision) return publicState(result);
  return {
    ...pickFields(revision),
    deleted: revision.deleted,
    sources: revision.sources.map((s) => workingSource(s, s.sourceId)),
  };
}

function pickFields(row: Record<(typeof STATE_FIELDS)[number], unknown>): Omit<ResultState, "deleted" | "sources"> {
  return Object.fromEntries(STATE_FIELDS.map((f) => [f, row[f]])) as Omit<ResultState, "deleted" | "sources">;
}

/** Does a change to this result wait for review? Yes once it is published, or while a revision waits. */
export function isUnderReview(result: { status: string; revision: unknown }): boolean {
  return result.status === "PUBLISHED" || result.revision !== null;
}

const sourceKey = (s: WorkingSource) =>
  JSON.stringify([s.sourceId ?? Number.MAX_SAFE_INTEGER, s.isPrimary, s.score, s.zone, s.category, s.opinion, s.nationalRank, s.provinceRank, s.sourceUrl, s.notes, s.origin, s.yearInferred, s.rankFromList, s.provinceRankWithinType, s.disputed]);

/** Two states that would show and store the same (sources compared as a set). */
export function sameState(a: ResultState, b: ResultState): boolean {
  if (a.deleted !== b.deleted) return false;
  if (STATE_FIELDS.some((f) => a[f] !== b[f])) return false;
  const left = a.sources.map(sourceKey).sort();
  const right = b.sources.map(sourceKey).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/**
 * The audit trail's record of a state: the result snapshot fields (lib/ledger/audit.ts), the
 * ranks, the conflict flag and every source, and whether it was a revision waiting for review.
 */
export function snapshotState(
  state: ResultState,
  context: { status: string; publishedAt: Date | null; deletedAt: Date | null; pending: boolean },
  classification: { computedZone: string | null; computedCategory: string | null; computedLabel: string | null },
): Record<string, unknown> {
  return {
    ...pickFields(state),
    ...classification,
    status: context.status,
    publishedAt: context.publishedAt?.toISOString() ?? null,
    deletedAt: state.deleted ? (context.deletedAt ?? new Date()).toISOString() : null,
    sources: state.sources,
    pending: context.pending,
  };
}

const isSourceList = (v: unknown): v is WorkingSource[] =>
  Array.isArray(v) && v.every((s) => typeof s === "object" && s !== null && typeof (s as WorkingSource).sourceUrl === "string");

/**
 * A state from an audit snapshot, over `base`: the fields the snapshot recorded replace the
 * base's (older rows recorded fewer: ranks, conflict flag and sources are then kept).
 */
export function stateFromSnapshot(base: ResultState, snapshot: Record<string, unknown>): ResultState {
  const next: ResultState = { ...base, sources: base.sources };
  const mutable = next as unknown as Record<string, unknown>;
  for (const field of STATE_FIELDS) {
    if (!(field in snapshot)) continue;
    const value = snapshot[field];
    if (field === "notes") mutable[field] = typeof value === "string" ? value : "";
    else if (field === "hasConflict") mutable[field] = value === true;
    else if (field === "entityId" || field === "year") mutable[field] = Number(value);
    else if (["provinceId", "score", "publishedNationalRank", "publishedProvinceRank"].includes(field)) mutable[field] = value === null || value === undefined ? null : Number(value);
    else mutable[field] = typeof value === "string" ? value : null;
  }
  if ("deletedAt" in snapshot) next.deleted = snapshot.deletedAt !== null && snapshot.deletedAt !== undefined;
  if (isSourceList(snapshot.sources)) next.sources = snapshot.sources.map((s) => ({ ...s }));
  return next;
}

/** Zone, category and label of a state by the bands in force (what the audit records beside it). */
export function classificationOf(client: Client, state: ResultState) {
  return storedClassificationFor(client, state.year, state.score);
}

/**
 * Make `state` the result's working state: its revision, created or replaced — or none when the
 * state is the public one (an edit undone by hand, a revert back to what is published).
 * The caller has bumped the version. Returns whether a revision waits afterwards.
 */
export async function writeWorkingState(tx: Tx, result: ResultForWrite, state: ResultState, actor: Actor): Promise<boolean> {
  if (sameState(state, publicState(result))) {
    if (result.revision) await tx.resultRevision.delete({ where: { id: result.revision.id } });
    return false;
  }
  const data = {
    ...pickFields(state),
    deleted: state.deleted,
    updatedBy: actor.email,
  };
  const sources = state.sources.map((s) => workingSource(s, s.sourceId));
  if (result.revision) {
    await tx.revisionSource.deleteMany({ where: { revisionId: result.revision.id } });
    await tx.resultRevision.update({ where: { id: result.revision.id }, data: { ...data, sources: { create: sources } } });
  } else {
    await tx.resultRevision.create({
      data: { ...data, resultId: result.id, baseVersion: result.version, createdBy: actor.email, sources: { create: sources } },
    });
  }
  return true;
}

/**
 * writeWorkingState for many results at once (an import): the revisions replaced are deleted
 * and written again in a few statements, not one round of queries per result. The caller has
 * bumped the versions. Returns, per item, whether a revision waits afterwards.
 */
export async function writeWorkingStates(tx: Tx, items: readonly { result: ResultForWrite; state: ResultState }[], actor: Actor): Promise<boolean[]> {
  const pending = items.map(({ result, state }) => !sameState(state, publicState(result)));
  const replaced = items.flatMap(({ result }) => (result.revision ? [result.revision.id] : []));
  for (let i = 0; i < replaced.length; i += 500) {
    // Their sources go with them (ON DELETE CASCADE).
    await tx.resultRevision.deleteMany({ where: { id: { in: replaced.slice(i, i + 500) } } });
  }
  const written = items.filter((_, i) => pending[i]);
  if (written.length === 0) return pending;
  const now = new Date();
  await tx.resultRevision.createMany({
    data: written.map(({ result, state }) => ({
      ...pickFields(state),
      deleted: state.deleted,
      resultId: result.id,
      baseVersion: result.revision?.baseVersion ?? result.version,
      createdBy: result.revision?.createdBy ?? actor.email,
      createdAt: result.revision?.createdAt ?? now,
      updatedBy: actor.email,
    })),
  });
  const ids = new Map<number, number>();
  for (let i = 0; i < written.length; i += 500) {
    const chunk = written.slice(i, i + 500).map(({ result }) => result.id);
    for (const r of await tx.resultRevision.findMany({ where: { resultId: { in: chunk } }, select: { id: true, resultId: true } })) ids.set(r.resultId, r.id);
  }
  await tx.revisionSource.createMany({
    data: written.flatMap(({ result, state }) => state.sources.map((s) => ({ ...s, revisionId: ids.get(result.id)! }))),
  });
  return pending;
}

export type ProposeOutcome = { ok: true; auditId: number; version: number; pending: boolean } | { ok: false; currentVersion: number };

/**
 * An edit of a result under review: `state` becomes its working state (its revision), the
 * version moves on (only if it is still `expectedVersion`: else nothing is written), and the
 * change is audited with the working state before and after. The public state is not touched.
 */
export async function proposeState(
  tx: Tx,
  actor: Actor,
  result: ResultForWrite,
  state: ResultState,
  expectedVersion: number,
  audit: { action: AuditAction; revertOfId?: number; batchId?: string; note?: string },
): Promise<ProposeOutcome> {
  const bumped = await tx.result.updateMany({ where: { id: result.id, version: expectedVersion }, data: { version: { increment: 1 } } });
  if (bumped.count === 0) {
    const current = await tx.result.findUnique({ where: { id: result.id }, select: { version: true } });
    return { ok: false, currentVersion: current?.version ?? result.version };
  }
  const before = workingState(result);
  const pending = await writeWorkingState(tx, result, state, actor);
  const context = { status: result.status, publishedAt: result.publishedAt, deletedAt: result.deletedAt };
  const auditId = await recordAudit(tx, actor, {
    action: audit.action,
    targetType: "RESULT",
    targetId: result.id,
    year: result.year,
    before: snapshotState(before, { ...context, pending: result.revision !== null }, await classificationOf(tx, before)),
    after: snapshotState(state, { ...context, pending }, await classificationOf(tx, state)),
    publishedEdit: result.status === "PUBLISHED",
    revertOfId: audit.revertOfId,
    batchId: audit.batchId,
    note: audit.note ?? (pending ? REVIEW_NOTE : ""),
  });
  return { ok: true, auditId, version: expectedVersion + 1, pending };
}

export const REVIEW_NOTE = "Menunggu tinjauan admin: halaman publik belum berubah.";

/**
 * Make `state` the public state: the Result row (zone and category from the bands in force, the
 * version moved on) and its sources (kept ones updated, new ones added, the rest removed).
 * Returns the row as written.
 */
export async function applyPublicState(
  tx: Tx,
  result: ResultForWrite,
  state: ResultState,
  actor: Actor,
  publication: { status: string; publishedAt: Date | null },
) {
  const now = new Date();
  const classification = storedClassification(state.score, await loadMethodology(tx, state.year));
  const after = await tx.result.update({
    where: { id: result.id },
    data: {
      ...pickFields(state),
      ...classification,
      status: publication.status,
      publishedAt: publication.publishedAt,
      deletedAt: state.deleted ? (result.deletedAt ?? now) : null,
      updatedBy: actor.email,
      version: { increment: 1 },
    },
  });
  const existing = new Set(result.sources.map((s) => s.id));
  const kept: number[] = [];
  for (const s of state.sources) {
    const { sourceId, ...fields } = s;
    if (sourceId !== null && existing.has(sourceId)) {
      await tx.resultSource.update({ where: { id: sourceId }, data: fields });
      kept.push(sourceId);
    } else {
      kept.push((await tx.resultSource.create({ data: { ...fields, resultId: result.id }, select: { id: true } })).id);
    }
  }
  await tx.resultSource.deleteMany({ where: { resultId: result.id, id: { notIn: kept } } });
  return after;
}

/** Another result that has, or would have by its revision, this entity and year. */
export async function resultHolding(client: Client, entityId: number, year: number, exceptResultId: number | null): Promise<number | null> {
  const other = { not: exceptResultId ?? -1 };
  const stored = await client.result.findFirst({ where: { entityId, year, id: other }, select: { id: true } });
  if (stored) return stored.id;
  const proposed = await client.resultRevision.findFirst({ where: { entityId, year, resultId: other }, select: { resultId: true } });
  return proposed?.resultId ?? null;
}
