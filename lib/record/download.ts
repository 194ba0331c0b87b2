/** The rows of a public view for download: the same ranks, filters and order as the page. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { filterRows, sortRows, type SortDirection, type SortKey } from "@/lib/domain/explore";
import type { TypeFilter } from "@/lib/domain/groups";
import { PRIMARY_RULE } from "@/lib/domain/primary";
import { toExportRecord, type ExportRecord } from "@/lib/record/export-records";
import { findEntitySlugsMatching } from "./rankings";
import { getPublicDataset } from "./dataset";

export interface ExportFilter {
  /** One year, or every published year when null. */
  year: number | null;
  types: TypeFilter | null;
  provinceSlug: string | null;
  q: string;
  sort: SortKey;
  dir: SortDirection;
  /** Only these entities (the entity page: one; the comparison: its selection); null for all. */
  entitySlugs?: readonly string[] | null;
  /** Within a year, rows in the order of entitySlugs instead of by `sort` (the comparison table). */
  selectionOrder?: boolean;
  /** Years newest first (default, as the entity page lists them) or oldest first (the comparison). */
  yearOrder?: SortDirection;
}

export interface ExportResult {
  records: ExportRecord[];
  notes: string[];
}

export async function getExportRecords(filter: ExportFilter, prisma?: PrismaClient): Promise<ExportResult> {
  const dataset = await getPublicDataset(prisma);
  const entitySlugs = filter.entitySlugs ?? null;
  const yearOrder = filter.yearOrder ?? "desc";
  // dataset.years is newest first.
  const published = yearOrder === "asc" ? [...dataset.years].reverse() : dataset.years;
  const years = filter.year === null ? published : published.filter((y) => y === filter.year);
  const matchingSlugs = filter.q ? await findEntitySlugsMatching(filter.q, prisma) : null;
  const selected = entitySlugs ? new Map(entitySlugs.map((slug, i) => [slug, i])) : null;
  const bySelection = selected !== null && filter.selectionOrder === true;
  const records: ExportRecord[] = [];
  const notes = [
    "Rapor — hasil penilaian Ombudsman RI yang telah dipublikasikan (published results only).",
    `Filter: tahun=${filter.year ?? "semua"}; jenis=${filter.types ?? "semua"}; provinsi=${filter.provinceSlug ?? "semua"}; ` +
      `${entitySlugs ? `instansi=${entitySlugs.join(",")}; ` : ""}q=${filter.q || "-"}; ` +
      `urut=${bySelection ? "urutan instansi" : `${filter.sort} ${filter.dir}`}; tahun ${yearOrder === "asc" ? "terlama" : "terbaru"} dahulu.`,
    "score: 0–100, titik sebagai pemisah desimal (dot decimal). zone/category: dihitung dari batas nilai tahun itu; published_zone/published_category/opinion: sebagaimana dipublikasikan sumber.",
    "national_rank/province_rank: peringkat yang dinyatakan halaman — dihitung bila kelompok lengkap, selain itu peringkat menurut sumber (kolom *_rank_basis). Kosong bila tidak ada.",
    PRIMARY_RULE,
  ];
  for (const year of years) {
    let rows = filterRows(dataset.rowsByYear.get(year) ?? [], {
      types: filter.types,
      provinceSlug: filter.provinceSlug,
      matchingSlugs,
    });
    if (selected) rows = rows.filter((row) => selected.has(row.entity.slug));
    if (rows.length === 0) continue;
    const ordered = bySelection
      ? [...rows].sort((a, b) => selected.get(a.entity.slug)! - selected.get(b.entity.slug)!)
      : sortRows(rows, filter.sort, filter.dir);
    const methodology = dataset.methodologies.get(year) ?? null;
    for (const row of ordered) records.push(toExportRecord(year, row, methodology));
    if (methodology) {
      notes.push(`Metode ${year}: ${methodology.name}${methodology.bandsVerified ? "" : " — batas nilai belum terverifikasi"}.`);
    }
  }
  return { records, notes };
}
