/** Import plan, step 1: the row's year, which must have a methodology (the bands its zone and category come from). */
import type { CheckedRow } from "@/lib/ledger/schemas/result-row";
import type { ImportContext } from "./context";
import type { ReportIssue } from "./plan-issues";

export function planYear(row: CheckedRow, ctx: Pick<ImportContext, "methodologies">, report: ReportIssue): number | null {
  const cellIssues = row.issues.filter((i) => i.column === "year");
  for (const issue of cellIssues) report("year", issue.message);
  const year = row.cells.year;
  if (cellIssues.length > 0 || year === undefined) return null;
  if (!ctx.methodologies.has(year)) {
    report("year", `Tahun ${year} belum punya metodologi; tambahkan metodologinya dulu.`);
    return null;
  }
  return year;
}
