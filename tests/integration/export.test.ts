import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getExportRecords } from "@/lib/data/export";
import { getRankingExplorer, EXPLORER_PAGE_SIZE } from "@/lib/data/explorer";
import { seedDatabase } from "@/lib/data/seed";
import { toCsv, toJson, toXlsx } from "@/lib/export/formats";
import { EXPORT_COLUMNS, statedRank } from "@/lib/export/records";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

let tdb: TempDatabase;

beforeAll(async () => {
  tdb = createTempDatabase("export");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const entity = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "pemkab-balangan" } });
  await tdb.prisma.result.create({
    data: { entityId: entity.id, year: 2024, provinceId: entity.provinceId, score: 1234, status: "DRAFT", createdBy: "test", updatedBy: "test" },
  });
});

afterAll(async () => {
  await tdb.dispose();
});

describe("exports of public views", () => {
  it("equal the rankings table for the same filters (order, scores, ranks)", async () => {
    const params = { tahun: "2024", jenis: "pemda", provinsi: "kalimantan-selatan" };
    const explorer = await getRankingExplorer(params, tdb.prisma);
    const { records } = await getExportRecords(
      { year: 2024, types: "pemda", provinceSlug: "kalimantan-selatan", q: "", sort: explorer.filters.sort, dir: explorer.filters.dir },
      tdb.prisma,
    );
    expect(records.length).toBe(explorer.page.total);
    expect(records.length).toBeGreaterThanOrEqual(4);
    const shown = explorer.page.items.slice(0, EXPLORER_PAGE_SIZE);
    expect(records.slice(0, shown.length).map((r) => [r.entity_slug, r.score, r.national_rank, r.province_rank])).toEqual(
      shown.map((row) => [row.entity.slug, row.score, statedRank(row.nationalRank).rank, statedRank(row.provinceRank).rank]),
    );
    const banjarmasin = records.find((r) => r.entity_slug === "pemkot-banjarmasin")!;
    expect(banjarmasin).toMatchObject({ score: 9545, zone: "HIJAU", category: "A", national_rank: 24, national_rank_basis: "published" });
  });

  it("follow a name search like the table does", async () => {
    const explorer = await getRankingExplorer({ tahun: "2024", q: "Banjarmasin" }, tdb.prisma);
    const { records } = await getExportRecords(
      { year: 2024, types: null, provinceSlug: null, q: "Banjarmasin", sort: explorer.filters.sort, dir: explorer.filters.dir },
      tdb.prisma,
    );
    expect(records.map((r) => r.entity_slug)).toEqual(explorer.page.items.map((r) => r.entity.slug));
  });

  it("never include a draft", async () => {
    const { records } = await getExportRecords(
      { year: 2024, types: null, provinceSlug: null, q: "", sort: "nilai", dir: "desc" },
      tdb.prisma,
    );
    expect(records.some((r) => r.score === 1234)).toBe(false);
    expect(records.some((r) => r.entity_slug === "pemkab-balangan")).toBe(false);
  });

  it("give the same rows in CSV, JSON and XLSX", async () => {
    const { records, notes } = await getExportRecords(
      { year: 2024, types: "pemkot", provinceSlug: null, q: "", sort: "nilai", dir: "desc" },
      tdb.prisma,
    );
    const columns = [...EXPORT_COLUMNS];
    const csvRows = parse(toCsv(records, columns), { columns: true }) as Record<string, string>[];
    const json = JSON.parse(toJson(records, columns, { lines: notes })) as { data: Record<string, unknown>[]; note: string[] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(records, columns, { lines: notes })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Hasil")!;
    const xlsxRows: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      xlsxRows.push(
        Object.fromEntries(
          columns.map((c, i) => {
            const v = row.getCell(i + 1).value;
            return [c, v === null || v === undefined ? "" : c === "score" ? (v as number).toFixed(2) : String(v)];
          }),
        ),
      );
    });
    expect(csvRows.length).toBe(records.length);
    expect(xlsxRows).toEqual(csvRows);
    expect(
      json.data.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] === null ? "" : c === "score" ? (r[c] as number).toFixed(2) : String(r[c])]))),
    ).toEqual(csvRows);
    expect(csvRows.find((r) => r.entity_name === "Kota Banjarmasin")).toMatchObject({ score: "95.45", zone: "HIJAU", category: "A" });
    expect(json.note.join(" ")).toContain("dot decimal");
  });

  it("answers the download route with the file, and 400 for a bad format or type", async () => {
    const { GET } = await import("@/app/api/v1/export/route");
    const ok = await GET(new Request("http://rapor.test/api/v1/export?format=csv&tahun=2025&jenis=polres"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toBe('attachment; filename="rapor-2025-polres.csv"');
    const text = await ok.text();
    expect(text.split("\n")[1]).toContain("Polres Balangan,Kalimantan Selatan,91.66");
    const bad = await GET(new Request("http://rapor.test/api/v1/export?format=pdf&jenis=bupati"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string[] }[] }).issues.map((i) => i.path[0]).sort()).toEqual(["format", "jenis"]);
  });
});
