/**
 * Every public view is a pure function of the public record: here each is read from a small
 * record built in memory by the record's own builder (tests/unit/fixtures.ts), no database.
 */
import { describe, expect, it } from "vitest";
import { buildPublicDataset } from "@/lib/record/dataset";
import { compareSeries, compareView, comparableEntities, entityList, entityView } from "@/lib/record/entities";
import { methodologyDetails } from "@/lib/record/methodology";
import { overviewView } from "@/lib/record/overview";
import { provinceList, provinceMapView, provinceView, shownYear } from "@/lib/record/provinces";
import { rankingsView } from "@/lib/record/rankings";
import { matchingSlugs, searchEntities } from "@/lib/record/search";
import { ZONE_PALETTE } from "@/components/ui/zone-palette";
import { FIXTURE_ENTITIES, fixtureRecord, fixtureSource, METHODOLOGY_2023 } from "./fixtures";

const record = fixtureRecord();
const slugs = (rows: readonly { entity: { slug: string } }[]) => rows.map((r) => r.entity.slug);
const empty = buildPublicDataset({ ...fixtureSource(), results: [], factRows: [], marks: [] });

describe("the record", () => {
  it("holds the published years newest first, every public entity and every province in code order", () => {
    expect(record.years).toEqual([2024, 2023, 2021]);
    expect(record.entities.list.map((e) => e.type)).toEqual(["KEMENTERIAN", "PEMKAB", "PEMKAB", "PEMKOT", "PEMKOT", "PEMKOT", "PEMPROV", "PEMPROV", "POLRES", "POLRES"]);
    expect(record.entities.bySlug.size).toBe(FIXTURE_ENTITIES.length);
    expect(record.provinces.map((p) => p.code)).toEqual(["62", "63", "93", "94"]);
    expect(record.entities.history.get("pemkot-banjarmasin")!.map((h) => h.year)).toEqual([2021, 2023, 2024]);
    expect(record.entities.history.get("pemkab-merauke")).toEqual([]);
  });

  it("keeps sources and dimension scores only for results that have them", () => {
    const banjarmasin2023 = record.rowsByYear.get(2023)!.find((r) => r.entity.slug === "pemkot-banjarmasin")!;
    expect(record.detailsByYear.get(2023)!.get(banjarmasin2023.resultId)!.sources.map((s) => s.score)).toEqual([8801, 8802]);
    expect(banjarmasin2023.sourceCount).toBe(2);
  });
});

describe("overviewView (home)", () => {
  it("shows the latest year by default, per type, with the national trend oldest first", () => {
    const view = overviewView(record, {});
    expect(view.year).toBe(2024);
    expect(view.methodology).toMatchObject({ name: METHODOLOGY_2023.name, bandsVerified: true });
    expect(view.types.map((t) => t.type)).toEqual(["PEMPROV", "PEMKAB", "PEMKOT", "POLRES"]);
    const pemkot = view.types.find((t) => t.type === "PEMKOT")!;
    expect(pemkot).toMatchObject({ recorded: 3, scored: 2, assessed: 98, complete: false });
    expect(pemkot.distribution.counts).toEqual({ HIJAU: 3, KUNING: 0, MERAH: 0 });
    // Two of 98 kota scored: their recorded scores are not the type's top. Only the kota a
    // source ranks is listed, at its published rank (Banjarbaru's tie at 95,45 is not a rank).
    expect(pemkot.leaders.basis).toBe("published");
    expect(pemkot.leaders.basis === "published" && slugs(pemkot.leaders.top)).toEqual(["pemkot-banjarmasin"]);
    // A complete group (2023: both kota assessed are recorded) lists its top by score, ranks computed.
    const pemkot2023 = overviewView(record, { tahun: 2023 }).types.find((t) => t.type === "PEMKOT")!;
    expect(pemkot2023.leaders.basis).toBe("computed");
    expect(pemkot2023.leaders.basis === "computed" && slugs(pemkot2023.leaders.top)).toEqual(["pemkot-banjarbaru", "pemkot-banjarmasin"]);
    expect(view.trend.map((p) => [p.year, p.basis])).toEqual([
      [2021, "recorded"],
      [2023, "recorded"],
      [2024, "published"],
    ]);
    expect(view.trend[2]!.distribution.counts).toEqual({ HIJAU: 494, KUNING: 70, MERAH: 23 });
    expect(view.trend[1]!.distribution.counts).toEqual({ HIJAU: 5, KUNING: 1, MERAH: 0 });
  });

  it("shows the year asked for when it has results, else the latest", () => {
    expect(overviewView(record, { tahun: 2023 }).year).toBe(2023);
    expect(overviewView(record, { tahun: 2025 }).year).toBe(2024);
    expect(overviewView(empty, {}).year).toBeNull();
  });
});

