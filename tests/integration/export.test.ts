import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_COLUMNS } from "@/lib/domain/results-file";
import { getExportRecords, resultsTable, statedRank } from "@/lib/record/result-rows";
import { getCompareSeries, getEntityReport } from "@/lib/record/entities";
import { getRankingExplorer, EXPLORER_PAGE_SIZE } from "@/lib/record/rankings";
import { getOverview } from "@/lib/record/overview";
import { getProvinceReport } from "@/lib/record/provinces";
import { parseTypeFilter } from "@/lib/domain/groups";
import { seedDatabase } from "@/lib/ledger/seed";
import { toCsv, toJson, toXlsx } from "@/lib/export/formats";
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
    const csvRows = parse(toCsv(resultsTable({ records, notes }, columns)), { columns: true }) as Record<string, string>[];
    const json = JSON.parse(toJson(resultsTable({ records, notes }, columns))) as { data: Record<string, unknown>[]; note: string[] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(resultsTable({ records, notes }, columns))) as unknown as ArrayBuffer);
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

/** A table row as the export states it: who, which year, the score and both ranks. */
const shownRow = (year: number, row: { entity: { slug: string }; score: number | null; nationalRank: Parameters<typeof statedRank>[0]; provinceRank: Parameters<typeof statedRank>[0] }) => [
  year,
  row.entity.slug,
  row.score,
  statedRank(row.nationalRank).rank,
  statedRank(row.provinceRank).rank,
];
const exportedRow = (r: { year: number; entity_slug: string; score: number | null; national_rank: number | null; province_rank: number | null }) => [
  r.year,
  r.entity_slug,
  r.score,
  r.national_rank,
  r.province_rank,
];

/** The parameters a page's download links carry, through the route's own query parsing. */
async function download(query: string): Promise<{ status: number; rows: Record<string, string>[]; disposition: string | null }> {
  const { GET } = await import("@/app/api/v1/export/route");
  const response = await GET(new Request(`http://rapor.test/api/v1/export?format=csv&${query}`));
  const text = await response.text();
  return { status: response.status, rows: response.status === 200 ? (parse(text, { columns: true }) as Record<string, string>[]) : [], disposition: response.headers.get("content-disposition") };
}

