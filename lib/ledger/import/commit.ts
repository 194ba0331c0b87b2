/**
 * Importing results from a file: read the database into an ImportContext, plan (the dry run,
 * lib/import/plan.ts), then commit the whole plan in one transaction with one audit entry —
 * every row or none. Re-importing the same file changes nothing. A revert undoes the import.
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { buildEntityIndex } from "@/lib/domain/match";
import { entityKey, provinceKey } from "@/lib/domain/normalize";
import type { Category, EntityType, Zone } from "@/lib/domain/types";
import { parseImportFile } from "@/lib/ledger/import/parse";
import { planImport, sourceFingerprint, type ExistingResult, type ImportContext, type ImportPlan } from "@/lib/ledger/import/plan";
import { storedClassificationFor } from "../classification";
import { recordAudit } from "@/lib/ledger/audit";
import { insertRows } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";
import { loadMethodologies } from "@/lib/db/methodologies";

export async function loadImportContext(
  prisma: PrismaClient,
  actor: Actor,
  options: { createEntities: boolean },
): Promise<ImportContext> {
  const [entities, provinces, methodologies, results] = await Promise.all([
    prisma.entity.findMany({ select: { id: true, type: true, name: true, slug: true, provinceId: true, aliases: { select: { key: true } } } }),
    prisma.province.findMany({ select: { id: true, name: true, splitFromId: true, formedIn: true } }),
    loadMethodologies(prisma),
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

const RESULT_COLUMNS = [
  "entityId", "year", "provinceId", "score", "publishedZone", "publishedCategory", "publishedOpinion",
  "computedZone", "computedCategory", "computedLabel", "publishedNationalRank", "publishedProvinceRank",
  "status", "publishedAt", "sourceUrl", "notes", "hasConflict", "version", "createdBy", "updatedBy", "createdAt", "updatedAt",
] as const;
const SOURCE_COLUMNS = ["resultId", "isPrimary", "score", "zone", "category", "opinion", "nationalRank", "provinceRank", "sourceUrl", "notes", "origin"] as const;

export type PlanOutcome = { ok: true; plan: ImportPlan } | { ok: false; message: string };

/** The dry run of a file: parse, then plan against the database. Writes nothing. */
export async function planImportFile(
  name: string,
  data: Uint8Array,
  actor: Actor,
  options: { createEntities: boolean; onParsed?: (rows: number) => Promise<void> | void },
  prisma: PrismaClient = db(),
): Promise<PlanOutcome> {
  const parsed = await parseImportFile(name, data);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.rows.length === 0) return { ok: false, message: "Berkas tidak memuat baris data." };
  // A progress display learns the row count before the (longer) matching and validation.
  await options.onParsed?.(parsed.rows.length);
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
  updated: { id: number; before: Record<string, unknown>; primarySourceIds: number[] }[];
  /** Sources the import added carry origin "import:<batchId>:<line>". */
  batchId: string;
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
      const record: ImportRecord = { file: options.fileName, published: options.publish, createdResultIds: [], createdEntityIds: [], updated: [], batchId };

      // New entities in bulk, with their names as aliases for later matching.
      const newEntityIds = new Map<number, number>();
      if (plan.newEntities.length > 0) {
        await tx.entity.createMany({
          data: plan.newEntities.map((n) => ({ type: n.type, name: n.name, slug: n.slug, provinceId: n.provinceId })),
        });
        const bySlug = new Map<string, number>();
        for (let i = 0; i < plan.newEntities.length; i += 500) {
          const slugs = plan.newEntities.slice(i, i + 500).map((n) => n.slug);
          for (const e of await tx.entity.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) bySlug.set(e.slug, e.id);
        }
        for (const n of plan.newEntities) {
          newEntityIds.set(n.ref, bySlug.get(n.slug)!);
          record.createdEntityIds.push(bySlug.get(n.slug)!);
        }
        await tx.entityAlias.createMany({
          data: plan.newEntities.flatMap((n) =>
            [...new Set([n.name, ...n.aliases])].map((alias) => ({ entityId: bySlug.get(n.slug)!, alias, key: entityKey(n.type, alias) })),
          ),
        });
      }
      const entityIdOf = (g: (typeof plan.groups)[number]) => (g.entity.kind === "existing" ? g.entity.id : newEntityIds.get(g.entity.ref)!);

      // Creations in bulk: results first, then their sources.
      const creations = changing.filter((g) => g.action === "create");
      const status = options.publish ? "PUBLISHED" : "DRAFT";
      const stamp = now;
      await insertRows(
        tx,
        "Result",
        RESULT_COLUMNS,
        creations.map((g) => [
          entityIdOf(g),
          g.year,
          g.fields.provinceId,
          g.fields.score,
          g.fields.publishedZone,
          g.fields.publishedCategory,
          g.fields.publishedOpinion,
          g.computed.computedZone,
          g.computed.computedCategory,
          g.computed.computedLabel,
          g.fields.publishedNationalRank,
          g.fields.publishedProvinceRank,
          status,
          options.publish ? stamp : null,
          g.fields.sourceUrl,
          g.notes,
          g.hasConflict,
          1,
          actor.email,
          actor.email,
          stamp,
          stamp,
        ]),
      );
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
      await insertRows(
        tx,
        "ResultSource",
        SOURCE_COLUMNS,
        sourceRows.map((r) => SOURCE_COLUMNS.map((c) => (r as Record<string, string | number | boolean | null>)[c] ?? null)),
      );

      // Updates: the before values of all of them first, then the new sources in bulk, then
      // one UPDATE per result (each has its own values).
      const updates = changing.filter((x) => x.action === "update");
      const beforeById = new Map<number, Awaited<ReturnType<typeof tx.result.findMany>>[number]>();
      const primaryBefore = new Map<number, number[]>();
      for (let i = 0; i < updates.length; i += 500) {
        const ids = updates.slice(i, i + 500).map((g) => g.existing!.id);
        for (const r of await tx.result.findMany({ where: { id: { in: ids } } })) beforeById.set(r.id, r);
        for (const s of await tx.resultSource.findMany({ where: { resultId: { in: ids }, isPrimary: true }, select: { id: true, resultId: true } })) {
          primaryBefore.set(s.resultId, [...(primaryBefore.get(s.resultId) ?? []), s.id]);
        }
        await tx.resultSource.updateMany({ where: { resultId: { in: ids } }, data: { isPrimary: false } });
      }
      const addedSources: Prisma.ResultSourceCreateManyInput[] = [];
      for (const g of updates) {
        const id = g.existing!.id;
        for (const s of g.sources) if (!g.existing!.sources.has(sourceFingerprint(s))) addedSources.push(sourceRow(id, s, batchId));
        // A primary source that was already stored gets its flag back; a new one is inserted with it.
        const primary = g.sources.find((s) => s.isPrimary)!;
        if (g.existing!.sources.has(sourceFingerprint(primary))) {
          await tx.resultSource.updateMany({ where: { resultId: id, sourceUrl: primary.sourceUrl, score: primary.score }, data: { isPrimary: true } });
        }
        await tx.result.update({
          where: { id },
          data: {
            ...g.fields,
            ...g.computed,
            hasConflict: g.hasConflict,
            notes: g.notes,
            version: { increment: 1 },
            updatedBy: actor.email,
          },
        });
        record.updated.push({
          id,
          before: JSON.parse(JSON.stringify(beforeById.get(id))) as Record<string, unknown>,
          primarySourceIds: primaryBefore.get(id) ?? [],
        });
      }
      await insertRows(
        tx,
        "ResultSource",
        SOURCE_COLUMNS,
        addedSources.map((r) => SOURCE_COLUMNS.map((c) => (r as Record<string, string | number | boolean | null>)[c] ?? null)),
      );

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
      await tx.resultSource.deleteMany({ where: { origin: { startsWith: `import:${record.batchId}:` } } });
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
