import { loadMessages } from "@/lib/i18n/messages";
import { intlLocale } from "@/lib/i18n/routing";
import type { PublicDataset } from "@/lib/record/dataset";
import { SOURCE_SEPARATOR } from "@/lib/record/result-rows";
import type { ExportQuery, SummaryQuery } from "@/lib/record/query";
import type { Table } from "@/lib/record/table";
import type { WorkbookLabels } from "./formats";

/** The interface text a workbook is labelled with (messages/<locale>/downloads.json "workbook",
 * and the type names of common.json), as loaded for one language. */
export interface WorkbookCatalog {
  workbook: {
    sheetResults: string;
    sheetTable: string;
    sheetInfo: string;
    notesTitle: string;
    columns: Record<string, string>;
    values: { zone: Record<string, string>; basis: Record<string, string>; yesNo: Record<string, string>; group: Record<string, string> };
    info: Record<string, string>;
  };
  entityType: Record<string, string>;
}

/** Which coded columns take which labels. */
const CODED: Record<string, (values: WorkbookCatalog, value: string) => string | undefined> = {
  entity_type: (c, v) => c.entityType[v],
  zone: (c, v) => c.workbook.values.zone[v],
  published_zone: (c, v) => c.workbook.values.zone[v],
  national_rank_basis: (c, v) => c.workbook.values.basis[v],
  province_rank_basis: (c, v) => c.workbook.values.basis[v],
  basis: (c, v) => c.workbook.values.basis[v],
  average_basis: (c, v) => c.workbook.values.basis[v],
  complete: (c, v) => c.workbook.values.yesNo[v],
  sources_differ: (c, v) => c.workbook.values.yesNo[v],
  group: (c, v) => c.workbook.values.group[v],
};

export interface WorkbookContext {
  /** "results" for a table of results (sheet Hasil), "totals" for a table of totals. */
  kind: "results" | "totals";
  /** The access date, already written in the language ("26 November 2026"). */
  accessed: string;
  /** The download's address. */
  address: string;
  /** The filters as (label key of info, value) — the value already labelled; absent ones say "all". */
  filters: readonly (readonly [string, string | null])[];
}

/** Workbook labels in one language for a table: headers, coded values, and the Keterangan sheet
 * with the title, the date, the address, the filters and the table's sources. */
export function workbookLabels(catalog: WorkbookCatalog, table: Table, context: WorkbookContext): WorkbookLabels {
  const { workbook } = catalog;
  const info = workbook.info;
  const sources = new Set<string>();
  table.columns.forEach((column, i) => {
    if (!column.endsWith("url")) return;
    for (const row of table.rows) {
      const cell = row[i];
      // A figure's sources are several addresses in one cell (SOURCE_SEPARATOR): each is listed.
      if (typeof cell === "string") for (const url of cell.split(SOURCE_SEPARATOR)) if (url !== "") sources.add(url);
    }
  });
  const filters = context.filters.map(([key, value]) => `${info[key] ?? key}: ${value ?? info.all}`).join("; ");
  return {
    sheet: context.kind === "results" ? workbook.sheetResults : workbook.sheetTable,
    header: (column) => workbook.columns[column],
    label: (column, value) => CODED[column]?.(catalog, value),
    info: {
      sheet: workbook.sheetInfo,
      notesTitle: workbook.notesTitle,
      rows: [
        [info.title!, info.titleValue!],
        ...(context.kind === "results" ? [[info.table!, info.tableResults!] as const] : []),
        [info.accessed!, context.accessed],
        [info.address!, context.address],
        [info.filters!, filters],
        [info.numbers!, info.numbersValue!],
        [info.sources!, info.sourcesValue!],
        ...[...sources].sort().map((url) => ["", url] as const),
      ],
    },
  };
}

/** The catalog of a language, as the message files hold it. */
export function workbookCatalog(language: string): WorkbookCatalog & { explorer: { typeFilter: Record<string, string> } } {
  const messages = loadMessages(language);
  return {
    workbook: messages.workbook as WorkbookCatalog["workbook"],
    entityType: messages.entityType as Record<string, string>,
    explorer: messages.explorer as { typeFilter: Record<string, string> },
  };
}

/** The date of a download as a reader of the language writes it ("26 November 2026"), in Jakarta's time. */
export function accessDate(language: string, now = new Date()): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "Asia/Jakarta" }).format(now);
}

/** The labels of a download of results in a language: its filters named as the pages name them. */
export function resultsWorkbookLabels(dataset: PublicDataset, query: ExportQuery, table: Table, address: string, now = new Date()): WorkbookLabels {
  const language = query.bahasa ?? "id";
  const catalog = workbookCatalog(language);
  const province = query.provinsi ? (dataset.provinces.find((p) => p.slug === query.provinsi)?.name ?? query.provinsi) : null;
  const entities = query.instansi?.map((slug) => dataset.entities.bySlug.get(slug)?.name ?? slug).join(", ") ?? null;
  return workbookLabels(catalog, table, {
    kind: "results",
    accessed: accessDate(language, now),
    address,
    filters: [
      ["year", query.tahun !== undefined ? String(query.tahun) : null],
      ["type", query.jenis ? (catalog.explorer.typeFilter[query.jenis] ?? query.jenis) : null],
      ["province", province],
      ...(entities ? [["entities", entities] as const] : []),
      ["search", query.q || null],
      ["order", query.urut ? `${query.urut} ${query.arah ?? ""}`.trim() : null],
    ],
  });
}

/** The labels of a download of a table of totals in a language. */
export function summaryWorkbookLabels(dataset: PublicDataset, query: SummaryQuery, table: Table, address: string, now = new Date()): WorkbookLabels {
  const language = query.bahasa ?? "id";
  const catalog = workbookCatalog(language);
  const province = query.provinsi ? (dataset.provinces.find((p) => p.slug === query.provinsi)?.name ?? query.provinsi) : null;
  return workbookLabels(catalog, table, {
    kind: "totals",
    accessed: accessDate(language, now),
    address,
    filters: [
      ["table", query.tabel],
      ...(query.tahun !== undefined ? [["year", String(query.tahun)] as const] : []),
      ...(province ? [["province", province] as const] : []),
    ],
  });
}
