/** Draft → published, by year or by type within a year: ADMIN only, one audit row per result. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { recordResultChange } from "./audit";
import { db } from "@/lib/db/client";
import { forbidden, unauthenticated, type WriteOutcome } from "./outcome";

export interface PublishScope {
  year: number;
  /** Only results of entities of this type; all types when absent. */
  entityType?: string | null;
}

export async function setPublication(
  actor: Actor | null,
  scope: PublishScope,
  publish: boolean,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<{ count: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mempublikasikan hasil.");
  const where = {
    year: scope.year,
    deletedAt: null,
    status: publish ? "DRAFT" : "PUBLISHED",
    ...(scope.entityType ? { entity: { type: scope.entityType } } : {}),
  };
  const batchId = randomUUID();
  const count = await prisma.$transaction(
    async (tx) => {
      const rows = await tx.result.findMany({ where });
      const now = new Date();
      for (const row of rows) {
        const after = await tx.result.update({
          where: { id: row.id },
          data: {
            status: publish ? "PUBLISHED" : "DRAFT",
            publishedAt: publish ? now : null,
            updatedBy: actor.email,
            version: { increment: 1 },
          },
        });
        await recordResultChange(tx, actor, {
          action: publish ? "PUBLISH" : "UNPUBLISH",
          before: row,
          after,
          batchId,
          note: scope.entityType ? `${scope.year} ${scope.entityType}` : String(scope.year),
        });
      }
      // The year's group statements (figures a source states for a whole group) go with its results;
      // by type, those about that type alone (a statement about all Pemda goes with the whole year).
      await tx.groupStatement.updateMany({
        where: { year: scope.year, status: publish ? "DRAFT" : "PUBLISHED", ...(scope.entityType ? { entityGroup: scope.entityType } : {}) },
        data: { status: publish ? "PUBLISHED" : "DRAFT" },
      });
      return rows.length;
    },
    { timeout: 120_000 },
  );
  return { ok: true, value: { count } };
}

/** Publish or unpublish one result. */
export async function setResultPublication(
  actor: Actor | null,
  id: number,
  publish: boolean,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<{ count: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mempublikasikan hasil.");
  return prisma.$transaction(async (tx) => {
    const row = await tx.result.findFirst({ where: { id, deletedAt: null, status: publish ? "DRAFT" : "PUBLISHED" } });
    if (!row) return { ok: true as const, value: { count: 0 } };
    const after = await tx.result.update({
      where: { id },
      data: { status: publish ? "PUBLISHED" : "DRAFT", publishedAt: publish ? new Date() : null, updatedBy: actor.email, version: { increment: 1 } },
    });
    await recordResultChange(tx, actor, { action: publish ? "PUBLISH" : "UNPUBLISH", before: row, after });
    return { ok: true as const, value: { count: 1 } };
  });
}
