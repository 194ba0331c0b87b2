import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hundredthsToDecimalString } from "@/lib/domain/score";
import { getOverview, type Overview } from "./overview";
import { getProvinceReport, getProvinceTiles, type ProvinceReport, type ProvinceTile } from "./provinces";

/**
 * The tables that hold totals rather than results: the national zone trend, the province map's
 * table and a province's averages across years. Each builder turns exactly what the page's
 * table shows into rows; pure, no I/O.
 */
export const SUMMARY_TABLES = ["tren-zona", "peta-provinsi", "rata-rata-provinsi"] as const;
export type SummaryTableName = (typeof SUMMARY_TABLES)[number];

export type Cell = string | number | null;

export interface SummaryTable {
  name: SummaryTableName;
  columns: string[];
  rows: Cell[][];
  notes: string[];
}

const decimal = (hundredths: number | null | undefined): string | null => (hundredths === null || hundredths === undefined ? null : hundredthsToDecimalString(hundredths));

/** The home page's national trend: per year, the zone counts and where they come from. */
export function zoneTrendTable(trend: Overview["trend"]): SummaryTable {
  return {
    name: "tren-zona",
    columns: ["year", "hijau", "kuning", "merah", "total", "basis", "complete", "sources_differ", "source_url"],
    rows: trend.map((p) => [
      p.year,
      p.distribution.counts.HIJAU,
      p.distribution.counts.KUNING,
      p.distribution.counts.MERAH,
      p.distribution.total,
      p.basis,
      p.complete ? "yes" : "no",
      p.sourcesDiffer ? "yes" : "no",
      p.sourceUrl,
    ]),
    notes: [
      "Jumlah instansi per zona secara nasional. basis=published: angka yang dipublikasikan sumber; basis=recorded: dihitung dari hasil yang tercatat di Rapor saja (complete=no: tidak mencakup semua yang dinilai).",
    ],
  };
}

/** The home page's province map as its table shows it: each province with a Pemda average,
 * the average and its basis. */
export function provinceMapTable(year: number, tiles: readonly ProvinceTile[]): SummaryTable {
  return {
    name: "peta-provinsi",
    columns: ["year", "province_code", "province", "pemda_average", "basis", "results_counted", "zone"],
    rows: tiles.filter((tile) => tile.zone).map((tile) => [year, tile.code, tile.name, decimal(tile.average?.hundredths), tile.average?.basis ?? null, tile.average?.count ?? null, tile.zone]),
    notes: [
      `Rata-rata Pemda (Pemprov, Pemkab, Pemkot) per provinsi, ${year}. basis=computed: rata-rata seluruh yang dinilai; published: rata-rata menurut sumber; partial: rata-rata hasil yang tercatat saja, bukan seluruh yang dinilai.`,
    ],
  };
}

/** A province page's table across years: each group's average as the page states it. */
export function provinceAveragesTable(report: ProvinceReport): SummaryTable {
  const rows: Cell[][] = [];
  for (const year of report.years) {
    for (const group of year.groups) {
      const { average } = group.summary;
      rows.push([
        year.year,
        report.province.name,
        group.group,
        decimal(average.official?.hundredths),
        average.official?.source ?? null,
        average.official?.source === "published" ? (average.official.sourceUrl ?? null) : null,
        decimal(average.partial?.hundredths),
        average.partial?.count ?? null,
        group.assessed,
      ]);
    }
  }
  return {
    name: "rata-rata-provinsi",
    columns: ["year", "province", "group", "average", "average_basis", "average_source_url", "recorded_average", "recorded_count", "assessed"],
    rows,
    notes: [
      `Rata-rata per kelompok di ${report.province.name} dari tahun ke tahun. average: rata-rata kelompok (computed: seluruh yang dinilai tercatat; published: menurut sumber); recorded_average: rata-rata hasil yang tercatat saja, dari recorded_count hasil (bukan rata-rata kelompok bila tidak lengkap).`,
    ],
  };
}



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
