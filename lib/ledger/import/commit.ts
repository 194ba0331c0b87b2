/**
 * Apply an import plan (plan.ts) in one transaction — every row or none — and record it in one
 * audit entry, which a revert undoes (revert-import.ts). In order: the new entities, the
 * results created, the results updated (a published one, unless the import publishes, through
 * its pending revision: lib/ledger/revisions.ts), the audit record. Zone, category and label are derived
 * from the bands in force when the transaction writes (lib/ledger/classification.ts), not when
 * the plan was made. Re-importing the same file changes nothing.
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { entityKey } from "@/lib/domain/normalize";
import type { Category, Methodology, Zone } from "@/lib/domain/types";
import { recordAudit } from "@/lib/ledger/audit";
import { insertRows } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";
import { loadMethodologies } from "@/lib/db/methodologies";
import { storedClassification } from "../classification";
import { resultKey, sourceIdentity, type EntityRef, type NewEntity } from "./context";
import { loadResultForWrite, RESULT_FOR_WRITE, workingState, writeWorkingStates, type ResultForWrite, type ResultState, type WorkingSource } from "../revisions";
import type { GroupPlan, ImportPlan, StatementPlan } from "./plan";

type Tx = Prisma.TransactionClient;

/** Columns of the multi-row INSERTs (lib/db/bulk.ts), in the order of the values. */
const RESULT_INSERT_COLUMNS = [
  "entityId", "year", "provinceId", "score", "publishedZone", "publishedCategory", "publishedOpinion",
  "computedZone", "computedCategory", "computedLabel", "publishedNationalRank", "publishedProvinceRank",
  "status", "publishedAt", "sourceUrl", "notes", "hasConflict", "version", "createdBy", "updatedBy", "createdAt", "updatedAt",
] as const;
const SOURCE_INSERT_COLUMNS = [
  "resultId", "isPrimary", "score", "zone", "category", "opinion", "nationalRank", "provinceRank", "sourceUrl", "notes", "origin",
  "yearInferred", "rankFromList", "provinceRankWithinType", "disputed",
] as const;

/** How an applied plan writes: published or as drafts, and the origin each source row records. */
export interface ApplyOptions {
  publish: boolean;
  /** The origin of the source read from a line of the file ("import:<batch>:<line>", "results.csv:<line>"). */
  origin: (line: number) => string;
}

/** What an IMPORT audit entry keeps, so that a revert can undo it exactly. */
export interface ImportRecord {
  file: string;
  published: boolean;
  createdResultIds: number[];
  createdEntityIds: number[];
  updated: { id: number; before: Record<string, unknown>; primarySourceIds: number[] }[];
  /**
   * Pending revisions the import wrote (an update of a published result) or replaced (a publishing
   * import's update of a result with a change waiting): each result's revision before, none when null.
   */
  revised?: { id: number; before: ResultState | null }[];
  /** Group statements the import created, and members it added to stored ones (absent in older records). */
  createdStatementIds?: number[];
  addedStatementMembers?: { statementId: number; entityId: number }[];
  /** Sources the import added carry origin "import:<batchId>:<line>". */
  batchId: string;
}

/** What applying a plan wrote. */
export interface Applied {
  createdResultIds: number[];
  createdEntityIds: number[];
  updated: ImportRecord["updated"];
  revised: NonNullable<ImportRecord["revised"]>;
  sourcesAdded: number;
  createdStatementIds: number[];
  addedStatementMembers: { statementId: number; entityId: number }[];
}

const importOrigin = (batchId: string) => (line: number) => `import:${batchId}:${line}`;

/**
 * Write a plan inside the caller's transaction, without an audit entry (commitImport adds one;
 * the seed, the database's first load, has none). Groups marked unchanged are not touched.
 */
export async function applyImportPlan(tx: Tx, plan: ImportPlan, actor: Actor, options: ApplyOptions): Promise<Applied> {
  const changing = plan.groups.filter((g) => g.action !== "unchanged");
  const methodologies = await loadMethodologies(tx, [...new Set(changing.map((g) => g.year))]);
  const newEntityIds = await createEntities(tx, plan.newEntities);
  const entityIdOf = (g: GroupPlan) => (g.entity.kind === "existing" ? g.entity.id : newEntityIds.get(g.entity.ref)!);
  const created = await insertCreations(
    tx,
    changing.filter((g) => g.action === "create"),
    { entityIdOf, methodologies, actor, ...options },
  );
  const updates = changing.filter((g) => g.action === "update");
  // Revisions replaced by a publishing import: recorded before the update removes them.
  const superseded = await revisionsOf(tx, updates.filter((g) => !g.review && g.existing!.hasRevision));
  const updated = await applyUpdates(tx, updates.filter((g) => !g.review), { methodologies, actor, origin: options.origin });
  const reviewed = await proposeUpdates(tx, updates.filter((g) => g.review), { actor, origin: options.origin });
  const idOf = (ref: EntityRef) => (ref.kind === "existing" ? ref.id : newEntityIds.get(ref.ref)!);
  const statements = await applyStatements(tx, plan.statements, idOf, actor, options);
  return {
    createdResultIds: created.resultIds,
    createdEntityIds: [...newEntityIds.values()],
    updated: updated.record,
    revised: [...superseded, ...reviewed.record],
    sourcesAdded: created.sources + updated.sources + reviewed.sources,
    ...statements,
  };
}

