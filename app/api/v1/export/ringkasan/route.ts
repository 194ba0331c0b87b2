import { apiError, PUBLIC_CACHE_CONTROL, parseQuery } from "@/lib/api/http";
import { getSummaryTable } from "@/lib/record/summary-tables";
import { CONTENT_TYPES } from "@/lib/export/formats";
import { summaryQuerySchema, summaryToCsv, summaryToJson, summaryToXlsx } from "@/lib/export/summary";

export const dynamic = "force-dynamic";

/** Download of a public totals table (national zone trend, province map, a province's
 * averages across years) as CSV, JSON or XLSX. Published data only, as on the pages. */
export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, summaryQuerySchema);
  if (!query.ok) return query.response;
  const outcome = await getSummaryTable(query.value);
  if (!outcome.ok) return apiError(outcome.status, outcome.status === 404 ? "not_found" : "unprocessable", outcome.message);
  const { table } = outcome;
  const { format, tahun, provinsi } = query.value;
  const name = ["rapor", table.name, provinsi, tahun].filter(Boolean).join("-");
  const body = format === "csv" ? summaryToCsv(table) : format === "json" ? summaryToJson(table) : await summaryToXlsx(table);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
