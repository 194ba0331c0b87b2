/**
 * Entity administration: create, edit (a rename keeps the old name as an alias; a province
 * change is recorded, results keep the province of their own year), and merge duplicates
 * (results and aliases move to the kept entity; the audit rows stay). ADMIN, or an EDITOR for
 * entities of its provinces (merging is ADMIN only).
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canWriteInProvince, isAdmin, type Actor } from "@/lib/ledger/access";
import { entityKey, slugify } from "@/lib/domain/normalize";
import type { EntityType } from "@/lib/domain/types";
import { entityInputSchema, entityMergeSchema, type EntityInput } from "./schemas/entity";
import { recordAudit, recordResultChange } from "./audit";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/text";
import { forbidden, invalid, notFound, unauthenticated, type WriteOutcome } from "./outcome";

type EntityRow = { id: number; name: string; type: string; provinceId: number | null; regencyId: number | null; slug: string };
export const entitySnapshot = (e: EntityRow) => ({ name: e.name, type: e.type, provinceId: e.provinceId, regencyId: e.regencyId, slug: e.slug });

export async function addAlias(tx: Prisma.TransactionClient, entityId: number, type: string, alias: string): Promise<void> {
  const exists = await tx.entityAlias.findUnique({ where: { entityId_alias: { entityId, alias } } });
  if (!exists) await tx.entityAlias.create({ data: { entityId, alias, key: entityKey(type as EntityType, alias) } });
}

async function uniqueSlug(prisma: PrismaClient, name: string): Promise<string> {
  const base = slugify(name) || "instansi";
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await prisma.entity.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

async function checkReferences(prisma: PrismaClient, input: EntityInput) {
  const issues: z.core.$ZodIssue[] = [];
  if (input.provinceId !== null && !(await prisma.province.findUnique({ where: { id: input.provinceId } }))) {
    issues.push({ code: "custom", path: ["provinceId"], message: "Provinsi tidak ditemukan.", input: undefined });
  }
  if (input.regencyId !== null) {
    const regency = await prisma.regency.findUnique({ where: { id: input.regencyId } });
    if (!regency) issues.push({ code: "custom", path: ["regencyId"], message: "Kabupaten/kota tidak ditemukan.", input: undefined });
    else if (input.provinceId !== null && regency.provinceId !== input.provinceId) {
      issues.push({ code: "custom", path: ["regencyId"], message: "Kabupaten/kota itu tidak berada di provinsi yang dipilih.", input: undefined });
    }
  }
  return issues;
}

export async function createEntity(actor: Actor | null, raw: unknown, prisma: PrismaClient = db()): Promise<WriteOutcome<{ id: number; slug: string }>> {
  if (!actor) return unauthenticated();
  const parsed = entityInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
  if (!canWriteInProvince(actor, parsed.data.provinceId)) return forbidden("Instansi ini di luar provinsi yang boleh Anda ubah.");
  const issues = await checkReferences(prisma, parsed.data);
  if (issues.length) return invalid(issues);
  const slug = await uniqueSlug(prisma, parsed.data.name);
  const created = await prisma.$transaction(async (tx) => {
    const entity = await tx.entity.create({ data: { ...parsed.data, slug } });
    await addAlias(tx, entity.id, entity.type, entity.name);
    await recordAudit(tx, actor, { action: "CREATE", targetType: "ENTITY", targetId: entity.id, after: entitySnapshot(entity) });
    return entity;
  });
  return { ok: true, value: { id: created.id, slug: created.slug } };
}

export async function updateEntity(actor: Actor | null, id: number, raw: unknown, prisma: PrismaClient = db()): Promise<WriteOutcome<{ id: number }>> {
  if (!actor) return unauthenticated();
  const existing = await prisma.entity.findUnique({ where: { id } });
  if (!existing) return notFound("Instansi tidak ditemukan.");
  if (!canWriteInProvince(actor, existing.provinceId)) return forbidden("Instansi ini di luar provinsi yang boleh Anda ubah.");
  const parsed = entityInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
  if (!canWriteInProvince(actor, parsed.data.provinceId)) return forbidden("Provinsi tujuan di luar provinsi yang boleh Anda ubah.");
  const issues = await checkReferences(prisma, parsed.data);
  if (issues.length) return invalid(issues);
  await prisma.$transaction(async (tx) => {
    const after = await tx.entity.update({ where: { id }, data: parsed.data });
    // The old name stays findable (search, importer matching) as an alias.
    if (after.name !== existing.name) await addAlias(tx, id, existing.type, existing.name);
    await addAlias(tx, id, after.type, after.name);
    const provinceChanged = after.provinceId !== existing.provinceId;
    await recordAudit(tx, actor, {
      action: "UPDATE",
      targetType: "ENTITY",
      targetId: id,
      before: entitySnapshot(existing),
      after: entitySnapshot(after),
      note: provinceChanged ? "Perubahan provinsi: hasil tahun-tahun sebelumnya tetap mencatat provinsi tahun itu." : "",
    });
  });
  return { ok: true, value: { id } };
}

/** Merge `sourceId` into `targetId` (numbers as typed in the form): results and aliases move, the source entity is removed. */
export async function mergeEntities(actor: Actor | null, sourceId: unknown, targetId: unknown, prisma: PrismaClient = db()): Promise<WriteOutcome<{ moved: number }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat menggabungkan instansi.");
  const parsed = entityMergeSchema.safeParse({ sourceId, targetId });
  if (!parsed.success) return invalid(parsed.error.issues);
  const { sourceId: from, targetId: into } = parsed.data;
  const checked = await checkMerge(prisma, from, into);
  if (!checked.ok) return checked;
  const merged = await prisma.$transaction((tx) => mergeInTransaction(tx, actor, from, into, { action: "MERGE" }));
  return { ok: true, value: { moved: merged.moved } };
}

