/**
 * Tables of results: which published results a view lists and in which order (the rankings
 * page and every download of results select them here, so a download holds exactly the rows
 * of its table), and those rows as the results table of a download.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RankView } from "@/lib/domain/completeness";
import type { TypeFilter } from "@/lib/domain/groups";
import { PRIMARY_RULE } from "@/lib/domain/primary";
import { sourcesStating, type Figure, type SourceRef } from "@/lib/domain/provenance";
import { filterRows, parseSort, sortRows, type SortDirection, type SortKey } from "@/lib/domain/selection";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type DatedRow, type PublicDataset } from "./dataset";
import { matchingSlugs } from "./search";
import { buildTable, type Column, type Table } from "./table";

/** Which results a table lists, and in which order. */
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

/** The URL parameters that select results (the rankings page's and the downloads'). */
export interface SelectionQuery {
  tahun?: number;
  jenis?: TypeFilter;
  provinsi?: string;
  q?: string;
  urut?: SortKey;
  arah?: SortDirection;
  instansi?: readonly string[];
  arah_tahun?: SortDirection;
}

/** The selection a URL asks for. */
export function selectionOf(query: SelectionQuery): ExportFilter {
  const sort = parseSort(query.urut, query.arah);
  return {
    year: query.tahun ?? null,
    types: query.jenis ?? null,
    provinceSlug: query.provinsi ?? null,
    q: query.q ?? "",
    sort: sort.key,
    dir: sort.dir,
    entitySlugs: query.instansi ?? null,
    // The comparison table lists its entities in the order chosen, unless a sort is asked for.
    selectionOrder: query.instansi !== undefined && query.urut === undefined,
    yearOrder: query.arah_tahun ?? "desc",
  };
}

/** The rows a selection lists: year by year, each year filtered and ordered. */
export function selectRows(dataset: PublicDataset, filter: ExportFilter): DatedRow[] {
  // dataset.years is newest first.
  const published = (filter.yearOrder ?? "desc") === "asc" ? [...dataset.years].reverse() : dataset.years;
  const years = filter.year === null ? published : published.filter((y) => y === filter.year);
  const matching = filter.q ? matchingSlugs(dataset, filter.q) : null;
  const entitySlugs = filter.entitySlugs ?? null;
  const selected = entitySlugs ? new Map(entitySlugs.map((slug, i) => [slug, i])) : null;
  const bySelection = selected !== null && filter.selectionOrder === true;
  const out: DatedRow[] = [];
  for (const year of years) {
    let rows = filterRows(dataset.rowsByYear.get(year) ?? [], { types: filter.types, provinceSlug: filter.provinceSlug, matchingSlugs: matching });
    if (selected) rows = rows.filter((row) => selected.has(row.entity.slug));
    const ordered = bySelection ? [...rows].sort((a, b) => selected.get(a.entity.slug)! - selected.get(b.entity.slug)!) : sortRows(rows, filter.sort, filter.dir);
    for (const row of ordered) out.push({ year, row });
  }
  return out;
}

export interface ExportRecord {
  year: number;
  entity_type: string;
  entity_name: string;
  entity_slug: string;
  province: string;
  /** Hundredths, or null without a score. */
  score: number | null;
  zone: string;
  category: string;
  published_zone: string;
  published_category: string;
  opinion: string;
  national_rank: number | null;
  province_rank: number | null;
  national_rank_basis: string;
  province_rank_basis: string;
  source_url: string;
  methodology: string;
  score_source_url: string;
  zone_source_url: string;
  category_source_url: string;
  national_rank_source_url: string;
  province_rank_source_url: string;
}

/** Several sources in one cell. */
export const SOURCE_SEPARATOR = " | ";
const urls = (refs: readonly SourceRef[]) => [...new Set(refs.map((r) => r.url))].join(SOURCE_SEPARATOR);

/** The sources of a rank as the page states it: none for a rank Rapor computes over a complete group. */
function rankSources(rank: RankView | null, figure: Figure<number>): string {
  const official = rank?.official;
  if (!official || official.source === "computed") return "";
  return urls(sourcesStating(figure, official.rank));
}

/** The rank a page states (computed for a complete group, else the source's), with its basis. */
export function statedRank(rank: RankView | null): { rank: number | null; basis: string } {
  const official = rank?.official;
  if (!official) return { rank: null, basis: "" };
  return { rank: official.rank, basis: official.source === "computed" ? "computed" : "published" };
}