describe("rankingsView (/peringkat)", () => {
  it("filters a type, orders by score (ties by name, unscored last) and keeps the ranks of the whole group", () => {
    const view = rankingsView(record, { tahun: 2024, jenis: "pemkot" });
    expect(slugs(view.page.items)).toEqual(["pemkot-banjarbaru", "pemkot-banjarmasin", "pemkot-palangkaraya"]);
    expect(view.filters).toEqual({ jenis: "pemkot", provinsi: null, q: "", sort: "nilai", dir: "desc" });
    const whole = record.rowsByYear.get(2024)!.find((r) => r.entity.slug === "pemkot-banjarmasin")!;
    expect(view.page.items[1]!.nationalRank).toBe(whole.nationalRank);
    expect(view.page.items[1]!.nationalRank.official).toMatchObject({ source: "published", rank: 24, of: 98 });
  });

  it("searches names, aliases and their keys", () => {
    expect(slugs(rankingsView(record, { tahun: 2024, q: "banjar masin" }).page.items)).toEqual(["pemkot-banjarmasin"]);
    expect(slugs(rankingsView(record, { tahun: 2024, q: "Palangkaraya" }).page.items)).toEqual(["pemkot-palangkaraya"]);
    expect(rankingsView(record, { tahun: 2024, q: "zzz" }).page.total).toBe(0);
  });

  it("sorts by name ascending by default, pages, and falls back to the latest year", () => {
    const byName = rankingsView(record, { urut: "nama" });
    expect(byName.filters).toMatchObject({ sort: "nama", dir: "asc" });
    expect(byName.page.items[0]!.entity.name).toBe("Kabupaten Tanah Laut");
    const far = rankingsView(record, { tahun: 1999, halaman: 9 });
    expect(far.year).toBe(2024);
    expect(far.page).toMatchObject({ page: 1, pageCount: 1, total: 8, from: 1, to: 8 });
    // The state its links are made from: the query, with the year shown.
    expect(far.query).toEqual({ tahun: 2024, halaman: 9 });
    expect(far.provinces.map((p) => p.slug)).toEqual(["kalimantan-tengah", "kalimantan-selatan", "papua-selatan", "papua"]);
  });

  it("a province filter narrows to that province; a record without results has no year", () => {
    expect(slugs(rankingsView(record, { tahun: 2024, provinsi: "kalimantan-tengah" }).page.items)).toEqual(["pemprov-kalimantan-tengah", "pemkot-palangkaraya"]);
    const none = rankingsView(empty, {});
    expect(none.year).toBeNull();
    expect(none.page.total).toBe(0);
  });
});

describe("provinceView and provinceMapView", () => {
  const kalsel = provinceView(record, "kalimantan-selatan")!;

  it("states a published average for an incomplete group beside the recorded one, with respondents and period", () => {
    expect(kalsel.province).toEqual({ id: 2, code: "63", name: "Kalimantan Selatan", slug: "kalimantan-selatan" });
    expect(kalsel.years.map((y) => y.year)).toEqual([2024, 2023, 2021]);
    const y2024 = kalsel.years[0]!;
    expect(y2024.respondents).toEqual({ value: 3771, sourceUrl: "https://ombudsman.go.id/2024/respondents" });
    expect(y2024.assessmentPeriod?.value).toBe("Maret–November 2024");
    const pemda = y2024.groups.find((g) => g.group === "PEMDA")!;
    expect(slugs(pemda.rows)).toEqual(["pemkot-banjarbaru", "pemkot-banjarmasin", "pemprov-kalimantan-selatan", "pemkab-tanah-laut"]);
    expect(pemda.summary.average).toMatchObject({ complete: false, official: { source: "published", hundredths: 9364 }, partial: { hundredths: 8462, count: 4 } });
    const polres = y2024.groups.find((g) => g.group === "POLRES")!;
    expect(polres.assessed).toBe(13);
    expect(polres.rows[0]!.provinceRank?.official).toMatchObject({ source: "published", rank: 2, of: 13 });
    expect(y2024.groups.find((g) => g.group === "KANTOR_PERTANAHAN")!.summary.recorded).toBe(0);
  });

  it("computes the average and the ranks of a group marked complete", () => {
    const pemda2023 = kalsel.years[1]!.groups.find((g) => g.group === "PEMDA")!;
    expect(pemda2023.completeness.complete).toBe(true);
    // (88,01 + 90,00 + 70,00 + 91,00) / 4 = 84,7525 → 84,75
    expect(pemda2023.summary.average.official).toEqual({ source: "computed", hundredths: 8475, count: 4 });
    expect(pemda2023.rows.map((r) => [r.entity.slug, r.provinceRank?.official?.rank])).toEqual([
      ["pemprov-kalimantan-selatan", 1],
      ["pemkot-banjarbaru", 2],
      ["pemkot-banjarmasin", 3],
      ["pemkab-tanah-laut", 4],
    ]);
  });

  it("shows the year asked for in detail, else the newest; an unknown province is null", () => {
    expect(shownYear(kalsel, { tahun: 2023 })?.year).toBe(2023);
    expect(shownYear(kalsel, {})?.year).toBe(2024);
    expect(shownYear(kalsel, { tahun: 2019 })?.year).toBe(2024);
    expect(provinceView(record, "atlantis")).toBeNull();
    expect(provinceView(record, "papua-selatan")!.years).toEqual([]);
    expect(provinceList(record).map((p) => p.slug)).toEqual(["kalimantan-tengah", "kalimantan-selatan", "papua-selatan", "papua"]);
  });

  it("colours each province by its Pemda average: published, partial, or none", () => {
    const tiles = provinceMapView(record, 2024);
    expect(tiles.map((t) => t.slug)).toEqual(["kalimantan-tengah", "kalimantan-selatan", "papua-selatan", "papua"]);
    expect(tiles[1]).toMatchObject({ average: { hundredths: 9364, basis: "published", count: null }, zone: "HIJAU" });
    // Kalimantan Tengah: only the Pemprov has a score (Palangka Raya is zone-only), no count published.
    expect(tiles[0]).toMatchObject({ average: { hundredths: 9050, basis: "partial", count: 1 }, zone: "HIJAU" });
    expect(tiles[2]).toMatchObject({ average: null, zone: null });
  });
});

