/**
 * Every write of a result, shared by the admin server actions and the write API:
 * authenticate → validate (lib/ledger/schemas/result.ts) → authorize (lib/ledger/access.ts) →
 * write and audit in one transaction. A rejected write leaves the database as it was.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canWriteInProvince, isAdmin, type Actor } from "@/lib/ledger/access";
import { storedClassification } from "./classification";
import { parseId } from "@/lib/domain/numbers";
import { hundredthsToDecimalString } from "@/lib/domain/score";
import type { Category, Methodology, Zone } from "@/lib/domain/types";
import { loadMethodology, type MethodologyRecord } from "@/lib/db/methodologies";
import { DUPLICATE_PARAM, categoryMismatch, resultSchema, type ResultCheckContext, type ResultInput } from "@/lib/ledger/schemas/result";
import { recordResultChange } from "./audit";
import { db } from "@/lib/db/client";
import { forbidden, invalid, notFound, staleVersion, unauthenticated, versionRequired, type WriteOutcome } from "./outcome";

export interface WrittenResult {
  id: number;
  version: number;
  status: string;
}

type MethodologyWithDimensions = MethodologyRecord;

function checkContext(prisma: PrismaClient, currentResultId?: number): ResultCheckContext {
  return {
    methodology: (year) => loadMethodology(prisma, year),
    entityExists: async (entityId) => (await prisma.entity.count({ where: { id: entityId } })) > 0,
    existingResultId: async (entityId, year) =>
      (await prisma.result.findUnique({ where: { entityId_year: { entityId, year } }, select: { id: true } }))?.id ?? null,
    currentResultId,
  };
}

type Validated = { ok: true; input: ResultInput; methodology: MethodologyWithDimensions | null } | { ok: false; failure: WriteOutcome<never> };

async function validate(prisma: PrismaClient, raw: unknown, currentResultId?: number): Promise<Validated> {
  const parsed = await resultSchema(checkContext(prisma, currentResultId)).safeParseAsync(raw);
  if (!parsed.success) {
    const duplicate = parsed.error.issues.find(
      (issue) => issue.code === "custom" && (issue as { params?: Record<string, unknown> }).params?.[DUPLICATE_PARAM] !== undefined,
    );
    if (duplicate && parsed.error.issues.length === 1) {
      return { ok: false, failure: { ok: false, status: 409, error: "duplicate", message: duplicate.message } };
    }
    return { ok: false, failure: invalid(parsed.error.issues) };
  }
  return { ok: true, input: parsed.data, methodology: await loadMethodology(prisma, parsed.data.year) };
}

/** The stored columns of a validated input, with zone/category computed from the year's bands. */
function resultColumns(input: ResultInput, methodology: Methodology | null) {
  return {
    score: input.score,
    dimensionScores: input.dimensionScores ? JSON.stringify(input.dimensionScores) : null,
    publishedZone: input.publishedZone,
    publishedCategory: input.publishedCategory,
    publishedOpinion: input.publishedOpinion,
    ...storedClassification(input.score, methodology),
    sourceUrl: input.sourceUrl,
    notes: input.notes,
  };
}

async function entityProvince(prisma: PrismaClient, entityId: number): Promise<number | null> {
  return (await prisma.entity.findUnique({ where: { id: entityId }, select: { provinceId: true } }))?.provinceId ?? null;
}

const OUTSIDE_SCOPE = "Instansi ini di luar provinsi yang boleh Anda ubah.";

/** Create a result as a DRAFT: invisible to the public until an admin publishes it. */
export async function createResult(actor: Actor | null, raw: unknown, prisma: PrismaClient = db()): Promise<WriteOutcome<WrittenResult>> {
  if (!actor) return unauthenticated();
  const validated = await validate(prisma, raw);
  if (!validated.ok) {
    // An editor learns nothing about entities outside its provinces, not even duplicates.
    const entityId = parseId((raw as { entityId?: unknown } | null)?.entityId);
    if (entityId !== null && !isAdmin(actor)) {
      const entity = await prisma.entity.findUnique({ where: { id: entityId }, select: { provinceId: true } });
      if (entity && !canWriteInProvince(actor, entity.provinceId)) return forbidden(OUTSIDE_SCOPE);
    }
    return validated.failure;
  }
  const { input, methodology } = validated;
  const provinceId = await entityProvince(prisma, input.entityId);
  if (!canWriteInProvince(actor, provinceId)) return forbidden(OUTSIDE_SCOPE);

  const created = await prisma.$transaction(async (tx) => {
    const result = await tx.result.create({
      data: {
        entityId: input.entityId,
        year: input.year,
        provinceId,
        ...resultColumns(input, methodology),
        status: "DRAFT",
        createdBy: actor.email,
        updatedBy: actor.email,
        ...(input.sourceUrl
          ? { sources: { create: { isPrimary: true, score: input.score, zone: input.publishedZone, category: input.publishedCategory, opinion: input.publishedOpinion, sourceUrl: input.sourceUrl, origin: "admin" } } }
          : {}),
      },
    });
    await recordResultChange(tx, actor, { action: "CREATE", before: null, after: result });
    return result;
  });
  return { ok: true, value: { id: created.id, version: created.version, status: created.status } };
}

