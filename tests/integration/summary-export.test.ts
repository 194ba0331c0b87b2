/**
 * Issue 6: the tables of totals (national zone trend, province map, a province's averages
 * across years) download exactly as their pages compute them, published data only.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOverview } from "@/lib/record/overview";
import { getProvinceReport, getProvinceTiles } from "@/lib/record/provinces";
import { seedDatabase } from "@/lib/ledger/seed";
import { getSummaryTable } from "@/lib/record/summary-tables";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

let tdb: TempDatabase;
let GET: (request: Request) => Promise<Response>;

beforeAll(async () => {
  tdb = createTempDatabase("summary-export");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  // A draft with a score that would move every Kalimantan Selatan Polres figure of 2025.
  const entity = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "polres-hulu-sungai-selatan" } });
  await tdb.prisma.result.create({
    data: { entityId: entity.id, year: 2025, provinceId: entity.provinceId, score: 1000, status: "DRAFT", createdBy: "test", updatedBy: "test" },
  });
  GET = (await import("@/app/api/v1/export/ringkasan/route")).GET;
}, 120_000);

afterAll(async () => {
  await tdb.dispose();
});

const table = async (query: Parameters<typeof getSummaryTable>[0]) => {
  const outcome = await getSummaryTable(query, tdb.prisma);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.table.rows.map((row) => Object.fromEntries(outcome.table.columns.map((c, i) => [c, row[i]])));
};

describe("downloads of the tables of totals", () => {
  it("tren-zona: one row per year of the home page's trend, with its counts and basis", async () => {
    const { trend } = await getOverview(undefined, tdb.prisma);
    const rows = await table({ tabel: "tren-zona" });
    expect(rows.map((r) => r.year)).toEqual(trend.map((p) => p.year));
    expect(rows.find((r) => r.year === 2024)).toMatchObject({ hijau: 494, kuning: 70, merah: 23, basis: "published" });
    for (const [i, p] of trend.entries()) expect(rows[i]).toMatchObject({ hijau: p.distribution.counts.HIJAU, total: p.distribution.total, basis: p.basis });
  });

  it("peta-provinsi: the provinces the map's table lists, with the average it shows", async () => {
    const tiles = await getProvinceTiles(2024, tdb.prisma);
    const rows = await table({ tabel: "peta-provinsi", tahun: 2024 });
    expect(rows.map((r) => r.province_code)).toEqual(tiles.filter((t) => t.zone).map((t) => t.code));
    expect(rows.find((r) => r.province === "Kalimantan Selatan")).toMatchObject({ year: 2024, pemda_average: "93.64", basis: "published", zone: "HIJAU" });
  });

  it("rata-rata-provinsi: every year and group of the province page, drafts left out", async () => {
    const report = (await getProvinceReport("kalimantan-selatan", tdb.prisma))!;
    const rows = await table({ tabel: "rata-rata-provinsi", provinsi: "kalimantan-selatan" });
    expect(rows).toHaveLength(report.years.length * 3);
    const at = (year: number, group: string) => rows.find((r) => r.year === year && r.group === group);
    expect(at(2024, "PEMDA")).toMatchObject({ average: "93.64", average_basis: "published", recorded_average: "95.08", recorded_count: 4 });
    expect(at(2024, "POLRES")).toMatchObject({ average: "93.89", average_basis: "published" });
    expect(at(2024, "KANTOR_PERTANAHAN")).toMatchObject({ average: "93.31" });
    // 2025 Polres: one recorded result of five assessed; the draft (10,00) changes nothing.
    expect(at(2025, "POLRES")).toMatchObject({ average: null, recorded_average: "91.66", recorded_count: 1, assessed: 5 });
  });

  it("the route answers CSV, XLSX and JSON with the same rows, and clear errors", async () => {
    const csv = await GET(new Request("http://rapor.test/api/v1/export/ringkasan?tabel=rata-rata-provinsi&provinsi=kalimantan-selatan&format=csv"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const csvRows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(csvRows.find((r) => r.year === "2024" && r.group === "PEMDA")?.average).toBe("93.64");

    const json = (await (await GET(new Request("http://rapor.test/api/v1/export/ringkasan?tabel=rata-rata-provinsi&provinsi=kalimantan-selatan&format=json"))).json()) as {
      data: Record<string, unknown>[];
      note: string[];
    };
    expect(json.data).toHaveLength(csvRows.length);
    expect(json.note[0]).toContain("Kalimantan Selatan");

    const xlsx = await GET(new Request("http://rapor.test/api/v1/export/ringkasan?tabel=tren-zona&format=xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Tabel")!;
    const years = (sheet.getColumn(1).values as unknown[]).slice(2);
    expect(years).toEqual((await getOverview(undefined, tdb.prisma)).trend.map((p) => p.year));

    expect((await GET(new Request("http://rapor.test/api/v1/export/ringkasan?tabel=rata-rata-provinsi&format=csv"))).status).toBe(422);
    expect((await GET(new Request("http://rapor.test/api/v1/export/ringkasan?tabel=rata-rata-provinsi&provinsi=atlantis&format=csv"))).status).toBe(404);
    const bad = await GET(new Request("http://rapor.test/api/v1/export/ringkasan?tabel=semua&format=csv"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe("bad_request");
  });
});
