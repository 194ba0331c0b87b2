/**
 * GET /admin/hasil/unduh?format=csv|xlsx&… : the admin's result list as filtered (every page,
 * drafts included — an admin file, never a public one), in CSV (dot decimal, as every export of
 * Rapor) or XLSX. The filters are the list's own (list-query.ts); an editor gets its provinces only.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { currentActor } from "@/lib/auth/actor";
import { hundredthsToDecimalString } from "@/lib/domain/score";
import { spreadsheetSafe } from "@/lib/export/spreadsheet-safe";
import { downloadAdminResults } from "@/lib/ledger/result-reads";
import { readListQuery } from "../list-query";

export const dynamic = "force-dynamic";

const HEADER = ["id", "tahun", "jenis", "instansi", "provinsi", "nilai", "zona_hitung", "kategori_hitung", "status", "revisi_menunggu", "diubah", "oleh", "halaman_publik"];

export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Masuk terlebih dahulu.", { status: 401 });
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const { filter } = readListQuery(url.searchParams);
  const rows = await downloadAdminResults(actor, filter);
  const cells = rows.map((r) => [
    r.id,
    r.year,
    r.entity.type,
    r.entity.name,
    r.province?.name ?? "",
    r.score === null ? "" : hundredthsToDecimalString(r.score),
    r.computedZone ?? "",
    r.computedCategory ?? "",
    r.deletedAt ? "DELETED" : r.status,
    r.revision ? "ya" : "",
    r.updatedAt.toISOString(),
    r.updatedBy,
    r.status === "PUBLISHED" && !r.deletedAt ? `${url.origin}/instansi/${r.entity.slug}` : "",
  ]);
  const name = `hasil-admin${filter.year ? `-${filter.year}` : ""}`;
  if (format === "xlsx") {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hasil");
    sheet.addRow(HEADER).font = { bold: true };
    for (const row of cells) sheet.addRow(row.map((c) => (typeof c === "string" ? spreadsheetSafe(c) : c)));
    const body = new Uint8Array(await workbook.xlsx.writeBuffer());
    return new Response(body, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const body = "\uFEFF" + stringify([HEADER, ...cells.map((row) => row.map((c) => (typeof c === "string" ? spreadsheetSafe(c) : c)))]);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"`, "Cache-Control": "no-store" },
  });
}
