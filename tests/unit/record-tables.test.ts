/**
 * One table type behind every table and download: the tables of totals and the results table
 * are built once from the record (in memory here), and one set of writers gives CSV, JSON and
 * XLSX of the same cells.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv, toJson, toXlsx } from "@/lib/export/formats";
import { nationalTrend } from "@/lib/record/overview";
import { provinceMapView, provinceView } from "@/lib/record/provinces";
import { DOWNLOAD_EXTRA_COLUMNS, EXPORT_COLUMNS, FIGURE_SOURCE_COLUMNS } from "@/lib/domain/results-file";
import { workbookCatalog, workbookLabels } from "@/lib/export/workbook-labels";
import { exportRecords, resultsTable, selectionOf, selectRows, SOURCE_SEPARATOR } from "@/lib/record/result-rows";
import { provinceAveragesTable, provinceMapTable, summaryTable, zoneTrendTable } from "@/lib/record/summary-tables";
import { buildTable } from "@/lib/record/table";
import { fixtureRecord } from "./fixtures";

const record = fixtureRecord();
const cellsOf = (table: { columns: readonly string[]; rows: readonly (readonly unknown[])[] }) =>
  table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));

describe("tables of totals", () => {
  it("tren-zona: one row per year of the trend, its counts and where they come from", () => {
    const table = zoneTrendTable(nationalTrend(record));
    expect(table.columns).toEqual(["year", "hijau", "kuning", "merah", "total", "basis", "complete", "sources_differ", "source_url"]);
    expect(table.items.map((p) => p.year)).toEqual([2021, 2023, 2024]);
    const rows = cellsOf(table);
    expect(rows[0]).toEqual({ year: 2021, hijau: 0, kuning: 1, merah: 0, total: 1, basis: "recorded", complete: "no", sources_differ: "no", source_url: null });
    expect(rows[2]).toMatchObject({ year: 2024, hijau: 494, kuning: 70, merah: 23, total: 587, basis: "published", complete: "yes" });
    expect(table.file).toEqual({ sheet: "Tabel", name: "tren-zona", decimals: "text", decimalColumns: [] });
  });

  it("peta-provinsi: the provinces with a Pemda average, the average as decimal text", () => {
    const table = provinceMapTable(2024, provinceMapView(record, 2024));
    expect(table.items.map((t) => t.slug)).toEqual(["kalimantan-tengah", "kalimantan-selatan"]);
    expect(table.rows).toEqual([
      [2024, "62", "Kalimantan Tengah", "90.50", "partial", 1, "HIJAU"],
      [2024, "63", "Kalimantan Selatan", "93.64", "published", null, "HIJAU"],
    ]);
    expect(table.file.decimalColumns).toEqual(["pemda_average"]);
  });

  it("rata-rata-provinsi: every year and group of the province page, the stated and the recorded average", () => {
    const table = provinceAveragesTable(provinceView(record, "kalimantan-selatan")!);
    expect(table.rows).toHaveLength(3 * 3);
    const at = (year: number, group: string) => cellsOf(table).find((r) => r.year === year && r.group === group);
    expect(at(2024, "PEMDA")).toEqual({
      year: 2024,
      province: "Kalimantan Selatan",
      group: "PEMDA",
      average: "93.64",
      average_basis: "published",
      average_source_url: "https://ombudsman.go.id/2024/average_score",
      recorded_average: "84.62",
      recorded_count: 4,
      assessed: null,
    });
    expect(at(2023, "PEMDA")).toMatchObject({ average: "84.75", average_basis: "computed", average_source_url: null, recorded_average: null });
    expect(at(2024, "POLRES")).toMatchObject({ average: "93.89", recorded_average: "85.83", recorded_count: 2, assessed: 13 });
  });

  it("summaryTable answers the download's query, with the reason when it cannot", () => {
    expect(summaryTable(record, { tabel: "peta-provinsi", tahun: 2023 })).toMatchObject({ ok: true, table: { rows: [[2023, "62", "Kalimantan Tengah", "86.60", "partial", 1, "HIJAU"], [2023, "63", "Kalimantan Selatan", "84.75", "computed", 4, "HIJAU"]] } });
    expect(summaryTable(record, { tabel: "rata-rata-provinsi" })).toMatchObject({ ok: false, status: 422 });
    expect(summaryTable(record, { tabel: "rata-rata-provinsi", provinsi: "atlantis" })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("tables of results", () => {
  it("the comparison's selection: oldest year first, the entities in the order chosen unless a sort is asked for", () => {
    const chosen = { instansi: ["pemprov-kalimantan-tengah", "pemkot-banjarmasin"], arah_tahun: "asc" as const };
    expect(selectRows(record, selectionOf(chosen)).map((r) => [r.year, r.row.entity.slug])).toEqual([
      [2021, "pemkot-banjarmasin"],
      [2023, "pemprov-kalimantan-tengah"],
      [2023, "pemkot-banjarmasin"],
      [2024, "pemprov-kalimantan-tengah"],
      [2024, "pemkot-banjarmasin"],
    ]);
    expect(selectRows(record, selectionOf({ ...chosen, urut: "nilai" })).map((r) => r.row.score)).toEqual([8000, 8801, 8660, 9545, 9050]);
  });

  it("export records: the zone the bands give beside the published one, ranks as stated, one method note per year", () => {
    const { records, notes } = exportRecords(record, selectionOf({ tahun: 2024, jenis: "pemkot" }));
    expect(records.map((r) => [r.entity_slug, r.score, r.zone, r.published_zone, r.national_rank, r.national_rank_basis])).toEqual([
      ["pemkot-banjarbaru", 9545, "HIJAU", "", null, ""],
      ["pemkot-banjarmasin", 9545, "HIJAU", "", 24, "published"],
      ["pemkot-palangkaraya", null, "", "HIJAU", null, ""],
    ]);
    expect(notes[1]).toBe("Filter: tahun=2024; jenis=pemkot; provinsi=semua; q=-; urut=nilai desc; tahun terbaru dahulu.");
    expect(notes.filter((n) => n.startsWith("Metode "))).toEqual([`Metode 2024: ${records[0]!.methodology}.`]);
  });

  it("the results table: export columns, the score as decimal text written as a number", () => {
    const table = resultsTable(exportRecords(record, selectionOf({ instansi: ["pemkot-palangkaraya", "polres-balangan"] })), [...EXPORT_COLUMNS, ...DOWNLOAD_EXTRA_COLUMNS]);
    expect(table.columns).toEqual([...EXPORT_COLUMNS, ...DOWNLOAD_EXTRA_COLUMNS]);
    // Within a year, the entities in the order asked for.
    expect(cellsOf(table)).toEqual([
      expect.objectContaining({ entity_slug: "pemkot-palangkaraya", score: null, zone: "", published_zone: "HIJAU", published_category: "A" }),
      expect.objectContaining({ entity_slug: "polres-balangan", score: "91.66", opinion: "Sangat Baik", province_rank: 2, province_rank_basis: "published" }),
    ]);
    expect(table.file).toEqual({ sheet: "Hasil", name: null, decimals: "number", decimalColumns: ["score"] });
  });
});

describe("the writers", () => {
  const items = [
    { name: "Kota Banjarmasin, Kalsel", score: 9545, url: "https://a.example/x" },
    { name: "Kota Palangka Raya", score: null, url: "" },
  ];
  const make = (decimals: "number" | "text", name: string | null) =>
    buildTable(items, [{ key: "entity_name", cell: (i) => i.name }, { key: "score", cell: (i) => i.score, decimal: true }, { key: "source_url", cell: (i) => i.url }], ["catatan"], { sheet: "Uji", name, decimals });

  it("CSV: dot decimals, empty cells for missing values, quoting where needed", () => {
    expect(toCsv(make("number", null))).toBe('entity_name,score,source_url\n"Kota Banjarmasin, Kalsel",95.45,https://a.example/x\nKota Palangka Raya,,\n');
  });

  it("JSON: decimals as numbers or as text as the table says; the table's name when it has one", () => {
    expect(JSON.parse(toJson(make("number", null)))).toEqual({
      note: ["catatan"],
      data: [
        { entity_name: "Kota Banjarmasin, Kalsel", score: 95.45, source_url: "https://a.example/x" },
        { entity_name: "Kota Palangka Raya", score: null, source_url: null },
      ],
    });
    expect(Object.keys(JSON.parse(toJson(make("text", "uji"))))).toEqual(["table", "note", "data"]);
    expect(JSON.parse(toJson(make("text", "uji"))).data[0].score).toBe("95.45");
  });

  it("XLSX: one data sheet with numbers for decimals (two places for results) and a notes sheet", async () => {
    for (const decimals of ["number", "text"] as const) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await toXlsx(make(decimals, null))) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("Uji")!;
      expect(sheet.getRow(2).getCell(2).value).toBe(95.45);
      expect(sheet.getRow(3).getCell(3).value).toBeNull();
      expect(sheet.getColumn(2).numFmt ?? null).toBe(decimals === "number" ? "0.00" : null);
      expect(workbook.getWorksheet("Catatan")!.getRow(1).getCell(1).value).toBe("catatan");
    }
    expect(parse(toCsv(make("text", "x")), { columns: true })).toHaveLength(2);
  });
});

describe("labelled workbooks", () => {
  const results = resultsTable(exportRecords(record, selectionOf({})), [...EXPORT_COLUMNS, ...DOWNLOAD_EXTRA_COLUMNS, ...FIGURE_SOURCE_COLUMNS]);

  it("name every column of every download in both languages", () => {
    const tables = [results, zoneTrendTable(nationalTrend(record)), provinceMapTable(2024, provinceMapView(record, 2024)), provinceAveragesTable(provinceView(record, "kalimantan-selatan")!)];
    for (const language of ["id", "en"]) {
      const { workbook } = workbookCatalog(language);
      for (const table of tables) expect(table.columns.filter((column) => !workbook.columns[column]), `${language}: ${table.file.name ?? "results"}`).toEqual([]);
    }
  });

  it("list each source address of the figures once on the Keterangan sheet, never several in one line", () => {
    // A figure stated by two sources has both addresses in its cell.
    const figures = buildTable(
      [
        { score: `https://a.example/1${SOURCE_SEPARATOR}https://b.example/2`, rank: "https://a.example/1" },
        { score: "https://c.example/3", rank: "" },
      ],
      [
        { key: "score_source_url", cell: (r) => r.score },
        { key: "national_rank_source_url", cell: (r) => r.rank },
      ],
      [],
      { sheet: "Hasil", name: null, decimals: "number" },
    );
    const labels = workbookLabels(workbookCatalog("id"), figures, { kind: "results", accessed: "1 Januari 2026", address: "https://rapor.test/api/v1/export", filters: [] });
    expect(labels.info.rows.filter(([label]) => label === "").map(([, url]) => url)).toEqual(["https://a.example/1", "https://b.example/2", "https://c.example/3"]);
    expect(labels.header("score_source_url")).toBe("Sumber nilai");
  });
});