/** The stored result as raw input (what the form shows and a partial PATCH starts from). */
export function resultAsInput(result: {
  entityId: number;
  year: number;
  score: number | null;
  dimensionScores: string | null;
  publishedZone: string | null;
  publishedCategory: string | null;
  publishedOpinion: string | null;
  sourceUrl: string | null;
  notes: string;
}): Record<string, unknown> {
  const dimensions = result.dimensionScores ? (JSON.parse(result.dimensionScores) as Record<string, number>) : null;
  return {
    entityId: result.entityId,
    year: result.year,
    score: result.score === null ? null : hundredthsToDecimalString(result.score),
    dimensionScores: dimensions
      ? Object.fromEntries(Object.entries(dimensions).map(([code, v]) => [code, hundredthsToDecimalString(v)]))
      : null,
    publishedZone: result.publishedZone,
    publishedCategory: result.publishedCategory,
    publishedOpinion: result.publishedOpinion,
    sourceUrl: result.sourceUrl,
    notes: result.notes,
  };
}

/**
 * Update a result. `patch` may hold only the fields that change (the API's PATCH); the rest
 * keep their stored values. `expectedVersion` is the version the editor opened: if someone
 * changed the result since, nothing is written and the caller gets 409 "stale"; null (the
 * caller sent none) is refused with 428 once access and input are checked.
 */
export async function updateResult(
  actor: Actor | null,
  id: number,
  patch: Record<string, unknown>,
  expectedVersion: number | null,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<WrittenResult>> {
  if (!actor) return unauthenticated();
  const existing = await prisma.result.findUnique({ where: { id }, include: { entity: { select: { provinceId: true } } } });
  if (!existing || existing.deletedAt) return notFound("Hasil tidak ditemukan.");
  if (!canWriteInProvince(actor, existing.entity.provinceId)) return forbidden(OUTSIDE_SCOPE);
  if (expectedVersion !== null && expectedVersion !== existing.version) return staleVersion(existing.version);

  const methodologyBefore = await loadMethodology(prisma, existing.year);
  // A disagreement already stored was confirmed when it was written; it need not be confirmed again.
  const alreadyConfirmed =
    categoryMismatch(
      { score: existing.score, publishedZone: existing.publishedZone as Zone | null, publishedCategory: existing.publishedCategory as Category | null },
      methodologyBefore,
    ) !== null;
  const raw = { ...resultAsInput(existing), confirmCategoryMismatch: alreadyConfirmed, ...patch };
  const validated = await validate(prisma, raw, id);
  if (!validated.ok) return validated.failure;
  const { input, methodology } = validated;
  const provinceId = input.entityId === existing.entityId ? existing.provinceId : await entityProvince(prisma, input.entityId);
  if (input.entityId !== existing.entityId && !canWriteInProvince(actor, provinceId)) return forbidden(OUTSIDE_SCOPE);
  if (expectedVersion === null) return versionRequired(existing.version);

  return prisma.$transaction(async (tx) => {
    const written = await tx.result.updateMany({
      where: { id, version: existing.version, deletedAt: null },
      data: {
        entityId: input.entityId,
        year: input.year,
        provinceId,
        ...resultColumns(input, methodology),
        updatedBy: actor.email,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) {
      const current = await tx.result.findUnique({ where: { id }, select: { version: true } });
      return staleVersion(current?.version ?? existing.version);
    }
    const after = await tx.result.findUniqueOrThrow({ where: { id } });
    if (input.sourceUrl) {
      await tx.resultSource.updateMany({ where: { resultId: id, origin: "admin" }, data: { sourceUrl: input.sourceUrl, score: input.score } });
    }
    await recordResultChange(tx, actor, { action: "UPDATE", before: existing, after, publishedEdit: existing.status === "PUBLISHED" });
    return { ok: true as const, value: { id, version: after.version, status: after.status } };
  });
}

/** Soft delete: the row stays (restorable) and leaves every public read. */
export async function deleteResult(
  actor: Actor | null,
  id: number,
  expectedVersion: number | null,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<WrittenResult>> {
  return setDeleted(actor, id, expectedVersion ?? "required", true, prisma);
}

export async function restoreResult(
  actor: Actor | null,
  id: number,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<WrittenResult>> {
  return setDeleted(actor, id, "unchecked", false, prisma);
}

async function setDeleted(
  actor: Actor | null,
  id: number,
  expectedVersion: number | "required" | "unchecked",
  deleted: boolean,
  prisma: PrismaClient,
): Promise<WriteOutcome<WrittenResult>> {
  if (!actor) return unauthenticated();
  const existing = await prisma.result.findUnique({ where: { id }, include: { entity: { select: { provinceId: true } } } });
  if (!existing || (existing.deletedAt !== null) !== !deleted) return notFound("Hasil tidak ditemukan.");
  if (!canWriteInProvince(actor, existing.entity.provinceId)) return forbidden(OUTSIDE_SCOPE);
  if (expectedVersion === "required") return versionRequired(existing.version);
  if (typeof expectedVersion === "number" && expectedVersion !== existing.version) return staleVersion(existing.version);
  return prisma.$transaction(async (tx) => {
    const written = await tx.result.updateMany({
      where: { id, version: existing.version },
      data: { deletedAt: deleted ? new Date() : null, updatedBy: actor.email, version: { increment: 1 } },
    });
    if (written.count === 0) return staleVersion(existing.version + 1);
    const after = await tx.result.findUniqueOrThrow({ where: { id } });
    await recordResultChange(tx, actor, { action: deleted ? "DELETE" : "RESTORE", before: existing, after, publishedEdit: existing.status === "PUBLISHED" });
    return { ok: true as const, value: { id, version: after.version, status: after.status } };
  });
}
