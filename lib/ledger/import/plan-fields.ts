/**
 * Import plan, step 4: what the row's source published (score, zone, category, opinion, ranks,
 * link, notes), checked by the result schema's rules, and a warning where the published zone or
 * category disagrees with the year's bands (the source's value is kept and flagged).
 */
import type { Methodology } from "@/lib/domain/types";
import { categoryMismatch } from "@/lib/ledger/schemas/result";
import type { CheckedRow } from "@/lib/ledger/schemas/result-row";
import type { RowIssue, SourceFields } from "./context";
import type { ReportIssue } from "./plan-issues";

/** Columns checked by the year and entity steps; every other cell is a published field. */
const NOT_FIELDS: readonly string[] = ["year", "entity_type", "entity_name", "province"];

export function planFields(row: CheckedRow, report: ReportIssue): SourceFields | null {
  const cellIssues = row.issues.filter((i) => !NOT_FIELDS.includes(i.column));
  for (const issue of cellIssues) report(issue.column, issue.message);
  const c = row.cells;
  if (cellIssues.length > 0 || c.source_url === undefined || c.notes === undefined) return null;
  return {
    score: c.score ?? null,
    zone: c.zone ?? null,
    category: c.category ?? null,
    opinion: c.opinion ?? null,
    nationalRank: c.national_rank ?? null,
    provinceRank: c.province_rank ?? null,
    sourceUrl: c.source_url,
    notes: c.notes,
    yearInferred: c.year_inferred === true,
    rankFromList: c.rank_from_list === true,
    provinceRankWithinType: c.province_rank_within_type === true,
    disputed: c.disputed === true,
  };
}

export function bandWarning(line: number, source: SourceFields, year: number, methodology: Methodology | undefined): RowIssue | null {
  const mismatch = categoryMismatch({ score: source.score, publishedZone: source.zone, publishedCategory: source.category }, methodology);
  if (!mismatch) return null;
  const { zone, category, label } = mismatch.computed;
  return {
    line,
    severity: "warning",
    column: mismatch.category ? "category" : "zone",
    message: `Zona/kategori yang dipublikasikan berbeda dari hasil hitung pita nilai ${year} (${zone}${category ? `, ${category}` : ""}: ${label}). Nilai sumber disimpan dan ditandai.`,
  };
}
