/**
 * Issue 15 (5, 6): a CSV is read in the encoding it was saved in (never U+FFFD without a word),
 * and an XLSX whose XML would not fit the limits is refused before any parser opens it — also
 * when its ZIP directory lies about the sizes.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeImportText } from "@/lib/ledger/import/decode";
import { parseImportFile } from "@/lib/ledger/import/parse";
import { checkXlsxLimits, MAX_XLSX_XML_BYTES } from "@/lib/ledger/import/xlsx-limits";
import { HEADER_COLUMNS } from "../helpers/import-columns";
import { buildXlsx } from "../helpers/xlsx-bomb";

const HEADER = HEADER_COLUMNS.join(",");

describe("CSV encoding", () => {
  it("reads a Windows-1252 (Latin-1) file with its accents, and says so", async () => {
    const text = `${HEADER}\n2024,POLRES,Polrès Façade Müller,KALIMANTAN SELATAN,91.66,,,,,,https://x.test/a,café\n`;
    const latin1 = Buffer.from(text, "latin1");
    const parsed = await parseImportFile("hasil.csv", latin1);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.encoding).toBe("Windows-1252");
    expect(parsed.rows[0]!.values.entity_name).toBe("Polrès Façade Müller");
    expect(parsed.rows[0]!.values.notes).toBe("café");
    expect(JSON.stringify(parsed.rows)).not.toContain("\uFFFD");
  });

  it("reads UTF-8 (with or without BOM) and UTF-16 with a BOM", async () => {
    const text = `${HEADER}\n2024,POLRES,Polrès,KALIMANTAN SELATAN,91.66,,,,,,https://x.test/a,\n`;
    const utf8 = await parseImportFile("a.csv", Buffer.from(text, "utf8"));
    expect(utf8.ok && utf8.encoding).toBe("UTF-8");
    const bom = await parseImportFile("a.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    expect(bom.ok && bom.rows[0]!.values.entity_name).toBe("Polrès");
    const utf16 = await parseImportFile("a.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(utf16.ok && utf16.encoding).toBe("UTF-16LE");
    expect(utf16.ok && utf16.rows[0]!.values.entity_name).toBe("Polrès");
  });

  it("refuses a file whose BOM promises UTF-8 that it does not hold", () => {
    const decoded = decodeImportText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("caf\xe9", "latin1")]));
    expect(decoded.ok).toBe(false);
  });

  it("property: any bytes decode without a replacement character the bytes did not hold", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeImportText(bytes);
        if (!decoded.ok) return bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
        // U+FFFD only where the bytes themselves encode it in the encoding read.
        return !decoded.text.includes("\uFFFD") || Buffer.from(bytes).includes(Buffer.from("\uFFFD", "utf8")) || decoded.encoding.startsWith("UTF-16");
      }),
      { numRuns: 3000 },
    );
  });
});

describe("XLSX limits", () => {
  it("let a real workbook through, counting its rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hasil");
    sheet.addRow([...HEADER_COLUMNS]);
    for (let i = 0; i < 25; i++) sheet.addRow([2024, "PEMKAB", "Tanah Laut", "KALIMANTAN SELATAN", 88.1, "", "", "", "", "", "https://x.test/a", ""]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const checked = await checkXlsxLimits(bytes);
    expect(checked).toMatchObject({ ok: true, rows: 25 });
    const parsed = await parseImportFile("hasil.xlsx", bytes);
    expect(parsed.ok && parsed.rows.length).toBe(25);
  });

  it("refuse a file whose XML is too large, from the ZIP directory alone", async () => {
    // ~120 MB of sheet XML in a file of about a megabyte.
    const bomb = await buildXlsx({ rows: 190_000 });
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const checked = await checkXlsxLimits(bomb);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message).toMatch(/^Isi berkas XLSX terlalu besar: \d+ MB XML setelah diekstrak \(paling banyak 64 MB\)/);
    const parsed = await parseImportFile("bom.xlsx", bomb);
    expect(parsed).toEqual({ ok: false, message: checked.message });
  }, 60_000);

  it("refuse a file whose ZIP directory understates what a part inflates to", async () => {
    const liar = await buildXlsx({ rows: 190_000, declaredSheetSize: 1_000_000 });
    const checked = await checkXlsxLimits(liar);
    expect(checked).toEqual({ ok: false, message: "Berkas XLSX tidak dapat dibaca: bagian xl/worksheets/sheet1.xml berisi lebih banyak data daripada yang tercatat di arsipnya." });
  }, 60_000);

  it("refuse more rows than an import may hold", async () => {
    const many = await buildXlsx({ rows: 600 });
    const checked = await checkXlsxLimits(many, { xmlBytes: MAX_XLSX_XML_BYTES, rows: 500 });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(/lebih dari 500 baris/);
    expect(await checkXlsxLimits(many, { xmlBytes: MAX_XLSX_XML_BYTES, rows: 600 })).toMatchObject({ ok: true, rows: 600 });
  });

  it("refuse what is not a ZIP, with a message", async () => {
    const checked = await checkXlsxLimits(Buffer.from("PK this is not a zip at all, just text pretending"));
    expect(checked).toMatchObject({ ok: false });
    if (!checked.ok) expect(checked.message).toMatch(/^Berkas XLSX tidak dapat dibaca/);
  });
});
