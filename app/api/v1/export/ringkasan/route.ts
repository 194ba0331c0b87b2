import { apiError, parseQuery } from "@/lib/api/http";
import { downloadResponse } from "@/lib/export/formats";
import { summaryWorkbookLabels } from "@/lib/export/workbook-labels";
import { summaryQuery } from "@/lib/record/query";
import { getPublicDataset } from "@/lib/record/dataset";
import { summaryTable } from "@/lib/record/summary-tables";

export const dynamic = "force-dynamic";

/** Download of a public totals table (national zone trend, province map, a province's
 * averages across years) as CSV, JSON or XLSX. Published data only, as on the pages. */
export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, summaryQuery.schema);
  if (!query.ok) return query.response;
  const dataset = await getPublicDataset();
  const outcome = summaryTable(dataset, query.value);
  if (!outcome.ok) return apiError(outcome.status, outcome.status === 404 ? "not_found" : "unprocessable", outcome.message);
  const { format, tabel, tahun, provinsi } = query.value;
  const labels = format === "xlsx" ? summaryWorkbookLabels(dataset, query.value, outcome.table, request.url) : undefined;
  return downloadResponse(outcome.table, format, ["rapor", tabel, provinsi, tahun].filter(Boolean).join("-"), labels);
}