/** Both entities exist and have no result of the same year (a merge would break the one-result-per-year rule). */
export async function checkMerge(prisma: PrismaClient | Prisma.TransactionClient, sourceId: number, targetId: number): Promise<WriteOutcome<null>> {
  const [source, target] = await Promise.all([
    prisma.entity.findUnique({ where: { id: sourceId }, include: { results: { select: { year: true } } } }),
    prisma.entity.findUnique({ where: { id: targetId }, include: { results: { select: { year: true } } } }),
  ]);
  if (!source || !target) return notFound("Instansi tidak ditemukan.");
  const clash = source.results.filter((r) => target.results.some((t) => t.year === r.year)).map((r) => r.year);
  if (clash.length) {
    return { ok: false, status: 409, error: "conflict", message: `Kedua instansi punya hasil tahun ${clash.join(", ")}: hapus atau pindahkan salah satunya dulu.` };
  }
  return { ok: true, value: null };
}

/** The audit `before` of a merge: enough to restore the source entity (lib/ledger/revert.ts). */
export interface MergeBefore {
  source: ReturnType<typeof entitySnapshot> & { id: number; aliases: string[] };
  resultIds: number[];
}

/**
 * The merge itself, inside the caller's transaction (checked by checkMerge first). Recorded as
 * MERGE, or as REVERT when it redoes a merge that was undone.
 */
export async function mergeInTransaction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  sourceId: number,
  targetId: number,
  audit: { action: "MERGE" | "REVERT"; revertOfId?: number },
): Promise<{ moved: number; auditId: number }> {
  const source = await tx.entity.findUniqueOrThrow({ where: { id: sourceId }, include: { results: true, aliases: true } });
  const target = await tx.entity.findUniqueOrThrow({ where: { id: targetId }, include: { aliases: true } });
  const batchId = randomUUID();
  for (const result of source.results) {
    const after = await tx.result.update({ where: { id: result.id }, data: { entityId: targetId, updatedBy: actor.email, version: { increment: 1 } } });
    await recordResultChange(tx, actor, {
      action: audit.action === "MERGE" ? "UPDATE" : "REVERT",
      before: result,
      after,
      publishedEdit: result.status === "PUBLISHED",
      batchId,
      revertOfId: audit.revertOfId,
      note: `Gabung instansi ${source.name} → ${target.name}`,
    });
  }
  // The aliases the merge gives the target, so that undoing it takes back exactly those.
  const had = new Set(target.aliases.map((a) => a.alias));
  const addedAliases = [...new Set([...source.aliases.map((a) => a.alias), source.name])].filter((a) => !had.has(a));
  for (const alias of addedAliases) await addAlias(tx, targetId, target.type, alias);
  await tx.entity.delete({ where: { id: sourceId } });
  const before: MergeBefore = {
    source: { id: source.id, ...entitySnapshot(source), aliases: source.aliases.map((a) => a.alias) },
    resultIds: source.results.map((r) => r.id),
  };
  const auditId = await recordAudit(tx, actor, {
    action: audit.action,
    targetType: "ENTITY",
    targetId: targetId,
    before,
    after: { target: { id: target.id, ...entitySnapshot(target) }, addedAliases },
    batchId,
    revertOfId: audit.revertOfId,
    note: `Gabung instansi ${source.name} (#${source.id}) → ${target.name} (#${target.id})`,
  });
  return { moved: source.results.length, auditId };
}

export async function listEntities(actor: Actor, query: string, prisma: PrismaClient = db()) {
  return prisma.entity.findMany({
    where: {
      ...(isAdmin(actor) ? {} : { provinceId: { in: [...actor.provinceIds] } }),
      ...(query ? { OR: [{ name: containsText(prisma, query) }, { aliases: { some: { alias: containsText(prisma, query) } } }] } : {}),
    },
    orderBy: { name: "asc" },
    take: 100,
    include: { province: { select: { name: true } }, aliases: { select: { alias: true } }, _count: { select: { results: true } } },
  });
}

export async function listProvinces(prisma: PrismaClient = db()) {
  return prisma.province.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, code: true } });
}
