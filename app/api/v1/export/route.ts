import { PUBLIC_CACHE_CONTROL, parseQuery } from "@/lib/api/http";
import { getExportRecords } from "@/lib/record/download";
import { parseSort } from "@/lib/domain/explore";
import { CONTENT_TYPES, toCsv, toJson, toXlsx } from "@/lib/export/formats";
import { exportQuerySchema } from "@/lib/export/query";
import { DOWNLOAD_EXTRA_COLUMNS, EXPORT_COLUMNS, type ExportRecord } from "@/lib/record/export-records";

export const dynamic = "force-dynamic";

const COLUMNS: (keyof ExportRecord)[] = [...EXPORT_COLUMNS, ...DOWNLOAD_EXTRA_COLUMNS];

/** Download of a filtered public view (the parameters of /peringkat, plus `instansi` and
 * `arah_tahun` for the entity and comparison pages) as CSV, JSON or XLSX. */
export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, exportQuerySchema);
  if (!query.ok) return query.response;
  const { format, tahun, jenis, provinsi, q, urut, arah, instansi, arah_tahun } = query.value;
  const sort = parseSort(urut, arah);
  const { records, notes } = await getExportRecords({
    year: tahun ?? null,
    types: jenis ?? null,
    provinceSlug: provinsi ?? null,
    q: (q ?? "").trim(),
    sort: sort.key,
    dir: sort.dir,
    entitySlugs: instansi ?? null,
    // The comparison table lists its entities in the order chosen, unless a sort is asked for.
    selectionOrder: instansi !== undefined && urut === undefined,
    yearOrder: arah_tahun ?? "desc",
  });
  // One entity names the file after it; several (a comparison) after how many.
  const who = instansi ? (instansi.length === 1 ? instansi[0] : `${instansi.length}-instansi`) : undefined;
  const name = ["rapor", tahun ?? "semua-tahun", jenis, provinsi, who].filter(Boolean).join("-");
  const body =
    format === "csv" ? toCsv(records, COLUMNS) : format === "json" ? toJson(records, COLUMNS, { lines: notes }) : await toXlsx(records, COLUMNS, { lines: notes });
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