describe("entityView (/instansi/[slug])", () => {
  it("gives the history oldest first with changes, sources (primary first), dimensions and other names", () => {
    const report = entityView(record, "pemkot-banjarmasin")!;
    expect(report.entity).toEqual({
      name: "Kota Banjarmasin",
      slug: "pemkot-banjarmasin",
      type: "PEMKOT",
      province: { name: "Kalimantan Selatan", slug: "kalimantan-selatan" },
      regencyCode: "63.71",
      aliases: ["Pemerintah Kota Banjarmasin", "Pemkot Banjarmasin"],
    });
    expect(report.years.map((y) => [y.year, y.row.score])).toEqual([
      [2021, 8000],
      [2023, 8801],
      [2024, 9545],
    ]);
    const [y2021, y2023, y2024] = report.years;
    expect(y2021!.row.zone).toBe("KUNING");
    expect(y2023!.row.change).toEqual({ fromYear: 2021, toYear: 2023, delta: 801, methodologyChanged: true });
    expect(y2024!.row.change).toEqual({ fromYear: 2023, toYear: 2024, delta: 744, methodologyChanged: false });
    expect(y2023!.sources.map((s) => [s.isPrimary, s.score])).toEqual([
      [true, 8801],
      [false, 8802],
    ]);
    expect(y2023!.dimensionScores).toEqual({ input: 8500, proses: 9000 });
    expect(y2023!.dimensionNames).toEqual({ input: "Input", proses: "Proses" });
    expect(y2024!.dimensionScores).toBeNull();
  });

  it("shows an entity without published results, and nothing for an unknown slug", () => {
    expect(entityView(record, "pemkab-merauke")).toMatchObject({ entity: { province: { slug: "papua-selatan" } }, years: [] });
    expect(entityView(record, "tidak-ada")).toBeNull();
  });
});

describe("compareView (/bandingkan)", () => {
  it("compares the entities of the address, names the unknown ones, and offers matches not compared yet", () => {
    const view = compareView(record, { instansi: ["pemkot-banjarmasin", "nope", "pemprov-kalimantan-tengah", "pemkot-banjarmasin"], q: "Balangan" });
    expect(view.series.map((s) => s.slug)).toEqual(["pemkot-banjarmasin", "pemprov-kalimantan-tengah"]);
    expect(view.series[0]!.points.map((p) => [p.year, p.score, p.zone])).toEqual([
      [2021, 8000, "KUNING"],
      [2023, 8801, "HIJAU"],
      [2024, 9545, "HIJAU"],
    ]);
    expect(view.unknown).toEqual(["nope"]);
    expect(view.candidates.map((c) => c.slug)).toEqual(["polres-balangan"]);
    expect(compareView(record, { instansi: ["pemkot-banjarmasin"], q: "Kota" }).candidates.map((c) => c.slug)).toEqual(["pemkot-banjarbaru", "pemkot-palangkaraya"]);
  });

  it("takes four entities at most, and offers only entities with published results", () => {
    expect(compareSeries(record, ["pemkot-banjarmasin", "pemkot-banjarbaru", "pemkab-tanah-laut", "polres-balangan", "polres-tabalong"])).toHaveLength(4);
    expect(comparableEntities(record, "Merauke")).toEqual([]);
    expect(comparableEntities(record, "  ")).toEqual([]);
    expect(comparableEntities(record, "Kota")).toEqual([
      { name: "Kota Banjarbaru", slug: "pemkot-banjarbaru", type: "PEMKOT", province: "Kalimantan Selatan" },
      { name: "Kota Banjarmasin", slug: "pemkot-banjarmasin", type: "PEMKOT", province: "Kalimantan Selatan" },
      { name: "Kota Palangka Raya", slug: "pemkot-palangkaraya", type: "PEMKOT", province: "Kalimantan Tengah" },
    ]);
  });
});

