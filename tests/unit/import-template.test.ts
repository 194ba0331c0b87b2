/** The Indonesian templates read back through the screen's own mapping: every column recognised, the examples valid. */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { proposeMapping } from "@/lib/ledger/import/headers";
import { readImportTable, rowsOfTable } from "@/lib/ledger/import/parse";
import { TEMPLATE_HEADER, templateCsv, templateXlsx } from "@/lib/ledger/import/template";
import { checkResultRow } from "@/lib/ledger/schemas/result-row";

async function readBack(name: string, bytes: Uint8Array) {
  const read = await readImportTable(name, bytes);
  if (!read.ok) throw new Error(read.message);
  const mapping = proposeMapping(read.table.header);
  return { table: read.table, mapping, rows: rowsOfTable(read.table, mapping.columns) };
}

describe("the Indonesian import template", () => {
  it.each([
    ["templat.csv", async () => new TextEncoder().encode(templateCsv())],
    ["templat.xlsx", () => templateXlsx(["Kalimantan Selatan", "Jawa Timur"])],
  ])("%s: Indonesian headers, all recognised (the row number ignored), examples valid, one decimal style", async (name, make) => {
    const { table, mapping, rows } = await readBack(name, await make());
    expect(table.header).toEqual([...TEMPLATE_HEADER]);
    expect(mapping.complete).toBe(true);
    expect(mapping.columns.filter((c) => c.source !== "recognised").map((c) => c.header)).toEqual(["No"]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(checkResultRow(row.values).issues).toEqual([]);
      expect(row.values.score).toMatch(/^\d+,\d\d$/);
    }
  });

  it("lists the allowed values on a second sheet, with drop-downs on the type column", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateXlsx(["Kalimantan Selatan"])) as unknown as ArrayBuffer);
    const guide = workbook.getWorksheet("Petunjuk")!;
    const types = guide.getColumn(4).values.filter((v) => typeof v === "string");
    expect(types).toContain("Kantor Pertanahan");
    expect(types).toContain("Pemerintah Kabupaten");
    expect(guide.getColumn(5).values).toContain("Kalimantan Selatan");
    const validation = workbook.getWorksheet("Hasil")!.getCell("C2").dataValidation;
    expect(validation).toMatchObject({ type: "list", formulae: ["Petunjuk!$D$2:$D$13"] });
  });
});