export function toExportRecord(year: number, row: YearRow, methodology: { name: string; bandsVerified: boolean } | null): ExportRecord {
  const national = statedRank(row.nationalRank);
  const province = statedRank(row.provinceRank);
  const computed = row.zoneBasis === "computed";
  return {
    year,
    entity_type: row.entity.type,
    entity_name: row.entity.name,
    entity_slug: row.entity.slug,
    province: row.province?.name ?? "",
    score: row.score,
    zone: computed ? (row.zone ?? "") : "",
    category: computed ? (row.category ?? "") : "",
    published_zone: row.publishedZone ?? "",
    published_category: row.publishedCategory ?? "",
    opinion: row.publishedOpinion ?? "",
    national_rank: national.rank,
    province_rank: province.rank,
    national_rank_basis: national.basis,
    province_rank_basis: province.basis,
    source_url: row.sourceUrl ?? "",
    methodology: methodology ? `${methodology.name}${methodology.bandsVerified ? "" : " (batas nilai belum terverifikasi)"}` : "",
    score_source_url: urls(row.figures.score.statedBy),
    zone_source_url: urls(sourcesStating(row.figures.zone, row.publishedZone)),
    category_source_url: urls(sourcesStating(row.figures.category, row.publishedCategory)),
    national_rank_source_url: rankSources(row.nationalRank, row.figures.nationalRank),
    province_rank_source_url: rankSources(row.provinceRank, row.figures.provinceRank),
  };
}

export interface ExportResult {
  records: ExportRecord[];
  notes: string[];
}

/** The rows of a selection as export records, with the notes every download carries. */
export function exportRecords(dataset: PublicDataset, filter: ExportFilter): ExportResult {
  const entitySlugs = filter.entitySlugs ?? null;
  const yearOrder = filter.yearOrder ?? "desc";
  const bySelection = entitySlugs !== null && filter.selectionOrder === true;
  const notes = [
    "Rapor — hasil penilaian Ombudsman RI yang telah dipublikasikan (published results only).",
    `Filter: tahun=${filter.year ?? "semua"}; jenis=${filter.types ?? "semua"}; provinsi=${filter.provinceSlug ?? "semua"}; ` +
      `${entitySlugs ? `instansi=${entitySlugs.join(",")}; ` : ""}q=${filter.q || "-"}; ` +
      `urut=${bySelection ? "urutan instansi" : `${filter.sort} ${filter.dir}`}; tahun ${yearOrder === "asc" ? "terlama" : "terbaru"} dahulu.`,
    "score: 0–100, titik sebagai pemisah desimal (dot decimal). zone/category: dihitung dari batas nilai tahun itu; published_zone/published_category/opinion: sebagaimana dipublikasikan sumber.",
    "national_rank/province_rank: peringkat yang dinyatakan halaman — dihitung bila kelompok lengkap, selain itu peringkat menurut sumber (kolom *_rank_basis). Kosong bila tidak ada.",
    `*_source_url: sumber yang menyatakan angka itu (beberapa dipisah "${SOURCE_SEPARATOR.trim()}"): score_source_url untuk score, zone_source_url dan category_source_url untuk published_zone dan published_category, *_rank_source_url untuk peringkat menurut sumber. Angka yang dihitung Rapor (zone, category, peringkat dengan basis computed) tidak bersumber dari artikel: lihat halaman metodologi.`,
    "zone/category kosong pada tahun yang batas nilainya belum terverifikasi: zona tidak ditetapkan dari nilai, hanya sebagaimana dinyatakan sumber (published_zone).",
    PRIMARY_RULE,
  ];
  const records: ExportRecord[] = [];
  const noted = new Set<number>();
  for (const { year, row } of selectRows(dataset, filter)) {
    const methodology = dataset.methodologies.get(year) ?? null;
    records.push(toExportRecord(year, row, methodology));
    if (methodology && !noted.has(year)) {
      noted.add(year);
      notes.push(`Metode ${year}: ${methodology.name}${methodology.bandsVerified ? "" : " — batas nilai belum terverifikasi"}.`);
    }
  }
  return { records, notes };
}

export async function getExportRecords(filter: ExportFilter, prisma?: PrismaClient): Promise<ExportResult> {
  return exportRecords(await getPublicDataset(prisma), filter);
}

/** Export records as the results table of a download, with the given columns (lib/domain/results-file.ts:
 * EXPORT_COLUMNS, and DOWNLOAD_EXTRA_COLUMNS on the web). */
export function resultsTable(result: ExportResult, columns: readonly (keyof ExportRecord)[]): Table<ExportRecord> {
  const cells: Column<ExportRecord>[] = columns.map((key) => ({ key, cell: (record) => record[key], decimal: key === "score" }));
  return buildTable(result.records, cells, result.notes, { sheet: "Hasil", name: null, decimals: "number" });
}
