import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCompareSeries, getEntityReport, findComparableEntities } from "@/lib/record/entities";
import { getRankingExplorer, findEntitySlugsMatching } from "@/lib/record/rankings";
import { getMethodologyDetails } from "@/lib/record/methodology";
import { getOverview } from "@/lib/record/overview";
import { getProvinceReport, getProvinceTiles } from "@/lib/record/provinces";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

describe("public dashboard reads on the seeded real data", () => {
  let tdb: TempDatabase;

  beforeAll(async () => {
    tdb = createTempDatabase("dashboard");
    await seedDatabase(tdb.prisma);
  });
  afterAll(async () => {
    await tdb.dispose();
  });

  it("ranks Polres Balangan 2025 2nd of 5 in Kalimantan Selatan as published, not 1st of the 1 recorded", async () => {
    const explorer = await getRankingExplorer({ tahun: "2025", jenis: "polres", provinsi: "kalimantan-selatan" }, tdb.prisma);
    expect(explorer.page.total).toBe(1);
    const row = explorer.page.items[0]!;
    expect(row.entity.slug).toBe("polres-balangan");
    expect(row.score).toBe(9166);
    expect(row.publishedOpinion).toBe("Sangat Baik");
    expect(row.provinceRank?.official).toMatchObject({ source: "published", rank: 2, of: 5 });
    expect(row.provinceRank?.partial).toEqual({ rank: 1, of: 1, tied: false });
  });

  it("filters Pemda as Pemprov + Pemkab + Pemkot, finds aliases, and never lets a filter change a rank", async () => {
    const all = await getRankingExplorer({ tahun: "2024", jenis: "pemda", provinsi: "kalimantan-selatan" }, tdb.prisma);
    expect(new Set(all.page.items.map((r) => r.entity.type))).toEqual(new Set(["PEMPROV", "PEMKAB", "PEMKOT"]));
    const searched = await getRankingExplorer({ tahun: "2024", q: "Pemerintah Kota Banjarmasin" }, tdb.prisma);
    expect(searched.page.items.map((r) => r.entity.slug)).toEqual(["pemkot-banjarmasin"]);
    const unfiltered = (await getRankingExplorer({ tahun: "2024", jenis: "pemkot", halaman: "1" }, tdb.prisma)).page.items.find(
      (r) => r.entity.slug === "pemkot-banjarmasin",
    )!;
    expect(searched.page.items[0]!.nationalRank).toEqual(unfiltered.nationalRank);
    expect(searched.page.items[0]!.score).toBe(9545);
    expect(searched.page.items[0]!.nationalRank.official).toMatchObject({ source: "published", rank: 24, of: 98 });
    expect(await findEntitySlugsMatching("banjar masin", tdb.prisma)).toContain("pemkot-banjarmasin");
  });

  it("pages the explorer and, for an unknown year, opens on the newest year with a meaningful share of results", async () => {
    const page1 = await getRankingExplorer({ tahun: "1990" }, tdb.prisma);
    // 2025 has a third of the results of the best-covered year: the explorer opens on 2024 and says why.
    expect(page1.year).toBe(2024);
    expect(page1.yearChoice).toMatchObject({ asked: false, newerSkipped: [{ year: 2025 }] });
    // A valid year without results opens on the same year; the notice names it, with the address of the year shown.
    const unpublished = await getRankingExplorer({ tahun: "2030" }, tdb.prisma);
    expect(unpublished.year).toBe(2024);
    expect(unpublished.notices).toEqual([{ param: "tahun", value: "2030", reason: "unpublishedYear" }]);
    expect(unpublished.canonical).toBe("/peringkat?tahun=2024");
    const all2022 = await getRankingExplorer({ tahun: "2022", halaman: "2" }, tdb.prisma);
    expect(all2022.page.page).toBe(2);
    expect(all2022.page.from).toBe(51);
    expect(all2022.page.items.length).toBeLessThanOrEqual(50);
  });

  it("reports Kalimantan Selatan 2024 with published averages beside partial computed ones, respondents and period", async () => {
    const report = await getProvinceReport("kalimantan-selatan", tdb.prisma);
    expect(report?.province.name).toBe("Kalimantan Selatan");
    const y2024 = report!.years.find((y) => y.year === 2024)!;
    expect(y2024.respondents?.value).toBe(3771);
    expect(y2024.assessmentPeriod?.value).toBe("Maret–November 2024");
    const polres = y2024.groups.find((g) => g.group === "POLRES")!;
    expect(polres.assessed).toBe(13);
    expect(polres.completeness.complete).toBe(false);
    expect(polres.summary.average.official).toMatchObject({ source: "published", hundredths: 9389 });
    const pemda = y2024.groups.find((g) => g.group === "PEMDA")!;
    expect(pemda.summary.average.official).toMatchObject({ source: "published", hundredths: 9364 });
    expect(pemda.rows.some((r) => r.entity.slug === "pemkot-banjarmasin")).toBe(true);
    // Pemda of a complete-looking year never states a computed average as the whole unless complete.
    for (const year of report!.years) {
      for (const group of year.groups) {
        if (!group.completeness.complete) expect(group.summary.average.official?.source).not.toBe("computed");
      }
    }
    expect(await getProvinceReport("atlantis", tdb.prisma)).toBeNull();
  });

  it("shows an empty group for a year without results of that type", async () => {
    const report = await getProvinceReport("kalimantan-selatan", tdb.prisma);
    const y2025 = report!.years.find((y) => y.year === 2025)!;
    const polres = y2025.groups.find((g) => g.group === "POLRES")!;
    expect(polres.summary.recorded).toBe(1);
    const kantah = y2025.groups.find((g) => g.group === "KANTOR_PERTANAHAN")!;
    expect(kantah.rows).toEqual([]);
  });

  it("gives Pemprov Kalimantan Tengah's history 86,60 (2023) → 90,50 (2024) with the change", async () => {
    const report = await getEntityReport("pemprov-kalimantan-tengah", tdb.prisma);
    const byYear = new Map(report!.years.map((y) => [y.year, y]));
    expect(byYear.get(2023)!.row.score).toBe(8660);
    expect(byYear.get(2024)!.row.score).toBe(9050);
    expect(byYear.get(2024)!.row.change).toEqual({ fromYear: 2023, toYear: 2024, delta: 390, methodologyChanged: false });
    expect(byYear.get(2024)!.sources.length).toBeGreaterThan(0);
    expect(await getEntityReport("tidak-ada", tdb.prisma)).toBeNull();
  });

  it("keeps every source of Kota Banjarmasin 2023, where sources disagree", async () => {
    const report = await getEntityReport("pemkot-banjarmasin", tdb.prisma);
    const y2023 = report!.years.find((y) => y.year === 2023)!;
    expect(new Set(y2023.sources.map((s) => s.score))).toEqual(new Set([8801, 8802]));
    expect(y2023.sources.filter((s) => s.isPrimary)).toHaveLength(1);
  });

  it("builds the overview: published national trend and partial per-type counts", async () => {
    const overview = await getOverview("2024", tdb.prisma);
    expect(overview.year).toBe(2024);
    const t2021 = overview.trend.find((p) => p.year === 2021)!;
    expect(t2021).toMatchObject({ basis: "published" });
    expect(t2021.distribution.counts).toEqual({ HIJAU: 179, KUNING: 316, MERAH: 92 });
    expect(overview.trend.find((p) => p.year === 2024)!.distribution.counts).toEqual({ HIJAU: 494, KUNING: 70, MERAH: 23 });
    expect(overview.trend.find((p) => p.year === 2025)!.basis).toBe("recorded");
    const pemkot = overview.types.find((t) => t.type === "PEMKOT")!;
    expect(pemkot.assessed).toBe(98);
    expect(pemkot.complete).toBe(false);
    // Recorded in part: the top list is the kota sources rank, in their order, never recorded scores.
    const leaders = pemkot.leaders;
    expect(leaders.basis).toBe("published");
    const ranks = leaders.basis === "published" ? leaders.top.map((r) => r.nationalRank.official!.rank) : [];
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks.length).toBeLessThanOrEqual(5);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("colours the tile map from Pemda averages: Kalimantan Selatan 2024 by its published 93,64", async () => {
    const tiles = await getProvinceTiles(2024, tdb.prisma);
    expect(tiles).toHaveLength(38);
    const kalsel = tiles.find((t) => t.slug === "kalimantan-selatan")!;
    expect(kalsel.average).toEqual({ hundredths: 9364, basis: "published", count: null });
    expect(kalsel.zone).toBe("HIJAU");
  });

  it("compares up to four entities and finds candidates by alias", async () => {
    const series = await getCompareSeries(["pemkot-banjarmasin", "pemprov-kalimantan-tengah", "nope", "polres-balangan", "pemkab-balangan", "x"], tdb.prisma);
    expect(series.map((s) => s.slug)).toEqual(["pemkot-banjarmasin", "pemprov-kalimantan-tengah", "polres-balangan"]);
    expect(series[0]!.points.find((p) => p.year === 2024)?.score).toBe(9545);
    const found = await findComparableEntities("Banjarmasin", tdb.prisma);
    expect(found.map((f) => f.slug)).toContain("pemkot-banjarmasin");
  });

  it("reads every year's methodology with bands, dimensions and sources", async () => {
    const methods = await getMethodologyDetails(tdb.prisma);
    const m2023 = methods.find((m) => m.year === 2023)!;
    expect(m2023.bandsVerified).toBe(true);
    expect(m2023.bands[0]).toMatchObject({ min: 8800, max: 10000, zone: "HIJAU", category: "A" });
    expect(m2023.dimensions.find((d) => d.code === "input")?.weight).toBe(2185);
    expect(methods.find((m) => m.year === 2025)!.bandsVerified).toBe(false);
  });

  it("never shows a draft result", async () => {
    const entity = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "pemkab-tanah-laut" } });
    await tdb.prisma.result.deleteMany({ where: { entityId: entity.id, year: 2025 } });
    await tdb.prisma.result.create({
      data: { entityId: entity.id, year: 2025, score: 9999, status: "DRAFT", createdBy: "test", updatedBy: "test", provinceId: entity.provinceId },
    });
    const explorer = await getRankingExplorer({ tahun: "2025", q: "Tanah Laut" }, tdb.prisma);
    expect(explorer.page.items.some((r) => r.score === 9999)).toBe(false);
    const report = await getEntityReport("pemkab-tanah-laut", tdb.prisma);
    expect(report!.years.some((y) => y.year === 2025)).toBe(false);
  });
});
