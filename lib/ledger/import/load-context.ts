/** Read what an import plan needs from the database, once, before planning (context.ts). */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/ledger/access";
import { buildEntityIndex } from "@/lib/domain/match";
import { entityKey, provinceKey } from "@/lib/domain/normalize";
import type { Category, EntityType, Zone } from "@/lib/domain/types";
import { loadMethodologies } from "@/lib/db/methodologies";
import {
  RESULT_FIELD_KEYS,
  regencyKey,
  resultKey,
  sourceIdentity,
  statementKey,
  type ExistingResult,
  type ImportContext,
  type ImportOptions,
  type ResultFields,
} from "./context";

const SOURCE_IDENTITY_SELECT = { score: true, zone: true, category: true, opinion: true, nationalRank: true, provinceRank: true, sourceUrl: true } as const;

/** The result's columns an import compares (ResultFields). */
const RESULT_FIELDS_SELECT = Object.fromEntries(RESULT_FIELD_KEYS.map((key) => [key, true])) as Record<(typeof RESULT_FIELD_KEYS)[number], true>;

function publicFieldsOf(stored: Record<(typeof RESULT_FIELD_KEYS)[number], unknown>): ResultFields {
  const fields = Object.fromEntries(RESULT_FIELD_KEYS.map((key) => [key, stored[key]])) as unknown as ResultFields;
  return { ...fields, publishedZone: fields.publishedZone as Zone | null, publishedCategory: fields.publishedCategory as Category | null };
}

export async function loadImportContext(
  prisma: PrismaClient | Prisma.TransactionClient,
  actor: Actor,
  options: ImportOptions,
): Promise<ImportContext> {
  const [entities, provinces, regencies, methodologies, results, statements] = await Promise.all([
    prisma.entity.findMany({ select: { id: true, type: true, name: true, slug: true, provinceId: true, aliases: { select: { key: true } } } }),
    prisma.province.findMany({ select: { id: true, name: true, splitFromId: true, formedIn: true } }),
    prisma.regency.findMany({ select: { id: true, provinceId: true, name: true } }),
    loadMethodologies(prisma),
    prisma.result.findMany({
      select: {
        id: true,
        entityId: true,
        year: true,
        version: true,
        deletedAt: true,
        ...RESULT_FIELDS_SELECT,
        status: true,
        sources: { select: SOURCE_IDENTITY_SELECT },
        revision: { select: { deleted: true, ...RESULT_FIELDS_SELECT, sources: { select: SOURCE_IDENTITY_SELECT } } },
      },
    }),
    prisma.groupStatement.findMany({
      select: {
        id: true,
        year: true,
        provinceId: true,
        entityGroup: true,
        sourceUrl: true,
        zone: true,
        category: true,
        opinion: true,
        members: { select: { entityId: true } },
      },
    }),
  ]);
  const existing = new Map<string, ExistingResult>();
  for (const { id, entityId, year, version, deletedAt, sources, status, revision, ...stored } of results) {
    // As an edit sees it: the change waiting for review, unless the import publishes.
    const seen = revision && !options.publish ? revision : { ...stored, deleted: deletedAt !== null, sources };
    const fields = Object.fromEntries(RESULT_FIELD_KEYS.map((key) => [key, seen[key]])) as Record<(typeof RESULT_FIELD_KEYS)[number], unknown>;
    existing.set(resultKey(entityId, year), {
      id,
      version,
      deleted: seen.deleted,
      fields: { ...(fields as unknown as ResultFields), publishedZone: fields.publishedZone as Zone | null, publishedCategory: fields.publishedCategory as Category | null },
      sources: new Set(seen.sources.map((s) => sourceIdentity({ ...s, zone: s.zone as Zone | null, category: s.category as Category | null }))),
      underReview: status === "PUBLISHED" || revision !== null,
      hasRevision: revision !== null,
      publicFields: status === "PUBLISHED" ? publicFieldsOf(stored) : null,
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
    regencies: new Map(regencies.map((r) => [regencyKey(r.provinceId, entityKey("POLRES", r.name)), r.id])),
    methodologies,
    existing,
    statements: new Map(
      statements.map((st) => [
        statementKey({ ...st, zone: st.zone as Zone | null, category: st.category as Category | null }),
        { id: st.id, memberIds: new Set(st.members.map((m) => m.entityId)) },
      ]),
    ),
    takenSlugs: new Set(entities.map((e) => e.slug)),
    createEntities: options.createEntities,
    keepExisting: options.keepExisting ?? false,
    publish: options.publish ?? false,
    mergeRepeatedRows: options.mergeRepeatedRows ?? false,
    ...(options.createEntitiesHint ? { createEntitiesHint: options.createEntitiesHint } : {}),
    actor,
  };
}
