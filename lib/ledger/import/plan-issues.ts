/** How a step of the import plan reports a problem with the row it checks. */
import type { RowIssue } from "./context";

export type ReportIssue = (column: string | null, message: string, reason?: RowIssue["reason"], suggestions?: RowIssue["suggestions"]) => void;

/** A collector of one row's errors. */
export function rowIssues(line: number): { issues: RowIssue[]; report: ReportIssue } {
  const issues: RowIssue[] = [];
  const report: ReportIssue = (column, message, reason, suggestions) =>
    issues.push({ line, severity: "error", column, message, ...(reason ? { reason } : {}), ...(suggestions?.length ? { suggestions } : {}) });
  return { issues, report };
}