describe("entityList (/api/v1/entities)", () => {
  const page = { page: 1, pageSize: 20 };

  it("lists every public entity by type then name, filtered and paged", () => {
    expect(entityList(record, { ...page, type: "PEMKAB" }).data.map((e) => e.slug)).toEqual(["pemkab-merauke", "pemkab-tanah-laut"]);
    expect(entityList(record, { ...page, province: "kalimantan-tengah" }).data.map((e) => e.slug)).toEqual(["pemkot-palangkaraya", "pemprov-kalimantan-tengah"]);
    const second = entityList(record, { page: 2, pageSize: 3 });
    expect(second.total).toBe(10);
    expect(second.data.map((e) => e.slug)).toEqual(["pemkot-banjarbaru", "pemkot-banjarmasin", "pemkot-palangkaraya"]);
    expect(second.data[1]).toEqual({ slug: "pemkot-banjarmasin", type: "PEMKOT", name: "Kota Banjarmasin", province: { name: "Kalimantan Selatan", slug: "kalimantan-selatan" }, regencyCode: "63.71" });
  });

  it("matches every word of the search in the name or an alias", () => {
    expect(entityList(record, { ...page, q: "Kab. Tanah Laut" }).data.map((e) => e.slug)).toEqual(["pemkab-tanah-laut"]);
    expect(entityList(record, { ...page, q: "kota banjar" }).data.map((e) => e.slug)).toEqual(["pemkot-banjarbaru", "pemkot-banjarmasin"]);
  });
});

describe("the name search", () => {
  it("matches A-Z in either case, and other characters as written (no wildcards)", () => {
    expect(matchingSlugs(record, "BANJARMASIN")).toEqual(new Set(["pemkot-banjarmasin"]));
    expect(matchingSlugs(record, "banjar")).toEqual(new Set(["pemkot-banjarmasin", "pemkot-banjarbaru"]));
    expect(matchingSlugs(record, "%")).toEqual(new Set());
    expect(matchingSlugs(record, "K_ta")).toEqual(new Set());
    expect(matchingSlugs(record, "   ")).toEqual(new Set());
    const accented = [{ ...FIXTURE_ENTITIES[0]!, name: "Kota Bänjarmasin", aliases: [], aliasKeys: [] }];
    expect(searchEntities(accented, "bänjar", "text")).toHaveLength(1);
    expect(searchEntities(accented, "BÄNJAR", "text")).toHaveLength(0);
  });

  it("in words mode, an empty search matches everything", () => {
    expect(searchEntities(FIXTURE_ENTITIES, "  ", "words")).toHaveLength(FIXTURE_ENTITIES.length);
  });
});

describe("methodologyDetails (/metodologi)", () => {
  it("lists every year's method newest first, years without results too", () => {
    const details = methodologyDetails(record);
    expect(details.map((m) => m.year)).toEqual([2025, 2024, 2023, 2021]);
    expect(details[0]).toMatchObject({ bandsVerified: false, sources: ["https://ombudsman.go.id/metode-2025"] });
    expect(details.find((m) => m.year === 2023)!.dimensions.map((d) => d.weight)).toEqual([2185, 3237]);
    expect(details[0]).not.toHaveProperty("dimensionCodes");
  });
});

describe("the zone palette", () => {
  it("names in its Tailwind classes the very colours it gives as hex", () => {
    for (const colours of Object.values(ZONE_PALETTE)) {
      expect(colours.chip).toBe(`border-[${colours.strong}] bg-[${colours.tint}] text-[${colours.ink}]`);
      expect(colours.dot).toBe(`bg-[${colours.strong}]`);
      expect(colours.tile).toBe(`bg-[${colours.strong}] text-[${colours.onStrong}]`);
    }
  });
});
