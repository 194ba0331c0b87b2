import { cpSync, mkdtempSync, readFileSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublicDataset } from "@/lib/record/dataset";
import { seedDatabase, SEED_DIR } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

function csvRowCount(file: string): number {
  return (parse(readFileSync(join(SEED_DIR, file), "utf8"), { columns: true, bom: true, skip_empty_lines: true }) as unknown[]).length;
}

async function resultOf(tdb: TempDatabase, slug: string, year: number) {
  return tdb.prisma.result.findFirstOrThrow({
    where: { entity: { slug }, year },
    include: { sources: true, province: true, entity: { include: { regency: true } } },
  });
}

describe("seed on a fresh database", () => {
  let tdb: TempDatabase;

  beforeAll(async () => {
    tdb = createTempDatabase("seed");
    await seedDatabase(tdb.prisma);
  });
  afterAll(async () => {
    await tdb.dispose();
  });

  it("loads the reference data of idn-area-data", async () => {
    expect(await tdb.prisma.province.count()).toBe(38);
    expect(await tdb.prisma.regency.count()).toBe(514);
    const byType = Object.fromEntries(
      (await tdb.prisma.entity.groupBy({ by: ["type"], _count: true })).map((g) => [g.type, g._count]),
    );
    expect(byType.PEMPROV).toBe(38);
    // 514 kabupaten/kota: 416 kabupaten + 98 kota, of which Jakarta's 5 + 1 are administrative.
    expect((byType.PEMKAB ?? 0) + (byType.KABUPATEN_ADMINISTRASI ?? 0)).toBe(416);
    expect((byType.PEMKOT ?? 0) + (byType.KOTA_ADMINISTRASI ?? 0)).toBe(98);
    expect(byType.KANTOR_PERTANAHAN).toBe(514);
  });

  it("records the Papua split: new provinces point to the one their areas came from", async () => {
    const papuaSelatan = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "93" }, include: { splitFrom: true } });
    expect(papuaSelatan.splitFrom?.name).toBe("Papua");
    expect(papuaSelatan.formedIn).toBe(2022);
    const merauke = await tdb.prisma.regency.findFirstOrThrow({ where: { name: "Kabupaten Merauke" }, include: { formerProvince: true } });
    expect(merauke.formerProvince?.code).toBe("91");
  });

  it("keeps every row of results.csv and aggregates as a source, a member of a group statement, or a fact", async () => {
    // A row compiled twice is one source recording both lines (results.csv:305 results.csv:307).
    const lines = (await tdb.prisma.resultSource.findMany({ select: { origin: true } })).flatMap((s) => s.origin.split(" "));
    expect(lines.length + (await tdb.prisma.groupStatementMember.count())).toBe(csvRowCount("results.csv"));
    expect(await tdb.prisma.publishedFact.count()).toBe(
      csvRowCount("aggregates.csv") + csvRowCount("supplement-aggregates.csv"),
    );
    expect(await tdb.prisma.result.count()).toBeGreaterThan(500);
    expect(await tdb.prisma.result.count({ where: { status: { not: "PUBLISHED" } } })).toBe(0);
  });

  it("loads Kota Banjarmasin 2024 as published: 95,45, zona hijau, kategori A, 24th nationally", async () => {
    const r = await resultOf(tdb, "pemkot-banjarmasin", 2024);
    expect(r.score).toBe(9545);
    expect(r.publishedZone).toBe("HIJAU");
    expect(r.publishedCategory).toBe("A");
    expect(r.computedZone).toBe("HIJAU");
    expect(r.computedCategory).toBe("A");
    expect(r.publishedNationalRank).toBe(24);
    expect(r.publishedProvinceRank).toBe(1);
    expect(r.province?.name).toBe("Kalimantan Selatan");
    expect(r.sources).toHaveLength(3);
    expect(r.hasConflict).toBe(false);
  });

  it("picks the majority value for Kota Banjarmasin 2023 and flags the conflict", async () => {
    const r = await resultOf(tdb, "pemkot-banjarmasin", 2023);
    expect(r.score).toBe(8802);
    expect(r.hasConflict).toBe(true);
    expect(r.sources.map((s) => s.score).sort()).toEqual([8801, 8802, 8802]);
    expect(r.sources.filter((s) => s.isPrimary)).toHaveLength(1);
  });

  it("creates Polres Balangan from the 2025 result, linked to its kabupaten", async () => {
    const r = await resultOf(tdb, "polres-balangan", 2025);
    expect(r.score).toBe(9166);
    expect(r.publishedOpinion).toBe("Sangat Baik");
    expect(r.publishedProvinceRank).toBe(2);
    expect(r.entity.regency?.name).toBe("Kabupaten Balangan");
    const assessed = await tdb.prisma.publishedFact.findFirstOrThrow({
      where: { year: 2025, province: { slug: "kalimantan-selatan" }, entityGroup: "POLRES", metric: "count_assessed" },
    });
    expect(assessed.value).toBe("5");
  });

  it("classifies Pemprov Kalimantan Tengah with each year's bands", async () => {
    const y2023 = await resultOf(tdb, "pemprov-kalimantan-tengah", 2023);
    const y2024 = await resultOf(tdb, "pemprov-kalimantan-tengah", 2024);
    expect([y2023.score, y2023.computedCategory, y2023.computedZone]).toEqual([8660, "B", "HIJAU"]);
    expect([y2024.score, y2024.computedCategory, y2024.computedZone]).toEqual([9050, "A", "HIJAU"]);
  });

  it("keeps a zone-only result without a score (Kota Palangka Raya 2024)", async () => {
    const r = await resultOf(tdb, "pemkot-palangkaraya", 2024);
    expect(r.score).toBeNull();
    expect(r.publishedZone).toBe("HIJAU");
    expect(r.computedZone).toBeNull();
  });

  it("seeds the methodology of 2021–2025 as data, 2025 marked unverified", async () => {
    const years = await tdb.prisma.methodology.findMany({ include: { bands: true, dimensions: true }, orderBy: { year: "asc" } });
    expect(years.map((m) => m.year)).toEqual(expect.arrayContaining([2021, 2022, 2023, 2024, 2025]));
    const m2023 = years.find((m) => m.year === 2023)!;
    expect(m2023.bands.find((b) => b.category === "A")).toMatchObject({ min: 8800, max: 10000, zone: "HIJAU" });
    expect(m2023.dimensions.find((d) => d.code === "proses")?.weight).toBe(3237);
    expect(years.find((m) => m.year === 2025)?.bandsVerified).toBe(false);
  });

  it("ranks nationally without passing partial data off as the whole", async () => {
    const pemkot = (await getPublicDataset(tdb.prisma)).rowsByYear.get(2024)!.filter((r) => r.entity.type === "PEMKOT");
    const recorded = pemkot.filter((r) => r.score !== null).length;
    expect(recorded).toBeLessThan(98);
    const banjarmasin = pemkot.find((r) => r.entity.slug === "pemkot-banjarmasin")!;
    expect(banjarmasin.nationalRank.complete).toBe(false);
    expect(banjarmasin.nationalRank.official).toMatchObject({ source: "published", rank: 24, of: 98 });
    expect(banjarmasin.nationalRank.partial?.of).toBe(recorded);
    const palangkaRaya = pemkot.find((r) => r.entity.slug === "pemkot-palangkaraya")!;
    expect(palangkaRaya.nationalRank).toEqual({ complete: false, official: null, partial: null });
    expect(palangkaRaya.zone).toBe("HIJAU");
    expect(palangkaRaya.zoneBasis).toBe("published");
  });

  it("is idempotent: a second run adds and changes nothing", async () => {
    const before = await Promise.all([
      tdb.prisma.entity.count(),
      tdb.prisma.entityAlias.count(),
      tdb.prisma.result.count(),
      tdb.prisma.resultSource.count(),
      tdb.prisma.publishedFact.count(),
      tdb.prisma.methodologyBand.count(),
    ]);
    const summary = await seedDatabase(tdb.prisma);
    expect(summary).toEqual({ results: 0, sources: 0, statements: 0, facts: 0, createdEntities: 0 });
    const after = await Promise.all([
      tdb.prisma.entity.count(),
      tdb.prisma.entityAlias.count(),
      tdb.prisma.result.count(),
      tdb.prisma.resultSource.count(),
      tdb.prisma.publishedFact.count(),
      tdb.prisma.methodologyBand.count(),
    ]);
    expect(after).toEqual(before);
  });
});

describe("seed with a row that matches no entity", () => {
  let tdb: TempDatabase;
  let dir: string;

  beforeAll(() => {
    tdb = createTempDatabase("seed-bad");
    dir = mkdtempSync(join(tmpdir(), "rapor-seed-"));
    cpSync(SEED_DIR, dir, { recursive: true });
    appendFileSync(join(dir, "results.csv"), "2024,PEMKAB,Tanah Entah,KALIMANTAN SELATAN,90.00,,,,,,https://example.org/x,\n");
  });
  afterAll(async () => {
    await tdb.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails loudly with the line number and leaves the database empty", async () => {
    const lines = readFileSync(join(dir, "results.csv"), "utf8").trimEnd().split("\n").length;
    await expect(seedDatabase(tdb.prisma, dir)).rejects.toThrow(
      `results.csv line ${lines}: no PEMKAB named "Tanah Entah" in KALIMANTAN SELATAN`,
    );
    expect(await tdb.prisma.province.count()).toBe(0);
    expect(await tdb.prisma.entity.count()).toBe(0);
    expect(await tdb.prisma.result.count()).toBe(0);
  });
});
