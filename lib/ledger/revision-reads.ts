/**
 * The admin's reads of changes waiting for review: each pending revision with what it would
 * change, field by field, as the public would see it (the zone and category a reader is shown,
 * lib/domain/shown.ts) — published value → proposed value. Never for public pages.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { shownClassification } from "@/lib/domain/shown";
import type { Category, Methodology, Zone } from "@/lib/domain/types";
import { db } from "@/lib/db/client";
import { loadMethodologies } from "@/lib/db/methodologies";
import { publicState, RESULT_FOR_WRITE, workingState, type ResultState } from "./revisions";

/** A result as a reader would see it. */
export interface ShownResult {
  deleted: boolean;
  entity: string;
  year: number;
  province: string | null;
  score: number | null;
  zone: Zone | null;
  category: Category | null;
  label: string | null;
  opinion: string | null;
  nationalRank: number | null;
  provinceRank: number | null;
  sourceUrl: string | null;
  /** Hundredths by dimension code. */
  dimensionScores: Record<string, number> | null;
  /** Each source: its link and the score it gives (hundredths), primary first. */
  sources: { url: string; score: number | null; primary: boolean }[];
  notes: string;
}

export type ShownField = keyof ShownResult;

/** In the order a reviewer reads them. */
export const SHOWN_FIELDS: readonly ShownField[] = [
  "deleted",
  "entity",
  "year",
  "province",
  "score",
  "zone",
  "category",
  "label",
  "opinion",
  "nationalRank",
  "provinceRank",
  "dimensionScores",
  "sourceUrl",
  "sources",
  "notes",
];

export interface FieldChange<F extends ShownField = ShownField> {
  field: F;
  before: ShownResult[F];
  after: ShownResult[F];
}

/** What a revision changes, field by field (pure). */
export function shownChanges(before: ShownResult, after: ShownResult): FieldChange[] {
  return SHOWN_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({ field: f, before: before[f], after: after[f] }));
}

function parseDimensions(json: string | null): Record<string, number> | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const entries = Object.entries(parsed).filter(([, v]) => typeof v === "number");
    return entries.length ? (Object.fromEntries(entries) as Record<string, number>) : null;
  } catch {
    return null;
  }
}

/** A state as a reader would see it (pure: the names and the year's method are given). */
export function shownResult(
  state: ResultState,
  names: { entity: (id: number) => string; province: (id: number | null) => string | null },
  methodology: Methodology | null | undefined,
): ShownResult {
  const shown = shownClassification(
    {
      score: state.score,
      publishedZone: state.publishedZone as Zone | null,
      publishedCategory: state.publishedCategory as Category | null,
      publishedOpinion: state.publishedOpinion,
    },
    methodology,
  );
  const sources = [...state.sources]
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
    .map((s) => ({ url: s.sourceUrl, score: s.score, primary: s.isPrimary }));
  return {
    deleted: state.deleted,
    entity: names.entity(state.entityId),
    year: state.year,
    province: names.province(state.provinceId),
    score: state.score,
    zone: shown.zone,
    category: shown.category,
    label: shown.label,
    opinion: state.publishedOpinion,
    nationalRank: state.publishedNationalRank,
    provinceRank: state.publishedProvinceRank,
    sourceUrl: state.sourceUrl,
    dimensionScores: parseDimensions(state.dimensionScores),
    sources,
    notes: state.notes,
  };
}

export interface PendingRevision {
  resultId: number;
  /** The result as the public reads it now (its entity and year). */
  entity: string;
  year: number;
  status: string;
  version: number;
  baseVersion: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  changes: FieldChange[];
}

/** Revisions an actor may see (an editor: its provinces'), with their changes; newest first. */
export async function listPendingRevisions(
  actor: Actor,
  filter: { year?: number; resultId?: number } = {},
  prisma: PrismaClient = db(),
): Promise<PendingRevision[]> {
  const where: Prisma.ResultWhereInput = {
    revision: { isNot: null },
    ...(filter.year ? { year: filter.year } : {}),
    ...(filter.resultId ? { id: filter.resultId } : {}),
    ...(isAdmin(actor) ? {} : { entity: { provinceId: { in: [...actor.provinceIds] } } }),
  };
  const results = await prisma.result.findMany({ where, include: { ...RESULT_FOR_WRITE, entity: { select: { provinceId: true, name: true } } } });
  if (results.length === 0) return [];
  const states = results.map((r) => ({ result: r, before: publicState(r), after: workingState(r) }));
  const entityIds = [...new Set(states.flatMap((s) => [s.before.entityId, s.after.entityId]))];
  const provinceIds = [...new Set(states.flatMap((s) => [s.before.provinceId, s.after.provinceId]).filter((id): id is number => id !== null))];
  const [entities, provinces, methodologies] = await Promise.all([
    prisma.entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true } }),
    prisma.province.findMany({ where: { id: { in: provinceIds } }, select: { id: true, name: true } }),
    loadMethodologies(prisma),
  ]);
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const provinceName = new Map(provinces.map((p) => [p.id, p.name]));
  const names = {
    entity: (id: number) => entityName.get(id) ?? `#${id}`,
    province: (id: number | null) => (id === null ? null : (provinceName.get(id) ?? `#${id}`)),
  };
  return states
    .map(({ result, before, after }) => ({
      resultId: result.id,
      entity: result.entity.name,
      year: result.year,
      status: result.status,
      version: result.version,
      baseVersion: result.revision!.baseVersion,
      createdBy: result.revision!.createdBy,
      createdAt: result.revision!.createdAt,
      updatedBy: result.revision!.updatedBy,
      updatedAt: result.revision!.updatedAt,
      changes: shownChanges(shownResult(before, names, methodologies.get(before.year)), shownResult(after, names, methodologies.get(after.year))),
    }))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.resultId - a.resultId);
}
