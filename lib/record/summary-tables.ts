import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPublicDataset, type PublicDataset } from "./dataset";
import { openingYear } from "./years";
import { nationalTrend, type Overview } from "./overview";
import { provinceMapView, provinceView, type ProvinceGroupYear, type ProvinceReport, type ProvinceTile } from "./provinces";
import type { SummaryTableName } from "./query";
import { buildTable, type Table } from "./table";

/**
 * The tables that hold totals rather than results: the national zone trend, the province map's
 * table and a province's averages across years. Each is built here once: its page renders the
 * table's items and its downloads write the table's cells.
 */

export type TrendPoint = Overview["trend"][number];

const totals = (name: SummaryTableName) => ({ sheet: "Tabel", name, decimals: "text" as const });

/** The home page's national trend: per year, the zone counts and where they come from. */
export function zoneTrendTable(trend: readonly TrendPoint[]): Table<TrendPoint> {
  return buildTable(
    trend,
    [
      { key: "year", cell: (p) => p.year },
      { key: "hijau", cell: (p) => p.distribution.counts.HIJAU },
      { key: "kuning", cell: (p) => p.distribution.counts.KUNING },
      { key: "merah", cell: (p) => p.distribution.counts.MERAH },
      { key: "total", cell: (p) => p.distribution.total },
      { key: "basis", cell: (p) => p.basis },
      { key: "complete", cell: (p) => (p.complete ? "yes" : "no") },
      { key: "sources_differ", cell: (p) => (p.sourcesDiffer ? "yes" : "no") },
      { key: "source_url", cell: (p) => p.sourceUrl },
    ],
    [
      "Jumlah instansi per zona secara nasional. basis=published: angka yang dipublikasikan sumber; basis=recorded: dihitung dari hasil yang tercatat di Rapor saja (complete=no: tidak mencakup semua yang dinilai).",
    ],
    totals("tren-zona"),
  );
}

/** The home page's province map as its table shows it: each province with a Pemda average,
 * the average, its basis and its zone (none in a year whose bands are not verified). */
export function provinceMapTable(year: number, tiles: readonly ProvinceTile[]): Table<ProvinceTile> {
  return buildTable(
    tiles.filter((tile) => tile.average),
    [
      { key: "year", cell: () => year },
      { key: "province_code", cell: (tile) => tile.code },
      { key: "province", cell: (tile) => tile.name },
      { key: "pemda_average", cell: (tile) => tile.average?.hundredths ?? null, decimal: true },
      { key: "basis", cell: (tile) => tile.average?.basis ?? null },
      { key: "results_counted", cell: (tile) => tile.average?.count ?? null },
      { key: "zone", cell: (tile) => tile.zone },
    ],
    [
      `Rata-rata Pemda (Pemprov, Pemkab, Pemkot) per provinsi, ${year}. basis=computed: rata-rata seluruh yang dinilai; published: rata-rata menurut sumber; partial: rata-rata hasil yang tercatat saja (results_counted), bukan seluruh yang dinilai. zone kosong bila batas nilai tahun itu belum terverifikasi.`,
    ],
    totals("peta-provinsi"),
  );
}

/** One group of a province in one year: a row of the averages across years. */
export interface GroupAverage {
  year: number;
  group: ProvinceGroupYear;
}

/** A province page's table across years: each group's average as the page states it. */
export function provinceAveragesTable(report: ProvinceReport): Table<GroupAverage> {
  return buildTable(
    report.years.flatMap((y) => y.groups.map((group) => ({ year: y.year, group }))),
    [
      { key: "year", cell: (r) => r.year },
      { key: "province", cell: () => report.province.name },
      { key: "group", cell: (r) => r.group.group },
      { key: "average", cell: (r) => r.group.summary.average.official?.hundredths ?? null, decimal: true },
      { key: "average_basis", cell: (r) => r.group.summary.average.official?.source ?? null },
      {
        key: "average_source_url",
        cell: ({ group: { summary } }) => (summary.average.official?.source === "published" ? (summary.average.official.sourceUrl ?? null) : null),
      },
      { key: "recorded_average", cell: (r) => r.group.summary.average.partial?.hundredths ?? null, decimal: true },
      { key: "recorded_count", cell: (r) => r.group.summary.average.partial?.count ?? null },
      { key: "assessed", cell: (r) => r.group.assessed },
    ],
    [
      `Rata-rata per kelompok di ${report.province.name} dari tahun ke tahun. average: rata-rata kelompok (computed: seluruh yang dinilai tercatat; published: menurut sumber); recorded_average: rata-rata hasil yang tercatat saja, dari recorded_count hasil (bukan rata-rata kelompok bila tidak lengkap).`,
    ],
    totals("rata-rata-provinsi"),
  );
}

export type SummaryOutcome = { ok: true; table: Table } | { ok: false; status: 404 | 422; message: string };

/** A table of totals as its page builds it. */
export function summaryTable(dataset: PublicDataset, query: { tabel: SummaryTableName; tahun?: number; provinsi?: string }): SummaryOutcome {
  if (query.tabel === "tren-zona") return { ok: true, table: zoneTrendTable(nationalTrend(dataset)) };
  if (query.tabel === "peta-provinsi") {
    const year = openingYear(dataset, query.tahun);
    if (year === null) return { ok: false, status: 404, message: "Belum ada hasil yang dipublikasikan." };
    return { ok: true, table: provinceMapTable(year, provinceMapView(dataset, year)) };
  }
  if (!query.provinsi) return { ok: false, status: 422, message: "Parameter provinsi wajib untuk tabel rata-rata-provinsi." };
  const report = provinceView(dataset, query.provinsi);
  if (!report) return { ok: false, status: 404, message: "Provinsi tidak ditemukan." };
  return { ok: true, table: provinceAveragesTable(report) };
}

export async function getSummaryTable(query: Parameters<typeof summaryTable>[1], prisma?: PrismaClient): Promise<SummaryOutcome> {
  return summaryTable(await getPublicDataset(prisma), query);
}
