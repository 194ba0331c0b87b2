/**
 * The history as people read it (issue 17, 4): each audit row's change to a result as the public
 * sees it — fields by their Indonesian labels, values as shown (91,66; Zona hijau; A) — and an
 * import or a release as one entry with its results in a table. Pure over the rows, the names
 * and the methodologies given; `describeAudit` loads those.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Methodology } from "@/lib/domain/types";
import { db } from "@/lib/db/client";
import { loadMethodologies } from "@/lib/db/methodologies";
import { changedFields } from "./history-reads";
import type { ImportRecord } from "./import/commit";
import { releaseRecord } from "./release-withdraw";
import { publicState, RESULT_FOR_WRITE, stateFromSnapshot, workingState, type ResultState } from "./revisions";
import { shownChanges, shownResult, type FieldChange, type ShownResult } from "./revision-reads";

const EMPTY: ResultState = {
  entityId: 0,
  year: 0,
  provinceId: null,
  score: null,
  dimensionScores: null,
  publishedZone: null,
  publishedCategory: null,
  publishedOpinion: null,
  publishedNationalRank: null,
  publishedProvinceRank: null,
  sourceUrl: null,
  notes: "",
  hasConflict: false,
  deleted: false,
  sources: [],
};

/** One result inside an import or release entry. */
export interface EntryRow {
  resultId: number;
  name: string;
  change: "created" | "updated" | "revised" | "published" | "revisionPublished" | "withdrawn" | "revisionWithdrawn";
  before: ShownResult | null;
  after: ShownResult | null;
}

export type EntryDetail =
  | { kind: "fields"; status: { before: string; after: string } | null; pending: boolean; changes: FieldChange[] }
  | { kind: "rows"; rows: EntryRow[]; skipped: number }
  | { kind: "raw"; changes: { field: string; before: unknown; after: unknown }[] };

interface AuditLike {
  targetType: string;
  targetId: string;
  action: string;
  before: string | null;
  after: string | null;
}

export interface Lookup {
  entity: (id: number) => string;
  province: (id: number | null) => string | null;
  methodology: (year: number) => Methodology | null | undefined;
  /** A result's current states (for an import's rows: what it wrote, as it stands now). */
  current: (resultId: number) => { name: string; public: ResultState; working: ResultState; published: boolean } | undefined;
}

const parse = (json: string | null): Record<string, unknown> | null => (json ? (JSON.parse(json) as Record<string, unknown> | null) : null);

function shownSnapshot(snapshot: Record<string, unknown> | null, lookup: Lookup): ShownResult | null {
  if (!snapshot || !("year" in snapshot)) return null;
  const state = stateFromSnapshot(EMPTY, snapshot);
  return shownResult(state, lookup, lookup.methodology(state.year));
}

const shown = (state: ResultState, lookup: Lookup) => shownResult(state, lookup, lookup.methodology(state.year));

/** What one audit row changed, for people. */
export function describeEntry(row: AuditLike, lookup: Lookup): EntryDetail {
  if (row.targetType === "RESULT") {
    const before = parse(row.before);
    const after = parse(row.after);
    // Merges before full snapshots recorded only the entity.
    if ((before && !("year" in before)) || (after && !("year" in after))) return { kind: "raw", changes: changedFields(row.before, row.after) };
    const b = shownSnapshot(before, lookup);
    const a = shownSnapshot(after, lookup);
    const status = before && after && before.status !== after.status ? { before: String(before.status), after: String(after.status) } : before === null && after ? { before: "", after: String(after.status) } : null;
    const changes = b && a ? shownChanges(b, a) : a ? shownChanges(shownResult(EMPTY, lookup, null), a).filter((c) => c.field !== "deleted") : [];
    return { kind: "fields", status, pending: after?.pending === true, changes };
  }
  if (row.targetType === "RELEASE") {
    const record = releaseRecord(row.after);
    // Submitted, scheduled, returned: the entry's note says it in words (with the WIB time).
    if (!record) return { kind: "raw", changes: [] };
    const rows: EntryRow[] = record.rows.map((r) => {
      const before = shownSnapshot(r.before, lookup);
      const after = shownSnapshot(r.after, lookup);
      const name = `${r.entity} ${r.year}`;
      if (record.direction === "publish") {
        return { resultId: r.resultId, name, change: r.revision ? "revisionPublished" : "published", before: r.before.status === "PUBLISHED" ? before : null, after };
      }
      return { resultId: r.resultId, name, change: r.revision ? "revisionWithdrawn" : "withdrawn", before: after, after: r.before.status === "PUBLISHED" ? before : null };
    });
    return { kind: "rows", rows, skipped: record.direction === "publish" ? record.skipped.length : 0 };
  }
  if (row.targetType === "IMPORT" && row.action === "IMPORT") {
    const record = parse(row.after) as ImportRecord | null;
    if (!record || !Array.isArray(record.createdResultIds)) return { kind: "raw", changes: [] };
    const rows: EntryRow[] = [];
    for (const id of record.createdResultIds) {
      const now = lookup.current(id);
      rows.push({ resultId: id, name: now?.name ?? `#${id}`, change: "created", before: null, after: now ? shown(now.working, lookup) : null });
    }
    for (const u of record.updated) {
      const now = lookup.current(u.id);
      rows.push({ resultId: u.id, name: now?.name ?? `#${u.id}`, change: "updated", before: shownSnapshot(u.before, lookup), after: now ? shown(now.public, lookup) : null });
    }
    for (const r of record.revised ?? []) {
      const now = lookup.current(r.id);
      rows.push({ resultId: r.id, name: now?.name ?? `#${r.id}`, change: "revised", before: now ? shown(now.public, lookup) : null, after: now ? shown(now.working, lookup) : null });
    }
    return { kind: "rows", rows, skipped: 0 };
  }
  return { kind: "raw", changes: changedFields(row.before, row.after) };
}

