import { parseQuery } from "@/lib/api/http";
import { getExportRecords } from "@/lib/data/export";
import { parseSort } from "@/lib/domain/explore";
import { CONTENT_TYPES, toCsv, toJson, toXlsx } from "@/lib/export/formats";
import { exportQuerySchema } from "@/lib/export/query";
import { DOWNLOAD_EXTRA_COLUMNS, EXPORT_COLUMNS, type ExportRecord } from "@/lib/export/records";

export const dynamic = "force-dynamic";

const COLUMNS: (keyof ExportRecord)[] = [...EXPORT_COLUMNS, ...DOWNLOAD_EXTRA_COLUMNS];

/** Download of a filtered public view (same parameters as /peringkat) as CSV, JSON or XLSX. */
export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, exportQuerySchema);
  if (!query.ok) return query.response;
  const { format, tahun, jenis, provinsi, q, urut, arah } = query.value;
  const sort = parseSort(urut, arah);
  const { records, notes } = await getExportRecords({
    year: tahun ?? null,
    types: jenis ?? null,
    provinceSlug: provinsi ?? null,
    q: (q ?? "").trim(),
    sort: sort.key,
    dir: sort.dir,
  });
  const name = ["rapor", tahun ?? "semua-tahun", jenis, provinsi].filter(Boolean).join("-");
  const body =
    format === "csv" ? toCsv(records, COLUMNS) : format === "json" ? toJson(records, COLUMNS, { lines: notes }) : await toXlsx(records, COLUMNS, { lines: notes });
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
      "Cache-Control": "public, max-age=60",
    },
  });
}
