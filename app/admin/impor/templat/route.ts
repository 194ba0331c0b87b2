import { stringify } from "csv-stringify/sync";
import { currentActor } from "@/lib/auth/actor";
import { RESULT_FILE_COLUMNS } from "@/lib/domain/results-file";

export const dynamic = "force-dynamic";

/** The import template: the columns of results.csv and two example rows. */
export async function GET(): Promise<Response> {
  if (!(await currentActor())) return new Response("Masuk terlebih dahulu.", { status: 401 });
  const body = stringify([
    [...RESULT_FILE_COLUMNS],
    ["2024", "PEMKOT", "Banjarmasin", "KALIMANTAN SELATAN", "95.45", "HIJAU", "A", "Kualitas Tertinggi", "24", "1", "https://contoh.go.id/berita-hasil-penilaian", "contoh: hapus baris ini"],
    ["2025", "POLRES", "Balangan", "KALIMANTAN SELATAN", "91,66", "", "", "Sangat Baik", "", "2", "https://contoh.go.id/berita-polres", "contoh: nilai boleh memakai koma"],
  ]);
  return new Response("\uFEFF" + body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="templat-impor-rapor.csv"' },
  });
}