/** Group statements: new ones with their members, and members added to stored ones. */
async function applyStatements(
  tx: Tx,
  statements: readonly StatementPlan[],
  idOf: (ref: EntityRef) => number,
  actor: Actor,
  options: ApplyOptions,
): Promise<Pick<Applied, "createdStatementIds" | "addedStatementMembers">> {
  const createdStatementIds: number[] = [];
  const addedStatementMembers: Applied["addedStatementMembers"] = [];
  for (const st of statements) {
    if (st.action === "unchanged") continue;
    let statementId = st.existingId;
    if (statementId === null) {
      const row = await tx.groupStatement.create({
        data: {
          year: st.key.year,
          provinceId: st.key.provinceId,
          entityGroup: st.key.entityGroup,
          zone: st.key.zone,
          category: st.key.category,
          opinion: st.key.opinion,
          sourceUrl: st.key.sourceUrl,
          yearInferred: st.yearInferred,
          status: options.publish ? "PUBLISHED" : "DRAFT",
          notes: st.notes,
          origin: st.lines.map(options.origin).join(" "),
          createdBy: actor.email,
        },
        select: { id: true },
      });
      statementId = row.id;
      createdStatementIds.push(statementId);
    }
    const members = st.newMembers.map((ref) => ({ statementId: statementId!, entityId: idOf(ref) }));
    await tx.groupStatementMember.createMany({ data: members });
    if (st.existingId !== null) addedStatementMembers.push(...members);
  }
  return { createdStatementIds, addedStatementMembers };
}

