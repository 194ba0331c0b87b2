/** The rows of a public view for download: the same ranks, filters and order as the page. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { filterRows, sortRows, type SortDirection, type SortKey } from "@/lib/domain/explore";
import type { TypeFilter } from "@/lib/domain/groups";
import { PRIMARY_RULE } from "@/lib/domain/primary";
import { toExportRecord, type ExportRecord } from "@/lib/export/records";
import { findEntitySlugsMatching } from "./explorer";
import { getPublicDataset } from "./public-dataset";

export interface ExportFilter {
  /** One year, or every published year when null. */
  year: number | null;
  types: TypeFilter | null;
  provinceSlug: string | null;
  q: string;
  sort: SortKey;
  dir: SortDirection;
}

export interface ExportResult {
  records: ExportRecord[];
  notes: string[];
}

export async function getExportRecords(filter: ExportFilter, prisma?: PrismaClient): Promise<ExportResult> {
  const dataset = await getPublicDataset(prisma);
  const years = filter.year === null ? dataset.years : dataset.years.filter((y) => y === filter.year);
  const matchingSlugs = filter.q ? await findEntitySlugsMatching(filter.q, prisma) : null;
  const records: ExportRecord[] = [];
  const notes = [
    "Rapor — hasil penilaian Ombudsman RI yang telah dipublikasikan (published results only).",
    `Filter: tahun=${filter.year ?? "semua"}; jenis=${filter.types ?? "semua"}; provinsi=${filter.provinceSlug ?? "semua"}; q=${filter.q || "-"}; urut=${filter.sort} ${filter.dir}.`,
    "score: 0–100, titik sebagai pemisah desimal (dot decimal). zone/category: dihitung dari batas nilai tahun itu; published_zone/published_category/opinion: sebagaimana dipublikasikan sumber.",
    "national_rank/province_rank: peringkat yang dinyatakan halaman — dihitung bila kelompok lengkap, selain itu peringkat menurut sumber (kolom *_rank_basis). Kosong bila tidak ada.",
    PRIMARY_RULE,
  ];
  for (const year of years) {
    const rows = filterRows(dataset.rowsByYear.get(year) ?? [], {
      types: filter.types,
      provinceSlug: filter.provinceSlug,
      matchingSlugs,
    });
    const methodology = dataset.methodologies.get(year) ?? null;
    for (const row of sortRows(rows, filter.sort, filter.dir)) records.push(toExportRecord(year, row, methodology));
    if (methodology) {
      notes.push(`Metode ${year}: ${methodology.name}${methodology.bandsVerified ? "" : " — batas nilai belum terverifikasi"}.`);
    }
  }
  return { records, notes };
}
