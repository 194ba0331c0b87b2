/**
 * Importing results from a file: read the database into an ImportContext, plan (the dry run,
 * lib/import/plan.ts), then commit the whole plan in one transaction with one audit entry —
 * every row or none. Re-importing the same file changes nothing. A revert undoes the import.
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/auth/access";
import { buildEntityIndex } from "@/lib/domain/match";
import { entityKey, provinceKey } from "@/lib/domain/normalize";
import type { Category, EntityType, Zone } from "@/lib/domain/types";
import { parseImportFile } from "@/lib/import/parse";
import { planImport, sourceFingerprint, type ExistingResult, type ImportContext, type ImportPlan } from "@/lib/import/plan";
import { recordAudit } from "./audit";
import { db } from "./db";
import { getMethodologies } from "./methodology";

export async function loadImportContext(
  prisma: PrismaClient,
  actor: Actor,
  options: { createEntities: boolean },
): Promise<ImportContext> {
  const [entities, provinces, methodologies, results] = await Promise.all([
    prisma.entity.findMany({ select: { id: true, type: true, name: true, slug: true, provinceId: true, aliases: { select: { key: true } } } }),
    prisma.province.findMany({ select: { id: true, name: true, splitFromId: true, formedIn: true } }),
    getMethodologies(prisma),
    prisma.result.findMany({
      select: {
        id: true,
        entityId: true,
        year: true,
        version: true,
        deletedAt: true,
        provinceId: true,
        score: true,
        publishedZone: true,
        publishedCategory: true,
        publishedOpinion: true,
        publishedNationalRank: true,
        publishedProvinceRank: true,
        sourceUrl: true,
        sources: { select: { score: true, zone: true, category: true, opinion: true, nationalRank: true, provinceRank: true, sourceUrl: true } },
      },
    }),
  ]);
  const existing = new Map<string, ExistingResult>();
  for (const r of results) {
    existing.set(`${r.entityId}|${r.year}`, {
      id: r.id,
      version: r.version,
      deleted: r.deletedAt !== null,
      fields: {
        provinceId: r.provinceId,
        score: r.score,
        publishedZone: r.publishedZone as Zone | null,
        publishedCategory: r.publishedCategory as Category | null,
        publishedOpinion: r.publishedOpinion,
        publishedNationalRank: r.publishedNationalRank,
        publishedProvinceRank: r.publishedProvinceRank,
        sourceUrl: r.sourceUrl,
      },
      sources: new Set(
        r.sources.map((s) => sourceFingerprint({ ...s, zone: s.zone as Zone | null, category: s.category as Category | null })),
      ),
    });
  }
  return {
    index: buildEntityIndex(
      entities.map((e) => ({ id: e.id, type: e.type as EntityType, provinceId: e.provinceId, keys: e.aliases.map((a) => a.key) })),
    ),
    entities: new Map(
      entities.map((e) => [e.id, { id: e.id, type: e.type as EntityType, name: e.name, provinceId: e.provinceId, key: entityKey(e.type as EntityType, e.name) }]),
    ),
    provinces: provinces.map((p) => ({ ...p, key: provinceKey(p.name) })),
    methodologies,
    existing,
    takenSlugs: new Set(entities.map((e) => e.slug)),
    createEntities: options.createEntities,
    actor,
  };
}

export type PlanOutcome = { ok: true; plan: ImportPlan } | { ok: false; message: string };

/** The dry run of a file: parse, then plan against the database. Writes nothing. */
export async function planImportFile(
  name: string,
  data: Uint8Array,
  actor: Actor,
  options: { createEntities: boolean },
  prisma: PrismaClient = db(),
): Promise<PlanOutcome> {
  const parsed = await parseImportFile(name, data);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.rows.length === 0) return { ok: false, message: "Berkas tidak memuat baris data." };
  return { ok: true, plan: planImport(parsed.rows, await loadImportContext(prisma, actor, options)) };
}

