import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv, parseImportFile, parseXlsx } from "@/lib/ledger/import/parse";

const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";

describe("import file parsing", () => {
  it("reads a comma-separated file with a BOM, keeping line numbers", () => {
    const parsed = parseCsv(`\uFEFF${HEADER}\n2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,"95,45",HIJAU,A,,24,1,https://x.test/a,\n\n2024,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,91.2,,,,,,https://x.test/b,"a, b"\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.rows[0]!.values).toMatchObject({ year: "2024", entity_name: "Banjarmasin", score: "95,45", national_rank: "24" });
    expect(parsed.rows[1]!.values.notes).toBe("a, b");
  });

  it("detects a semicolon separator, where a decimal comma needs no quotes", () => {
    const text = `${HEADER.replaceAll(",", ";")}\n2025;POLRES;Balangan;KALIMANTAN SELATAN;91,66;;;Sangat Baik;;2;https://x.test/c;`;
    expect(detectDelimiter(text)).toBe(";");
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.rows[0]!.values.score).toBe("91,66");
  });

  it("accepts files without the optional columns and maps an export's published columns", () => {
    const minimal = parseCsv("year,entity_type,entity_name,province,score,source_url\n2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,95.45,https://x.test/a\n");
    expect(minimal.ok && minimal.rows[0]!.values.zone).toBe("");
    const exported = parseCsv(
      "year,entity_type,entity_name,province,score,zone,category,published_zone,published_category,opinion,national_rank,province_rank,source_url\n2024,PEMKOT,Kota Banjarmasin,Kalimantan Selatan,95.45,HIJAU,A,KUNING,,,24,1,https://x.test/a\n",
    );
    expect(exported.ok && exported.rows[0]!.values).toMatchObject({ zone: "KUNING", category: "" });
  });

  it("rejects a missing, unknown or repeated column with a clear message", () => {
    expect(parseCsv("year,entity_type,entity_name,score,source_url\n")).toEqual({
      ok: false,
      message: "Kolom wajib tidak ada: province. Unduh templat untuk susunan kolom yang benar.",
    });
    expect(parseCsv(`${HEADER},bupati\n`)).toEqual({ ok: false, message: "Kolom tidak dikenal: bupati." });
    expect(parseCsv(`${HEADER},score\n`)).toEqual({ ok: false, message: "Kolom score muncul dua kali." });
    expect(parseCsv("")).toEqual({ ok: false, message: "Berkas kosong." });
    const broken = parseCsv(`${HEADER}\n2024,"PEMKOT,x\n`);
    expect(broken.ok).toBe(false);
  });

  it("reads XLSX the same as CSV, numbers included", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hasil");
    sheet.addRow(HEADER.split(","));
    sheet.addRow([2024, "PEMKOT", "Banjarmasin", "KALIMANTAN SELATAN", 95.45, "HIJAU", "A", "", 24, 1, { text: "https://x.test/a", hyperlink: "https://x.test/a" }, ""]);
    sheet.addRow([]);
    sheet.addRow([2024, "PEMKAB", "Tanah Laut", "KALIMANTAN SELATAN", 91.2, null, null, null, null, null, "https://x.test/b", null]);
    const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
    const fromXlsx = await parseImportFile("hasil.xlsx", buffer);
    const fromCsv = parseCsv(`${HEADER}\n2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,95.45,HIJAU,A,,24,1,https://x.test/a,\n2024,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,91.2,,,,,,https://x.test/b,\n`);
    expect(fromXlsx.ok && fromCsv.ok).toBe(true);
    if (!fromXlsx.ok || !fromCsv.ok) return;
    expect(fromXlsx.rows.map((r) => r.values)).toEqual(fromCsv.rows.map((r) => r.values));
    expect(fromXlsx.rows.map((r) => r.line)).toEqual([2, 4]);
    expect((await parseXlsx(new Uint8Array([1, 2, 3]))).ok).toBe(false);
  });
});