/** The names, methodologies and current states the rows need, loaded once for a page of rows. */
export async function historyLookup(rows: readonly AuditLike[], prisma: PrismaClient = db()): Promise<Lookup> {
  const entityIds = new Set<number>();
  const resultIds = new Set<number>();
  const note = (snapshot: Record<string, unknown> | null) => {
    if (snapshot && typeof snapshot.entityId === "number") entityIds.add(snapshot.entityId);
  };
  for (const row of rows) {
    if (row.targetType === "RESULT") {
      note(parse(row.before));
      note(parse(row.after));
    } else if (row.targetType === "RELEASE") {
      for (const r of releaseRecord(row.after)?.rows ?? []) {
        note(r.before);
        note(r.after);
      }
    } else if (row.targetType === "IMPORT" && row.action === "IMPORT") {
      const record = parse(row.after) as ImportRecord | null;
      for (const id of record?.createdResultIds ?? []) resultIds.add(id);
      for (const u of record?.updated ?? []) {
        resultIds.add(u.id);
        note(u.before);
      }
      for (const r of record?.revised ?? []) resultIds.add(r.id);
    }
  }
  const ids = [...resultIds];
  const results = [];
  for (let i = 0; i < ids.length; i += 500) {
    results.push(...(await prisma.result.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, include: { ...RESULT_FOR_WRITE, entity: { select: { provinceId: true, name: true } } } })));
  }
  for (const r of results) entityIds.add(r.entityId);
  const [entities, provinces, methodologies] = await Promise.all([
    prisma.entity.findMany({ where: { id: { in: [...entityIds] } }, select: { id: true, name: true } }),
    prisma.province.findMany({ select: { id: true, name: true } }),
    loadMethodologies(prisma),
  ]);
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const provinceName = new Map(provinces.map((p) => [p.id, p.name]));
  const current = new Map(results.map((r) => [r.id, { name: `${r.entity.name} ${r.year}`, public: publicState(r), working: workingState(r), published: r.status === "PUBLISHED" }]));
  return {
    entity: (id) => entityName.get(id) ?? `#${id}`,
    province: (id) => (id === null ? null : (provinceName.get(id) ?? `#${id}`)),
    methodology: (year) => methodologies.get(year),
    current: (id) => current.get(id),
  };
}

const INVERSE: Record<EntryRow["change"], EntryRow["change"]> = {
  published: "withdrawn",
  revisionPublished: "revisionWithdrawn",
  withdrawn: "published",
  revisionWithdrawn: "revisionPublished",
  created: "created",
  updated: "updated",
  revised: "revised",
};

/**
 * What undoing an entry does, in the same shape: a result's fields and a release's rows go from
 * the state the entry made back to the one it replaced (the revert's confirmation page). An
 * import's rows stay as they are (the page says in words what its revert removes and restores).
 */
export function revertPreview(detail: EntryDetail): EntryDetail {
  if (detail.kind === "fields") {
    return {
      ...detail,
      status: detail.status ? { before: detail.status.after, after: detail.status.before } : null,
      changes: detail.changes.map((c) => ({ ...c, before: c.after, after: c.before })),
    };
  }
  if (detail.kind === "rows" && detail.rows.every((r) => !["created", "updated", "revised"].includes(r.change))) {
    return { ...detail, rows: detail.rows.map((r) => ({ ...r, change: INVERSE[r.change], before: r.after, after: r.before })) };
  }
  return detail;
}