/** The new entities in bulk, with every spelling the file used as an alias; their ids by plan ref. */
async function createEntities(tx: Tx, entities: readonly NewEntity[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (entities.length === 0) return ids;
  await tx.entity.createMany({
    data: entities.map((n) => ({ type: n.type, name: n.name, slug: n.slug, provinceId: n.provinceId, regencyId: n.regencyId })),
  });
  const bySlug = new Map<string, number>();
  for (let i = 0; i < entities.length; i += 500) {
    const slugs = entities.slice(i, i + 500).map((n) => n.slug);
    for (const e of await tx.entity.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) bySlug.set(e.slug, e.id);
  }
  for (const n of entities) ids.set(n.ref, bySlug.get(n.slug)!);
  await tx.entityAlias.createMany({
    data: entities.flatMap((n) => [...new Set([n.name, ...n.aliases])].map((alias) => ({ entityId: ids.get(n.ref)!, alias, key: entityKey(n.type, alias) }))),
  });
  return ids;
}

const classificationOf = (g: GroupPlan, methodologies: ReadonlyMap<number, Methodology>) =>
  storedClassification(g.fields.score, methodologies.get(g.year));

/** Creations in bulk: the results first, then their sources. */
async function insertCreations(
  tx: Tx,
  creations: readonly GroupPlan[],
  c: ApplyOptions & { entityIdOf: (g: GroupPlan) => number; methodologies: ReadonlyMap<number, Methodology>; actor: Actor },
): Promise<{ resultIds: number[]; sources: number }> {
  if (creations.length === 0) return { resultIds: [], sources: 0 };
  const stamp = new Date();
  await insertRows(
    tx,
    "Result",
    RESULT_INSERT_COLUMNS,
    creations.map((g) => {
      const computed = classificationOf(g, c.methodologies);
      return [
        c.entityIdOf(g), g.year, g.fields.provinceId, g.fields.score, g.fields.publishedZone, g.fields.publishedCategory, g.fields.publishedOpinion,
        computed.computedZone, computed.computedCategory, computed.computedLabel, g.fields.publishedNationalRank, g.fields.publishedProvinceRank,
        c.publish ? "PUBLISHED" : "DRAFT", c.publish ? stamp : null, g.fields.sourceUrl, g.notes, g.hasConflict, 1, c.actor.email, c.actor.email, stamp, stamp,
      ];
    }),
  );
  // (entity, year) is unique and none of these existed before: the rows found are ours.
  const wanted = new Set(creations.map((g) => resultKey(c.entityIdOf(g), g.year)));
  const createdIds = new Map<string, number>();
  const rows = await tx.result.findMany({
    // By year only: a list of entity ids would pass SQLite's limit on query parameters.
    where: { year: { in: [...new Set(creations.map((g) => g.year))] } },
    select: { id: true, entityId: true, year: true },
  });
  for (const r of rows) if (wanted.has(resultKey(r.entityId, r.year))) createdIds.set(resultKey(r.entityId, r.year), r.id);
  const resultIds: number[] = [];
  const sourceRows: SourceRow[] = [];
  for (const g of creations) {
    const id = createdIds.get(resultKey(c.entityIdOf(g), g.year));
    if (id === undefined) throw new Error(`import: created result of ${g.entityName} ${g.year} not found`);
    resultIds.push(id);
    for (const s of g.sources) sourceRows.push(sourceRow(id, s, c.origin));
  }
  await insertSources(tx, sourceRows);
  return { resultIds, sources: sourceRows.length };
}

/**
 * Updates: the before values of all of them first, then the new sources in bulk, then one
 * UPDATE per result (each has its own values).
 */
async function applyUpdates(
  tx: Tx,
  updates: readonly GroupPlan[],
  c: { methodologies: ReadonlyMap<number, Methodology>; actor: Actor; origin: ApplyOptions["origin"] },
): Promise<{ record: ImportRecord["updated"]; sources: number }> {
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
  const record: ImportRecord["updated"] = [];
  const added: SourceRow[] = [];
  for (const g of updates) {
    const existing = g.existing!;
    for (const s of g.sources) if (!existing.sources.has(sourceIdentity(s))) added.push(sourceRow(existing.id, s, c.origin));
    // A primary source that was already stored gets its flag back; a new one is inserted with it.
    const primary = g.sources.find((s) => s.isPrimary)!;
    if (existing.sources.has(sourceIdentity(primary))) {
      await tx.resultSource.updateMany({ where: { resultId: existing.id, sourceUrl: primary.sourceUrl, score: primary.score }, data: { isPrimary: true } });
    }
    await tx.result.update({
      where: { id: existing.id },
      data: {
        ...g.fields,
        ...classificationOf(g, c.methodologies),
        hasConflict: g.hasConflict,
        notes: g.notes,
        version: { increment: 1 },
        updatedBy: c.actor.email,
      },
    });
    record.push({
      id: existing.id,
      before: JSON.parse(JSON.stringify(beforeById.get(existing.id))) as Record<string, unknown>,
      primarySourceIds: primaryBefore.get(existing.id) ?? [],
    });
  }
  await insertSources(tx, added);
  return { record, sources: added.length };
}

/** The pending revisions of some results, as they stand, and their removal (a publishing import replaces them). */
async function revisionsOf(tx: Tx, groups: readonly GroupPlan[]): Promise<NonNullable<ImportRecord["revised"]>> {
  const record: NonNullable<ImportRecord["revised"]> = [];
  for (const g of groups) {
    const result = await loadResultForWrite(tx, g.existing!.id);
    if (!result?.revision) continue;
    record.push({ id: result.id, before: workingState(result) });
    await tx.resultRevision.delete({ where: { id: result.revision.id } });
  }
  return record;
}

/**
 * Updates of results under review, when the import does not publish: each becomes the result's
 * pending revision — the values of the file and its sources beside those already there, exactly
 * as a direct update would store them (applyUpdates) — and the public keeps the published values.
 */
async function proposeUpdates(
  tx: Tx,
  updates: readonly GroupPlan[],
  c: { actor: Actor; origin: ApplyOptions["origin"] },
): Promise<{ record: NonNullable<ImportRecord["revised"]>; sources: number }> {
  if (updates.length === 0) return { record: [], sources: 0 };
  const byId = new Map<number, ResultForWrite>();
  for (let i = 0; i < updates.length; i += 500) {
    const ids = updates.slice(i, i + 500).map((g) => g.existing!.id);
    for (const r of await tx.result.findMany({ where: { id: { in: ids } }, include: RESULT_FOR_WRITE })) byId.set(r.id, r);
    // The result's version counts its revision's changes too.
    await tx.result.updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 } } });
  }
  const record: NonNullable<ImportRecord["revised"]> = [];
  const items: { result: ResultForWrite; state: ResultState }[] = [];
  let sources = 0;
  for (const g of updates) {
    const result = byId.get(g.existing!.id);
    if (!result) throw new Error(`import: result #${g.existing!.id} of ${g.entityName} ${g.year} not found`);
    const working = workingState(result);
    const known = new Set(working.sources.map(identityOf));
    const primary = sourceIdentity(g.sources.find((s) => s.isPrimary)!);
    // As applyUpdates does: every stored source stays, the file's new ones are added, one is primary.
    const kept = working.sources.map((s) => ({ ...s, isPrimary: identityOf(s) === primary }));
    const added = g.sources.filter((s) => !known.has(sourceIdentity(s))).map((s) => newWorkingSource(s, c.origin));
    items.push({ result, state: { ...working, ...g.fields, hasConflict: g.hasConflict, notes: g.notes, sources: [...kept, ...added] } });
    record.push({ id: result.id, before: result.revision ? working : null });
    sources += added.length;
  }
  await writeWorkingStates(tx, items, c.actor);
  return { record, sources };
}