export interface CommitSummary {
  auditId: number | null;
  created: number;
  updated: number;
  unchanged: number;
  newEntities: string[];
}

/** What an IMPORT audit entry keeps, so that a revert can undo it exactly. */
interface ImportRecord {
  file: string;
  published: boolean;
  createdResultIds: number[];
  createdEntityIds: number[];
  updated: { id: number; before: Record<string, unknown>; addedSourceIds: number[]; primarySourceIds: number[] }[];
}

/**
 * Apply a plan: all or nothing, in one transaction. New results are drafts unless an ADMIN
 * publishes them with the import. Refuses a plan that has errors.
 */
export async function commitImport(
  plan: ImportPlan,
  actor: Actor,
  options: { publish: boolean; fileName: string },
  prisma: PrismaClient = db(),
): Promise<{ ok: true; summary: CommitSummary } | { ok: false; message: string }> {
  if (!plan.committable) return { ok: false, message: "Impor dibatalkan: masih ada baris yang salah. Tidak ada data yang diubah." };
  if (options.publish && !isAdmin(actor)) return { ok: false, message: "Hanya admin yang dapat langsung menerbitkan hasil impor." };
  const changing = plan.groups.filter((g) => g.action !== "unchanged");
  const unchanged = plan.groups.length - changing.length;
  if (changing.length === 0) {
    return { ok: true, summary: { auditId: null, created: 0, updated: 0, unchanged, newEntities: [] } };
  }
  const batchId = randomUUID();
  const now = new Date();
  return prisma.$transaction(
    async (tx) => {
      const record: ImportRecord = { file: options.fileName, published: options.publish, createdResultIds: [], createdEntityIds: [], updated: [] };

      // New entities, with their names as aliases for later matching.
      const newEntityIds = new Map<number, number>();
      for (const n of plan.newEntities) {
        const created = await tx.entity.create({
          data: {
            type: n.type,
            name: n.name,
            slug: n.slug,
            provinceId: n.provinceId,
            aliases: { create: [...new Set([n.name, ...n.aliases])].map((alias) => ({ alias, key: entityKey(n.type, alias) })) },
          },
          select: { id: true },
        });
        newEntityIds.set(n.ref, created.id);
        record.createdEntityIds.push(created.id);
      }
      const entityIdOf = (g: (typeof plan.groups)[number]) => (g.entity.kind === "existing" ? g.entity.id : newEntityIds.get(g.entity.ref)!);

      // Creations in bulk: results first, then their sources.
      const creations = changing.filter((g) => g.action === "create");
      const status = options.publish ? "PUBLISHED" : "DRAFT";
      for (let i = 0; i < creations.length; i += 1000) {
        await tx.result.createMany({
          data: creations.slice(i, i + 1000).map((g) => ({
            entityId: entityIdOf(g),
            year: g.year,
            ...g.fields,
            computedZone: g.computed.zone,
            computedCategory: g.computed.category,
            computedLabel: g.computed.label,
            status,
            publishedAt: options.publish ? now : null,
            notes: g.notes,
            hasConflict: g.hasConflict,
            createdBy: actor.email,
            updatedBy: actor.email,
          })),
        });
      }
      const createdIds = new Map<string, number>();
      if (creations.length > 0) {
        // (entity, year) is unique and none of these existed before: the rows found are ours.
        const wanted = new Set(creations.map((g) => `${entityIdOf(g)}|${g.year}`));
        const rows = await tx.result.findMany({
          // By year only: a list of entity ids would pass SQLite's limit on query parameters.
          where: { year: { in: [...new Set(creations.map((g) => g.year))] } },
          select: { id: true, entityId: true, year: true },
        });
        for (const r of rows) if (wanted.has(`${r.entityId}|${r.year}`)) createdIds.set(`${r.entityId}|${r.year}`, r.id);
      }
      const sourceRows: Prisma.ResultSourceCreateManyInput[] = [];
      for (const g of creations) {
        const id = createdIds.get(`${entityIdOf(g)}|${g.year}`);
        if (id === undefined) throw new Error(`import: created result of ${g.entityName} ${g.year} not found`);
        record.createdResultIds.push(id);
        for (const s of g.sources) sourceRows.push(sourceRow(id, s, batchId));
      }
      for (let i = 0; i < sourceRows.length; i += 2000) await tx.resultSource.createMany({ data: sourceRows.slice(i, i + 2000) });

      // Updates one by one: keep the before values, add the new sources, move the primary flag.
      for (const g of changing.filter((x) => x.action === "update")) {
        const id = g.existing!.id;
        const before = await tx.result.findUniqueOrThrow({ where: { id }, include: { sources: { select: { id: true, isPrimary: true } } } });
        const added: number[] = [];
        for (const s of g.sources) {
          if (g.existing!.sources.has(sourceFingerprint(s))) continue;
          added.push((await tx.resultSource.create({ data: sourceRow(id, s, batchId), select: { id: true } })).id);
        }
        await tx.resultSource.updateMany({ where: { resultId: id }, data: { isPrimary: false } });
        await tx.resultSource.updateMany({ where: { resultId: id, sourceUrl: g.fields.sourceUrl ?? "", score: g.fields.score }, data: { isPrimary: true } });
        await tx.result.update({
          where: { id },
          data: {
            ...g.fields,
            computedZone: g.computed.zone,
            computedCategory: g.computed.category,
            computedLabel: g.computed.label,
            hasConflict: g.hasConflict,
            notes: g.notes,
            version: { increment: 1 },
            updatedBy: actor.email,
          },
        });
        const { sources, ...fields } = before;
        record.updated.push({
          id,
          before: JSON.parse(JSON.stringify(fields)) as Record<string, unknown>,
          addedSourceIds: added,
          primarySourceIds: sources.filter((s) => s.isPrimary).map((s) => s.id),
        });
      }

      const auditId = await recordAudit(tx, actor, {
        action: "IMPORT",
        targetType: "IMPORT",
        targetId: batchId,
        after: record,
        publishedEdit: record.updated.some((u) => u.before.status === "PUBLISHED"),
        batchId,
        note: `${options.fileName}: ${creations.length} baru, ${record.updated.length} diubah, ${unchanged} tetap${plan.newEntities.length ? `, ${plan.newEntities.length} instansi baru` : ""}`,
      });
      return {
        ok: true as const,
        summary: {
          auditId,
          created: creations.length,
          updated: record.updated.length,
          unchanged,
          newEntities: plan.newEntities.map((n) => n.name),
        },
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function sourceRow(
  resultId: number,
  s: ImportPlan["groups"][number]["sources"][number],
  batchId: string,
): Prisma.ResultSourceCreateManyInput {
  return {
    resultId,
    isPrimary: s.isPrimary,
    score: s.score,
    zone: s.zone,
    category: s.category,
    opinion: s.opinion,
    nationalRank: s.nationalRank,
    provinceRank: s.provinceRank,
    sourceUrl: s.sourceUrl,
    notes: s.notes,
    origin: `import:${batchId}:${s.line}`,
  };
}

/** Undo an import recorded by commitImport: created rows removed, updated rows restored. */
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
      await tx.resultSource.deleteMany({ where: { resultId: { in: record.createdResultIds } } });
      await tx.result.deleteMany({ where: { id: { in: record.createdResultIds } } });
      for (const u of record.updated) {
        await tx.resultSource.deleteMany({ where: { id: { in: u.addedSourceIds } } });
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
            computedZone: b.computedZone as string | null,
            computedCategory: b.computedCategory as string | null,
            computedLabel: b.computedLabel as string | null,
            hasConflict: b.hasConflict as boolean,
            notes: b.notes as string,
            version: { increment: 1 },
            updatedBy: actor.email,
          },
        });
      }
      // Entities the import created go too, unless something else now uses them.
      for (const id of record.createdEntityIds) {
        if ((await tx.result.count({ where: { entityId: id } })) === 0) await tx.entity.delete({ where: { id } });
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