describe("downloads of the other public tables", () => {
  it("province page: each group table of each year equals its export (tahun, jenis, provinsi), no draft", async () => {
    const report = (await getProvinceReport("kalimantan-selatan", tdb.prisma))!;
    let tables = 0;
    for (const y of report.years) {
      for (const g of y.groups) {
        if (g.rows.length === 0) continue;
        tables++;
        const types = parseTypeFilter(g.group.toLowerCase());
        expect(types).not.toBeNull();
        const { records } = await getExportRecords(
          { year: y.year, types, provinceSlug: "kalimantan-selatan", q: "", sort: "nilai", dir: "desc" },
          tdb.prisma,
        );
        expect(records.map(exportedRow), `${g.group} ${y.year}`).toEqual(g.rows.map((row) => shownRow(y.year, row)));
      }
    }
    expect(tables).toBeGreaterThanOrEqual(5);
    // The draft of Pemkab Balangan 2024 is in neither.
    const pemda2024 = await download("tahun=2024&jenis=pemda&provinsi=kalimantan-selatan");
    expect(pemda2024.rows.some((r) => r.entity_slug === "pemkab-balangan")).toBe(false);
    const polres2025 = await download("tahun=2025&jenis=polres&provinsi=kalimantan-selatan");
    expect(polres2025.rows.map((r) => [r.entity_name, r.score, r.province_rank, r.province_rank_basis])).toEqual([["Polres Balangan", "91.66", "2", "published"]]);
  });

  it("entity page: the history table equals the export of instansi=<slug>, newest year first", async () => {
    for (const slug of ["pemkot-banjarmasin", "pemprov-kalimantan-tengah", "pemkot-palangkaraya"]) {
      const report = (await getEntityReport(slug, tdb.prisma))!;
      const shown = [...report.years].reverse().map((y) => shownRow(y.year, y.row));
      expect(shown.length).toBeGreaterThan(0);
      const { records } = await getExportRecords(
        { year: null, types: null, provinceSlug: null, q: "", sort: "nilai", dir: "desc", entitySlugs: [slug] },
        tdb.prisma,
      );
      expect(records.map(exportedRow), slug).toEqual(shown);
      const viaRoute = await download(`instansi=${slug}`);
      expect(viaRoute.rows.map((r) => [Number(r.year), r.entity_slug])).toEqual(shown.map(([year, s]) => [year, s]));
      expect(viaRoute.disposition).toBe(`attachment; filename="rapor-semua-tahun-${slug}.csv"`);
    }
    const banjarmasin = await download("instansi=pemkot-banjarmasin");
    expect(banjarmasin.rows.find((r) => r.year === "2024")).toMatchObject({ score: "95.45", zone: "HIJAU", category: "A", national_rank: "24" });
    // Zone-only results are exported with their published zone and no score.
    const palangkaraya = await download("instansi=pemkot-palangkaraya&tahun=2024");
    expect(palangkaraya.rows).toHaveLength(1);
    expect(palangkaraya.rows[0]).toMatchObject({ score: "", published_zone: "HIJAU" });
    // An entity whose only result is a draft exports nothing of it.
    const balangan = await download("instansi=pemkab-balangan&tahun=2024");
    expect(balangan.rows).toEqual([]);
  });

  it("comparison page: the table's cells (years oldest first, entities in the chosen order) equal the export", async () => {
    const slugs = ["pemprov-kalimantan-tengah", "pemkot-banjarmasin"];
    const series = await getCompareSeries(slugs, tdb.prisma);
    const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
    const cells = years.flatMap((year) =>
      series.flatMap((s) => {
        const p = s.points.find((x) => x.year === year);
        return p ? [[year, s.slug, p.score]] : [];
      }),
    );
    const { records } = await getExportRecords(
      { year: null, types: null, provinceSlug: null, q: "", sort: "nilai", dir: "desc", entitySlugs: slugs, selectionOrder: true, yearOrder: "asc" },
      tdb.prisma,
    );
    expect(records.map((r) => [r.year, r.entity_slug, r.score])).toEqual(cells);
    expect(new Set(records.map((r) => r.entity_slug)).size).toBe(2);
    const viaRoute = await download(`instansi=${slugs.join(",")}&arah_tahun=asc`);
    expect(viaRoute.rows.map((r) => [Number(r.year), r.entity_slug, r.score === "" ? null : Math.round(Number(r.score) * 100)])).toEqual(cells);
    expect(viaRoute.disposition).toBe('attachment; filename="rapor-semua-tahun-2-instansi.csv"');
  });

  it("home page: the year's export holds exactly the results the zone-distribution table counts", async () => {
    const overview = await getOverview("2024", tdb.prisma);
    const { records } = await getExportRecords({ year: 2024, types: null, provinceSlug: null, q: "", sort: "nilai", dir: "desc" }, tdb.prisma);
    expect(records.length).toBe(overview.types.reduce((s, t) => s + t.recorded, 0));
    for (const type of overview.types) {
      const mine = records.filter((r) => r.entity_type === type.type);
      expect(mine.length, type.type).toBe(type.recorded);
      const zoneOf = (r: (typeof records)[number]) => r.zone || r.published_zone || null;
      for (const zone of ["HIJAU", "KUNING", "MERAH"] as const) {
        expect(mine.filter((r) => zoneOf(r) === zone).length, `${type.type} ${zone}`).toBe(type.distribution.counts[zone]);
      }
    }
  });

  it("refuses a malformed entity list", async () => {
    expect((await download("instansi=Bukan%20Slug")).status).toBe(400);
    expect((await download("instansi=,")).status).toBe(400);
    expect((await download(`instansi=${Array.from({ length: 21 }, (_, i) => `e${i}`).join(",")}`)).status).toBe(400);
  });
});
