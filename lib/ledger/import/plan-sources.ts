/**
 * Import plan, step 5: the rows of one entity and year are the sources of one result. The
 * primary value follows the stated rule (lib/domain/primary.ts); every row stays a source. A
 * group is compared with the result stored for it: created, updated, or unchanged.
 */
import { choosePrimary } from "@/lib/domain/primary";
import {
  RESULT_FIELD_KEYS,
  entityRefKey,
  resultKey,
  sourceIdentity,
  type EntityRef,
  type ExistingResult,
  type ImportContext,
  type ResultFields,
  type RowIssue,
  type SourceFields,
} from "./context";
import type { PlannedEntity } from "./plan-entity";

/** A row that passed every check: one source's report of an entity's result of a year. */
export interface PlannedRow {
  line: number;
  entity: PlannedEntity;
  year: number;
  /** The province the row gives (the result records the province of its own year). */
  provinceId: number | null;
  source: SourceFields;
  /** Later rows of the file repeating this one, merged into it (ImportOptions.mergeRepeatedRows). */
  alsoLines?: number[];
}

export interface GroupPlan {
  action: "create" | "update" | "unchanged";
  entity: EntityRef;
  entityName: string;
  year: number;
  lines: number[];
  fields: ResultFields;
  hasConflict: boolean;
  notes: string;
  sources: (SourceFields & { isPrimary: boolean; line: number; alsoLines: number[] })[];
  existing: ExistingResult | null;
  /** An update of a result under review that the import does not publish: it becomes the
   * result's pending revision, and the public keeps the published values (lib/ledger/revisions.ts). */
  review: boolean;
}

const groupKey = (entity: EntityRef, year: number) => `${entityRefKey(entity)}|${year}`;

/**
 * Repeated rows: the same source may give two figures for one result (a conflict within the
 * source, kept), so only a row identical in source and figures repeats an earlier one.
 */
export class RepeatedRows {
  private readonly seen = new Map<string, Pick<PlannedRow, "line" | "entity" | "year" | "source">>();

  private static key(row: Pick<PlannedRow, "entity" | "year" | "source">): string {
    return `${groupKey(row.entity.ref, row.year)}|${sourceIdentity(row.source)}`;
  }

  /** The issue of a row that repeats an earlier one; else remembers the row. */
  check(row: Pick<PlannedRow, "line" | "entity" | "year" | "source">): RowIssue | null {
    const key = RepeatedRows.key(row);
    const first = this.seen.get(key);
    if (first !== undefined) {
      return { line: row.line, severity: "error", column: null, message: `Duplikat baris ${first.line}: instansi, tahun, sumber dan nilai yang sama.` };
    }
    this.seen.set(key, row);
    return null;
  }

  /** The earlier row a repeated row repeats (after check() reported it). */
  original<T extends Pick<PlannedRow, "line" | "entity" | "year" | "source">>(row: T): T {
    return this.seen.get(RepeatedRows.key(row)) as T;
  }
}

/** A repeated row merged into its original: one source, every line kept, its facts added. */
export function mergeRepeated(original: PlannedRow, repeat: PlannedRow): void {
  original.alsoLines = [...(original.alsoLines ?? []), repeat.line];
  const a = original.source;
  const b = repeat.source;
  original.source = {
    ...a,
    notes: [a.notes, b.notes].filter(Boolean).join(" / "),
    yearInferred: a.yearInferred || b.yearInferred,
    rankFromList: a.rankFromList || b.rankFromList,
    provinceRankWithinType: a.provinceRankWithinType || b.provinceRankWithinType,
    disputed: a.disputed || b.disputed,
  };
}

export function groupSources(
  rows: readonly PlannedRow[],
  ctx: Pick<ImportContext, "existing" | "keepExisting" | "publish">,
): { groups: GroupPlan[]; issues: RowIssue[]; errorLines: number[] } {
  const byGroup = new Map<string, PlannedRow[]>();
  for (const row of rows) {
    const key = groupKey(row.entity.ref, row.year);
    const list = byGroup.get(key);
    if (list) list.push(row);
    else byGroup.set(key, [row]);
  }
  const groups: GroupPlan[] = [];
  const issues: RowIssue[] = [];
  const errorLines: number[] = [];
  for (const members of byGroup.values()) {
    const group = planGroup(members, ctx);
    if ("issues" in group) {
      issues.push(...group.issues);
      errorLines.push(...members.map((m) => m.line));
    } else {
      groups.push(group);
    }
  }
  return { groups, issues, errorLines };
}

function planGroup(members: readonly PlannedRow[], ctx: Pick<ImportContext, "existing" | "keepExisting" | "publish">): GroupPlan | { issues: RowIssue[] } {
  const head = members[0]!;
  const { ref, name } = head.entity;
  const issues: RowIssue[] = members
    .filter((m) => m.provinceId !== head.provinceId)
    .map((m) => ({ line: m.line, severity: "error", column: "province", message: `Provinsi berbeda dari baris ${head.line} untuk instansi dan tahun yang sama.` }));
  const existing = ref.kind === "existing" ? (ctx.existing.get(resultKey(ref.id, head.year)) ?? null) : null;
  if (existing?.deleted && !ctx.keepExisting) {
    for (const m of members) {
      issues.push({ line: m.line, severity: "error", column: null, message: `Hasil ${name} ${head.year} telah dihapus; pulihkan dulu di Riwayat sebelum mengimpor ulang.` });
    }
  }
  if (issues.length > 0) return { issues };

  const reports = members.map((m) => ({ ...m.source, line: m.line, alsoLines: m.alsoLines ?? [] }));
  const choice = choosePrimary(reports);
  const fields: ResultFields = {
    provinceId: head.provinceId,
    score: choice.merged.score,
    publishedZone: choice.merged.zone,
    publishedCategory: choice.merged.category,
    publishedOpinion: choice.merged.opinion,
    publishedNationalRank: choice.merged.nationalRank,
    publishedProvinceRank: choice.merged.provinceRank,
    sourceUrl: choice.primary.sourceUrl,
  };
  const sources = reports.map((r) => ({ ...r, isPrimary: r === choice.primary }));
  const action = existing ? (ctx.keepExisting || unchanged(existing, fields, sources) ? "unchanged" : "update") : "create";
  return {
    action,
    entity: ref,
    entityName: name,
    year: head.year,
    lines: members.flatMap((m) => [m.line, ...(m.alsoLines ?? [])]),
    fields,
    hasConflict: choice.conflictingScores.length > 0 || members.some((m) => m.source.disputed),
    notes: choice.primary.notes,
    sources,
    existing,
    review: action === "update" && !ctx.publish && existing!.underReview,
  };
}

function unchanged(existing: ExistingResult, fields: ResultFields, sources: readonly SourceFields[]): boolean {
  return RESULT_FIELD_KEYS.every((k) => fields[k] === existing.fields[k]) && sources.every((s) => existing.sources.has(sourceIdentity(s)));
}
