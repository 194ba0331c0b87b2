/**
 * The dry run of an import: every row checked (its cells by the row schema, then its year,
 * entity, the importer's access and its published fields), and the rows grouped into the
 * results they create, update or leave unchanged, with each error and warning tied to its line.
 * Pure: the database is read beforehand into an ImportContext; nothing is written here.
 */
import { checkResultRow } from "@/lib/ledger/schemas/result-row";
import type { ImportContext, NewEntity, RowIssue } from "./context";
import type { RawRow } from "./parse";
import { planAccess } from "./plan-access";
import { NewEntities, planEntity } from "./plan-entity";
import { bandWarning, planFields } from "./plan-fields";
import { rowIssues, type ReportIssue } from "./plan-issues";
import { groupSources, RepeatedRows, type GroupPlan, type PlannedRow } from "./plan-sources";
import { planYear } from "./plan-year";

export type { GroupPlan } from "./plan-sources";

export type RowStatus = "create" | "update" | "unchanged" | "error";

export interface ImportPlan {
  rowCount: number;
  groups: GroupPlan[];
  newEntities: NewEntity[];
  issues: RowIssue[];
  rowStatus: Map<number, RowStatus>;
  counts: { create: number; update: number; unchanged: number; errorRows: number; warnings: number; newEntities: number };
  /** True when the plan can be committed (no error anywhere). */
  committable: boolean;
}

/** One row through the steps: the row it becomes, or null with its errors reported. */
function planRow(row: RawRow, ctx: ImportContext, created: NewEntities, report: ReportIssue): PlannedRow | null {
  const checked = checkResultRow(row.values);
  const year = planYear(checked, ctx, report);
  const named = planEntity(checked, row.line, year, ctx, created, report);
  const allowed = named !== null && planAccess(ctx.actor, named.entity, report);
  const source = planFields(checked, report);
  if (year === null || named === null || !allowed || source === null) return null;
  return { line: row.line, entity: named.entity, year, provinceId: named.provinceId, source };
}

export function planImport(rows: readonly RawRow[], ctx: ImportContext): ImportPlan {
  const issues: RowIssue[] = [];
  const errorLines = new Set<number>();
  const created = new NewEntities();
  const repeated = new RepeatedRows();
  const planned: PlannedRow[] = [];

  for (const row of rows) {
    const { issues: errors, report } = rowIssues(row.line);
    const ok = planRow(row, ctx, created, report);
    if (ok) {
      const warning = bandWarning(row.line, ok.source, ok.year, ctx.methodologies.get(ok.year));
      if (warning) issues.push(warning);
      const repeat = repeated.check(ok);
      if (repeat) errors.push(repeat);
      else planned.push(ok);
    }
    if (errors.length > 0) errorLines.add(row.line);
    issues.push(...errors);
  }

  const grouped = groupSources(planned, ctx);
  issues.push(...grouped.issues);
  for (const line of grouped.errorLines) errorLines.add(line);
  return summarize(rows.length, grouped.groups, created.list, issues, errorLines);
}

function summarize(rowCount: number, groups: GroupPlan[], created: readonly NewEntity[], issues: RowIssue[], errorLines: ReadonlySet<number>): ImportPlan {
  const rowStatus = new Map<number, RowStatus>();
  for (const g of groups) for (const line of g.lines) rowStatus.set(line, g.action);
  for (const line of errorLines) rowStatus.set(line, "error");
  // An entity is created only for the results it is created for.
  const usedRefs = new Set(groups.flatMap((g) => (g.entity.kind === "new" ? [g.entity.ref] : [])));
  const newEntities = created.filter((n) => usedRefs.has(n.ref));
  const count = (status: RowStatus) => [...rowStatus.values()].filter((s) => s === status).length;
  const errorRows = count("error");
  issues.sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return {
    rowCount,
    groups,
    newEntities,
    issues,
    rowStatus,
    counts: {
      create: count("create"),
      update: count("update"),
      unchanged: count("unchanged"),
      errorRows,
      warnings: issues.filter((i) => i.severity === "warning").length,
      newEntities: newEntities.length,
    },
    committable: errorRows === 0 && rowCount > 0,
  };
}
