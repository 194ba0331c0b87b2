/** Items 1 and 2 of the import screen, pure: the mapped rows, the type words, and the preview's old → new. */
import { describe, expect, it } from "vitest";
import { resultKey, type ExistingResult } from "@/lib/ledger/import/context";
import { proposeMapping } from "@/lib/ledger/import/headers";
import { rowsOfTable, type ImportTable } from "@/lib/ledger/import/parse";
import { planImport } from "@/lib/ledger/import/plan";
import { previewRows, previewTotals } from "@/lib/ledger/import/preview";
import { checkResultRow } from "@/lib/ledger/schemas/result-row";
import { ENTITY, PROVINCE, importContext, row } from "./import-context";

const FILE_SOURCE = "https://kalsel.example/berita";

const table: ImportTable = {
  header: ["No", "Tahun", "Jenis", "Nama Instansi", "Provinsi", "Nilai", "Sumber"],
  records: [
    { line: 2, cells: ["1", "2023", "Pemerintah Kabupaten", "Kabupaten Tanah Laut", "Kalimantan Selatan", "81,50", ""], formulas: [] },
    { line: 3, cells: ["2", "2024", "Pemerintah Kota", "Kota Banjarmasin", "Kalimantan Selatan", "95.45", "https://x.test/bjm"], formulas: [] },
    { line: 4, cells: ["3", "2024", "Kabupaten", "Kabupaten Tanah Laut", "Kalimantan Selatan", "8850", ""], formulas: [] },
  ],
};

describe("the mapped rows of a file", () => {
  const mapping = proposeMapping(table.header, new Map(), new Map(), true);
  const rows = rowsOfTable(table, mapping.columns, FILE_SOURCE);

  it("fill each field from its column, the file's link where a row has none, and ignore the row number", () => {
    expect(rows[0]!.values).toMatchObject({ year: "2023", entity_type: "Pemerintah Kabupaten", score: "81,50", source_url: FILE_SOURCE });
    expect(rows[1]!.values.source_url).toBe("https://x.test/bjm");
    expect(Object.values(rows[0]!.values)).not.toContain("1");
  });

  it("read entity types in words and both decimal marks; an out-of-range number is said to be out of range", () => {
    expect(checkResultRow(rows[0]!.values).cells).toMatchObject({ entity_type: "PEMKAB", score: 8150 });
    expect(checkResultRow(rows[1]!.values).cells).toMatchObject({ entity_type: "PEMKOT", score: 9545 });
    expect(checkResultRow(rows[2]!.values).issues).toEqual([{ column: "score", message: "Nilai harus antara 0 dan 100." }]);
  });
});

describe("the preview", () => {
  const published: ExistingResult = {
    id: 10,
    version: 3,
    deleted: false,
    fields: {
      provinceId: PROVINCE.KALSEL,
      score: 8000,
      publishedZone: "KUNING",
      publishedCategory: null,
      publishedOpinion: null,
      publishedNationalRank: null,
      publishedProvinceRank: null,
      sourceUrl: "https://x.test/tala-2023",
    },
    sources: new Set(),
    underReview: true,
    hasRevision: false,
    publicFields: {
      provinceId: PROVINCE.KALSEL,
      score: 8000,
      publishedZone: "KUNING",
      publishedCategory: null,
      publishedOpinion: null,
      publishedNationalRank: null,
      publishedProvinceRank: null,
      sourceUrl: "https://x.test/tala-2023",
    },
  };
  const ctx = importContext({ existing: new Map([[resultKey(ENTITY.TANAH_LAUT, 2023), published]]) });
  const plan = planImport(
    [
      row(2, { year: "2023", entity_type: "PEMKAB", entity_name: "Tanah Laut", province: "KALIMANTAN SELATAN", score: "81,50", zone: "hijau", source_url: "https://x.test/tala-2023" }),
      row(3, { year: "2024", entity_type: "PEMKOT", entity_name: "Banjarmasin", province: "KALIMANTAN SELATAN", score: "95,45", source_url: "https://x.test/bjm" }),
    ],
    ctx,
  );
  const names = new Map([[PROVINCE.KALSEL, "Kalimantan Selatan"]]);

  it("shows old → new for a published result, as the public sees the values, and says it is public", () => {
    const [first, second] = previewRows(plan, names);
    expect(first).toMatchObject({ line: 2, status: "update", published: true, review: true });
    expect(first!.changes).toEqual([
      { field: "score", label: "Nilai", before: "80,00", after: "81,50" },
      { field: "publishedZone", label: "Zona", before: "Zona Kuning", after: "Zona Hijau" },
    ]);
    expect(second).toMatchObject({ line: 3, status: "create" });
    expect(second!.changes).toBeUndefined();
  });

  it("counts rows per kind, the changes to public results apart", () => {
    expect(previewTotals(plan)).toEqual({ create: 1, update: 1, updatePublished: 1, unchanged: 0, error: 0 });
  });
});
