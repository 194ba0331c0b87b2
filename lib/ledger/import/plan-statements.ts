/**
 * Import plan, group statements: rows marked `group_statement` carry a figure a source states for
 * a whole group without naming each member ("seluruh pemda di Bali zona hijau", "kota semuanya
 * A"). They become one statement per source, year, province and figures, whose members are the
 * entities the rows name — never results of those entities, which the source does not give.
 */
import { provinceGroupOf } from "@/lib/domain/groups";
import type { EntityType } from "@/lib/domain/types";
import { entityRefKey, statementKey, type EntityRef, type ImportContext, type SourceFields, type StatementKey } from "./context";
import type { PlannedEntity } from "./plan-entity";

/** A checked row of a group statement: the entity it names as a member, and what the source states. */
export interface PlannedStatementRow {
  line: number;
  entity: PlannedEntity;
  type: EntityType;
  year: number;
  provinceId: number | null;
  source: SourceFields;
}

export interface StatementPlan {
  action: "create" | "update" | "unchanged";
  key: StatementKey;
  lines: number[];
  /** Every member the file names, in file order. */
  members: EntityRef[];
  /** Members not stored yet (all of them for a new statement). */
  newMembers: EntityRef[];
  existingId: number | null;
  yearInferred: boolean;
  notes: string;
}

/** The group a statement is about: the members' type when they share one, else their province group (Pemda), else all. */
export function statementGroup(types: readonly EntityType[]): string {
  const distinct = [...new Set(types)];
  if (distinct.length === 1) return distinct[0]!;
  const groups = [...new Set(distinct.map(provinceGroupOf))];
  return groups.length === 1 ? groups[0]! : "ALL";
}

export function groupStatements(rows: readonly PlannedStatementRow[], ctx: Pick<ImportContext, "statements" | "keepExisting">): StatementPlan[] {
  const bySource = new Map<string, PlannedStatementRow[]>();
  for (const row of rows) {
    const s = row.source;
    const key = [row.year, row.provinceId ?? "N", s.sourceUrl, s.zone ?? "", s.category ?? "", s.opinion ?? ""].join("|");
    const list = bySource.get(key);
    if (list) list.push(row);
    else bySource.set(key, [row]);
  }
  return [...bySource.values()].map((members) => {
    const head = members[0]!;
    const key: StatementKey = {
      year: head.year,
      provinceId: head.provinceId,
      entityGroup: statementGroup(members.map((m) => m.type)),
      sourceUrl: head.source.sourceUrl,
      zone: head.source.zone,
      category: head.source.category,
      opinion: head.source.opinion,
    };
    const seen = new Set<string>();
    const refs: EntityRef[] = [];
    for (const m of members) {
      const k = entityRefKey(m.entity.ref);
      if (!seen.has(k)) {
        seen.add(k);
        refs.push(m.entity.ref);
      }
    }
    const existing = ctx.statements.get(statementKey(key)) ?? null;
    const newMembers = existing ? refs.filter((r) => r.kind === "new" || !existing.memberIds.has(r.id)) : refs;
    const action = !existing ? "create" : newMembers.length === 0 || ctx.keepExisting ? "unchanged" : "update";
    return {
      action,
      key,
      lines: members.map((m) => m.line),
      members: refs,
      newMembers: action === "unchanged" ? [] : newMembers,
      existingId: existing?.id ?? null,
      yearInferred: members.some((m) => m.source.yearInferred),
      notes: [...new Set(members.map((m) => m.source.notes).filter(Boolean))].join(" / "),
    };
  });
}
