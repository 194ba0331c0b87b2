import { stringify } from "csv-stringify/sync";
import { currentActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { RESULT_FILE_COLUMNS } from "@/lib/domain/results-file";
import { templateCsv, templateXlsx } from "@/lib/ledger/import/template";

export const dynamic = "force-dynamic";

/**
 * The import templates: ?format=csv or ?format=xlsx the Indonesian one (Indonesian headers,
 * decimal comma, the allowed values listed); without a format the file's technical columns, as
 * an export writes them, for scripts and the command line.
 */
export async function GET(request: Request): Promise<Response> {
  if (!(await currentActor())) return new Response("Masuk terlebih dahulu.", { status: 401 });
  const format = new URL(request.url).searchParams.get("format");
  if (format === "xlsx") {
    const provinces = await db().province.findMany({ select: { name: true }, orderBy: { name: "asc" } });
    const body = await templateXlsx(provinces.map((p) => p.name));
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": 'attachment; filename="templat-impor-hasil.xlsx"',
      },
    });
  }
  if (format === "csv") {
    return new Response(templateCsv(), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="templat-impor-hasil.csv"' },
    });
  }
  const body = stringify([
    [...RESULT_FILE_COLUMNS],
    ["2024", "PEMKOT", "Banjarmasin", "KALIMANTAN SELATAN", "95.45", "HIJAU", "A", "Kualitas Tertinggi", "24", "1", "https://contoh.go.id/berita-hasil-penilaian", "contoh: hapus baris ini"],
    ["2025", "POLRES", "Balangan", "KALIMANTAN SELATAN", "91.66", "", "", "Sangat Baik", "", "2", "https://contoh.go.id/berita-polres", "contoh: hapus baris ini"],
  ]);
  return new Response("\uFEFF" + body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="templat-impor-rapor.csv"' },
  });
}
