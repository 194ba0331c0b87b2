import type { PrismaClient } from "@/lib/generated/prisma/client";
import { provinceAveragesTable, provinceMapTable, zoneTrendTable, type SummaryTable, type SummaryTableName } from "@/lib/export/summary";
import { getOverview } from "./overview";
import { getProvinceReport, getProvinceTiles } from "./provinces";

export type SummaryOutcome = { ok: true; table: SummaryTable } | { ok: false; status: 404 | 422; message: string };

/** The rows of a totals table exactly as its page computes them (the same read functions). */
export async function getSummaryTable(
  query: { tabel: SummaryTableName; tahun?: number; provinsi?: string },
  prisma?: PrismaClient,
): Promise<SummaryOutcome> {
  if (query.tabel === "tren-zona") return { ok: true, table: zoneTrendTable((await getOverview(undefined, prisma)).trend) };
  if (query.tabel === "peta-provinsi") {
    const overview = await getOverview(query.tahun === undefined ? undefined : String(query.tahun), prisma);
    if (overview.year === null) return { ok: false, status: 404, message: "Belum ada hasil yang dipublikasikan." };
    return { ok: true, table: provinceMapTable(overview.year, await getProvinceTiles(overview.year, prisma)) };
  }
  if (!query.provinsi) return { ok: false, status: 422, message: "Parameter provinsi wajib untuk tabel rata-rata-provinsi." };
  const report = await getProvinceReport(query.provinsi, prisma);
  if (!report) return { ok: false, status: 404, message: "Provinsi tidak ditemukan." };
  return { ok: true, table: provinceAveragesTable(report) };
}
