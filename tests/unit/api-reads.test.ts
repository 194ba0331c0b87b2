/** The read API's answers as pure functions of the record (in memory here), shaped as its contract. */
import { describe, expect, it } from "vitest";
import { entitiesJson, entityJson, methodologiesJson, provincesJson, rankingsJson, resultsJson } from "@/lib/api/reads";
import { entitiesQuerySchema, rankingsQuerySchema, resultsQuerySchema } from "@/lib/api/schemas";
import { fixtureRecord } from "./fixtures";

const record = fixtureRecord();

describe("read API answers", () => {
  it("results: newest year first, by name within a year; filters by type group, province and entity", () => {
    const all = resultsJson(record, resultsQuerySchema.parse({}));
    expect(all.total).toBe(15);
    expect(all.data.slice(0, 3).map((r) => [r.year, r.entity.name])).toEqual([
      [2024, "Kabupaten Tanah Laut"],
      [2024, "Kota Banjarbaru"],
      [2024, "Kota Banjarmasin"],
    ]);
    const pemda = resultsJson(record, resultsQuerySchema.parse({ year: "2024", type: "PEMDA", province: "kalimantan-tengah" }));
    expect(pemda.data.map((r) => r.entity.slug)).toEqual(["pemkot-palangkaraya", "pemprov-kalimantan-tengah"]);
    const one = resultsJson(record, resultsQuerySchema.parse({ entity: "pemkot-banjarmasin", pageSize: "2", page: "2" }));
    expect(one).toMatchObject({ total: 3, data: [{ year: 2021, score: 80, zone: "KUNING", change: null }] });
  });

  it("rankings: highest score first, ties by name, unscored last; scores with two decimals", () => {
    const ranking = rankingsJson(record, rankingsQuerySchema.parse({ year: "2024", type: "PEMKOT" }));
    expect(ranking.data.map((r) => [r.entity.slug, r.score])).toEqual([
      ["pemkot-banjarbaru", 95.45],
      ["pemkot-banjarmasin", 95.45],
      ["pemkot-palangkaraya", null],
    ]);
    expect(ranking.data[1]!.nationalRank.official).toMatchObject({ source: "published", rank: 24, of: 98 });
    expect(rankingsJson(record, rankingsQuerySchema.parse({ year: "2019" }))).toEqual({ data: [], total: 0 });
  });

  it("an entity: every published result with every source, dimension scores in points", () => {
    const detail = entityJson(record, "pemkot-banjarmasin")!;
    expect(detail.aliases).toEqual(["Pemerintah Kota Banjarmasin", "Pemkot Banjarmasin"]);
    const y2023 = detail.results.find((r) => r.year === 2023)!;
    expect(y2023.sources.map((s) => [s.primary, s.score, s.url])).toEqual([
      [true, 88.01, "https://berita.example/2023/pemkot-banjarmasin"],
      [false, 88.02, "https://media.example/banjarmasin-2023"],
    ]);
    expect(y2023.dimensionScores).toEqual({ input: 85, proses: 90 });
    expect(entityJson(record, "tidak-ada")).toBeNull();
  });

  it("entities, provinces and methodologies", () => {
    expect(entitiesJson(record, entitiesQuerySchema.parse({ type: "POLRES" })).data.map((e) => e.slug)).toEqual(["polres-balangan", "polres-tabalong"]);
    expect(provincesJson(record).find((p) => p.slug === "papua-selatan")).toEqual({ code: "93", name: "Papua Selatan", slug: "papua-selatan", formedIn: 2022, formedOn: "2022-07-25", formedBy: "Undang-Undang Nomor 14 Tahun 2022", splitFrom: "papua" });
    const methods = methodologiesJson(record);
    expect(methods.map((m) => m.year)).toEqual([2021, 2023, 2024, 2025]);
    expect(methods[1]!.bands[1]).toEqual({ min: 78, max: 87.99, zone: "HIJAU", category: "B", label: "Kualitas Tinggi" });
    expect(methods[1]!.dimensions[0]).toMatchObject({ code: "input", weightPercent: 21.85 });
  });
});