function newWorkingSource(s: GroupPlan["sources"][number], origin: ApplyOptions["origin"]): WorkingSource {
  const { line, alsoLines, ...report } = s;
  // A row repeated in the file is one source: every line it was read from.
  return { ...report, sourceId: null, origin: [line, ...alsoLines].map(origin).join(" ") };
}

const identityOf = (s: WorkingSource) => sourceIdentity({ ...s, zone: s.zone as Zone | null, category: s.category as Category | null });

type SourceRow = Record<(typeof SOURCE_INSERT_COLUMNS)[number], string | number | boolean | null>;

function sourceRow(resultId: number, s: GroupPlan["sources"][number], origin: ApplyOptions["origin"]): SourceRow {
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
    // A row repeated in the file is one source: every line it was read from.
    origin: [s.line, ...s.alsoLines].map(origin).join(" "),
    yearInferred: s.yearInferred,
    rankFromList: s.rankFromList,
    provinceRankWithinType: s.provinceRankWithinType,
    disputed: s.disputed,
  };
}

async function insertSources(tx: Tx, rows: readonly SourceRow[]): Promise<void> {
  await insertRows(tx, "ResultSource", SOURCE_INSERT_COLUMNS, rows.map((r) => SOURCE_INSERT_COLUMNS.map((column) => r[column])));
}

export interface CommitSummary {
  auditId: number | null;
  created: number;
  /** Results changed: directly (drafts; published ones when the import publishes) or for review. */
  updated: number;
  /** Of those, the published results whose change waits for an admin's review. */
  review: number;
  unchanged: number;
  newEntities: string[];
}

/**
 * Apply a plan: all or nothing, in one transaction, with one IMPORT audit entry. New results are
 * drafts unless an ADMIN publishes them with the import. Refuses a plan that has errors.
 */
export async function commitImport(
  plan: ImportPlan,
  actor: Actor,
  options: { publish: boolean; fileName: string },
  prisma: PrismaClient = db(),
): Promise<{ ok: true; summary: CommitSummary } | { ok: false; message: string }> {
  if (!plan.committable) return { ok: false, message: "Impor dibatalkan: masih ada baris yang salah. Tidak ada data yang diubah." };
  if (options.publish && !isAdmin(actor)) return { ok: false, message: "Hanya admin yang dapat langsung menerbitkan hasil impor." };
  const unchanged = plan.groups.filter((g) => g.action === "unchanged").length;
  if (unchanged === plan.groups.length && plan.statements.every((st) => st.action === "unchanged")) {
    return { ok: true, summary: { auditId: null, created: 0, updated: 0, review: 0, unchanged, newEntities: [] } };
  }
  const batchId = randomUUID();
  return prisma.$transaction(
    async (tx) => {
      const applied = await applyImportPlan(tx, plan, actor, { publish: options.publish, origin: importOrigin(batchId) });
      const auditId = await recordImport(tx, actor, {
        file: options.fileName,
        published: options.publish,
        createdResultIds: applied.createdResultIds,
        createdEntityIds: applied.createdEntityIds,
        updated: applied.updated,
        revised: applied.revised,
        createdStatementIds: applied.createdStatementIds,
        addedStatementMembers: applied.addedStatementMembers,
        batchId,
      }, unchanged, plan.review);
      return {
        ok: true as const,
        summary: {
          auditId,
          created: applied.createdResultIds.length,
          updated: applied.updated.length + plan.review,
          review: plan.review,
          unchanged,
          newEntities: plan.newEntities.map((n) => n.name),
        },
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The audit entry of an import: what a revert needs to undo it. */
async function recordImport(tx: Tx, actor: Actor, record: ImportRecord, unchanged: number, review: number): Promise<number> {
  const newEntities = record.createdEntityIds.length;
  return recordAudit(tx, actor, {
    action: "IMPORT",
    targetType: "IMPORT",
    targetId: record.batchId,
    after: record,
    publishedEdit: review > 0 || record.updated.some((u) => u.before.status === "PUBLISHED"),
    batchId: record.batchId,
    note:
      `${record.file}: ${record.createdResultIds.length} baru, ${record.updated.length + review} diubah` +
      `${review ? ` (${review} menunggu tinjauan admin)` : ""}, ${unchanged} tetap${newEntities ? `, ${newEntities} instansi baru` : ""}`,
  });
}
