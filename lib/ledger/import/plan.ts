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
import { groupSources, mergeRepeated, RepeatedRows, type GroupPlan, type PlannedRow } from "./plan-sources";
import { groupStatements, type PlannedStatementRow, type StatementPlan } from "./plan-statements";
import { planYear } from "./plan-year";

export type { GroupPlan } from "./plan-sources";
export type { StatementPlan } from "./plan-statements";

export type RowStatus = "create" | "update" | "unchanged" | "error";

export interface ImportPlan {
  rowCount: number;
  groups: GroupPlan[];
  /** Group statements (rows marked group_statement): figures of a whole group, not results. */
  statements: StatementPlan[];
  newEntities: NewEntity[];
  issues: RowIssue[];
  rowStatus: Map<number, RowStatus>;
  counts: { create: number; update: number; unchanged: number; errorRows: number; warnings: number; newEntities: number };
  /** Results whose update waits for an admin's review (published ones, when the import does not publish). */
  review: number;
  /** True when the plan can be committed (no error anywhere). */
  committable: boolean;
}

/** One row through the steps: the row it becomes (a source of a result, or of a group statement), or null with its errors reported. */
function planRow(row: RawRow, ctx: ImportContext, created: NewEntities, report: ReportIssue): (PlannedRow & { statement: PlannedStatementRow | null }) | null {
  const checked = checkResultRow(row.values);
  const year = planYear(checked, ctx, report);
  const named = planEntity(checked, row.line, year, ctx, created, report);
  const allowed = named !== null && planAccess(ctx.actor, named.entity, report);
  const source = planFields(checked, report);
  if (year === null || named === null || !allowed || source === null) return null;
  const planned = { line: row.line, entity: named.entity, year, provinceId: named.provinceId, source };
  const statement = checked.cells.group_statement ? { ...planned, type: checked.cells.entity_type! } : null;
  return { ...planned, statement };
}

export function planImport(rows: readonly RawRow[], ctx: ImportContext): ImportPlan {
  const issues: RowIssue[] = [];
  const errorLines = new Set<number>();
  const created = new NewEntities();
  const repeated = new RepeatedRows();
  const planned: PlannedRow[] = [];
  const statementRows: PlannedStatementRow[] = [];
  const mergedLines = new Map<number, number>();

  for (const row of rows) {
    issues.push(...formulaWarnings(row));
    const { issues: errors, report } = rowIssues(row.line);
    // A NUL character cannot be stored as text (PostgreSQL refuses it): the row is an error.
    for (const [column, value] of Object.entries(row.values)) {
      if (value.includes("\u0000")) report(column, NUL_MESSAGE);
    }
    const ok = errors.length > 0 ? null : planRow(row, ctx, created, report);
    if (ok) {
      const { statement, ...result } = ok;
      const warning = statement ? null : bandWarning(row.line, result.source, result.year, ctx.methodologies.get(result.year));
      if (warning) issues.push(warning);
      const repeat = repeated.check(result);
      if (repeat && ctx.mergeRepeatedRows) {
        const original = repeated.original(result);
        mergeRepeated(original, result);
        mergedLines.set(row.line, original.line);
      } else if (repeat) errors.push(repeat);
      else if (statement) statementRows.push(Object.assign(result, { type: statement.type }));
      else planned.push(result);
    }
    if (errors.length > 0) errorLines.add(row.line);
    issues.push(...errors);
  }

  const grouped = groupSources(planned, ctx);
  issues.push(...grouped.issues);
  for (const line of grouped.errorLines) errorLines.add(line);
  const statements = groupStatements(statementRows, ctx);
  return summarize(rows.length, grouped.groups, statements, created.list, issues, errorLines, mergedLines);
}

const NUL_MESSAGE = "Sel berisi karakter NUL (kode 0) yang tidak dapat disimpan. Hapus karakter itu dari berkas, lalu periksa lagi.";

const START_NAMES: Record<string, string> = { "\t": "tab", "\r": "CR (carriage return)" };

/**
 * Step 0: a cell that a spreadsheet could run as a formula is imported as it is, but never
 * silently: the admin sees a warning naming its line and column (OWASP's CSV-injection rule;
 * downloads write such a cell with a leading quote, lib/export/spreadsheet-safe.ts).
 */
export function formulaWarnings(row: RawRow): RowIssue[] {
  return (row.formulaCells ?? []).map(({ column, text, formula }) => {
    const shown = (t: string) => JSON.stringify(t.length > 60 ? `${t.slice(0, 60)}…` : t);
    if (formula !== undefined) {
      return {
        line: row.line,
        severity: "warning",
        column,
        message: `Sel berisi rumus Excel (=${formula.length > 60 ? `${formula.slice(0, 60)}…` : formula}); yang diimpor adalah hasil terakhirnya: ${shown(text)}. Periksa nilainya.`,
      };
    }
    const start = text[0]!;
    const trimmed = start === "\t" || start === "\r";
    return {
      line: row.line,
      severity: "warning",
      column,
      message:
        `Sel diawali ${START_NAMES[start] ?? `"${start}"`} (${shown(text)}): aplikasi lembar kerja dapat menjalankannya sebagai rumus. ` +
        `Isinya diimpor apa adanya${trimmed ? " (tanpa spasi, tab atau CR di awal dan akhir, seperti setiap sel)" : ""}; unduhan Rapor menuliskannya dengan tanda kutip (') di depan agar tampil sebagai teks.`,
    };
  });
}

function summarize(
  rowCount: number,
  groups: GroupPlan[],
  statements: StatementPlan[],
  created: readonly NewEntity[],
  issues: RowIssue[],
  errorLines: ReadonlySet<number>,
  mergedLines: ReadonlyMap<number, number>,
): ImportPlan {
  const rowStatus = new Map<number, RowStatus>();
  for (const g of groups) for (const line of g.lines) rowStatus.set(line, g.action);
  for (const st of statements) for (const line of st.lines) rowStatus.set(line, st.action);
  for (const [line, original] of mergedLines) {
    const status = rowStatus.get(original);
    if (status) rowStatus.set(line, status);
  }
  for (const line of errorLines) rowStatus.set(line, "error");
  // An entity is created only for the results and statements it is created for.
  const usedRefs = new Set(
    [...groups.map((g) => g.entity), ...statements.flatMap((st) => st.newMembers)].flatMap((ref) => (ref.kind === "new" ? [ref.ref] : [])),
  );
  const newEntities = created.filter((n) => usedRefs.has(n.ref));
  const count = (status: RowStatus) => [...rowStatus.values()].filter((s) => s === status).length;
  const errorRows = count("error");
  issues.sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return {
    rowCount,
    groups,
    statements,
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
    review: groups.filter((g) => g.review).length,
    committable: errorRows === 0 && rowCount > 0,
  };
}
