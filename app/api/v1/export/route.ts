import { parseQuery } from "@/lib/api/http";
import { downloadResponse } from "@/lib/export/formats";
import { resultsWorkbookLabels } from "@/lib/export/workbook-labels";
import { exportQuery } from "@/lib/record/query";
import { getPublicDataset } from "@/lib/record/dataset";
import { DOWNLOAD_EXTRA_COLUMNS, EXPORT_COLUMNS, FIGURE_SOURCE_COLUMNS } from "@/lib/domain/results-file";
import { exportRecords, resultsTable, selectionOf } from "@/lib/record/result-rows";

export const dynamic = "force-dynamic";

const COLUMNS = [...EXPORT_COLUMNS, ...DOWNLOAD_EXTRA_COLUMNS, ...FIGURE_SOURCE_COLUMNS];

/** Download of a filtered public view (the parameters of /peringkat, plus `instansi` and
 * `arah_tahun` for the entity and comparison pages) as CSV, JSON or XLSX. */
export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, exportQuery.schema);
  if (!query.ok) return query.response;
  const { format, tahun, jenis, provinsi, instansi } = query.value;
  const dataset = await getPublicDataset();
  const table = resultsTable(exportRecords(dataset, selectionOf(query.value)), COLUMNS);
  // A spreadsheet is for people: headers and labels in their language, and a Keterangan sheet.
  const labels = format === "xlsx" ? resultsWorkbookLabels(dataset, query.value, table, request.url) : undefined;
  // One entity names the file after it; several (a comparison) after how many.
  const who = instansi ? (instansi.length === 1 ? instansi[0] : `${instansi.length}-instansi`) : undefined;
  return downloadResponse(table, format, ["rapor", tahun ?? "semua-tahun", jenis, provinsi, who].filter(Boolean).join("-"), labels);
}
