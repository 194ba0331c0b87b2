import { describe, expect, it } from "vitest";
import { conflictingFigures, figureOf, resultFigures, sameOpinion, sourcesStating, type ReportedFigures } from "@/lib/domain/provenance";

const report = (url: string, figures: Partial<ReportedFigures> = {}): ReportedFigures => ({
  sourceId: null,
  url,
  score: null,
  zone: null,
  category: null,
  opinion: null,
  nationalRank: null,
  provinceRank: null,
  ...figures,
});

// Kota Banjarmasin 2024 as published: one article gives 95,45 and Zona Hijau, two others give
// 95,45 with kategori A, rank 24 nationally and 1 in the province.
const faktanow = report("https://faktanow.com/banjarmasin", { score: 9545, zone: "HIJAU" });
const interaksi = report("https://interaksi.co/banjarmasin", { score: 9545, zone: "HIJAU", category: "A", nationalRank: 24, provinceRank: 1 });
const radigfa = report("https://kalsel.radigfamedia.online/banjarmasin", { score: 9545, zone: "HIJAU", category: "A", opinion: "Kualitas Tertinggi", nationalRank: 24, provinceRank: 1 });

describe("provenance per figure", () => {
  it("gives each figure the sources that state it, not the row's first source", () => {
    const figures = resultFigures([faktanow, interaksi, radigfa], {
      score: 9545,
      zone: { value: "HIJAU", computed: true },
      category: { value: "A", computed: true },
      opinion: "Kualitas Tertinggi",
      nationalRank: { value: 24, computed: false },
      provinceRank: { value: 1, computed: false },
    });
    expect(figures.score.statedBy.map((s) => s.url)).toEqual([faktanow.url, interaksi.url, radigfa.url]);
    expect(figures.nationalRank).toEqual({
      value: 24,
      statedBy: [{ sourceId: null, url: interaksi.url }, { sourceId: null, url: radigfa.url }],
      alternatives: [],
      computed: null,
    });
    expect(figures.opinion.statedBy.map((s) => s.url)).toEqual([radigfa.url]);
    // Computed from verified bands: said so; the sources that agree are kept beside it.
    expect(figures.zone.computed).toBe("bands");
    expect(figures.category).toMatchObject({ computed: "bands", alternatives: [] });
    expect(conflictingFigures(figures)).toEqual([]);
  });

  it("a conflict is a value another source states: Kota Banjarmasin 2023, 88,02 in two articles and 88,01 in one", () => {
    const figure = figureOf(
      [report("https://a.test", { score: 8802 }), report("https://b.test", { score: 8802 }), report("https://c.test", { score: 8801 })],
      (r) => r.score,
      8802,
      null,
    );
    expect(figure.statedBy.map((s) => s.url)).toEqual(["https://a.test", "https://b.test"]);
    expect(figure.alternatives).toEqual([{ value: 8801, statedBy: [{ sourceId: null, url: "https://c.test" }] }]);
    expect(sourcesStating(figure, 8801).map((s) => s.url)).toEqual(["https://c.test"]);
    expect(sourcesStating(figure, 8802)).toBe(figure.statedBy);
    expect(sourcesStating(figure, 9000)).toEqual([]);
  });

  it("Provinsi Bali 2022: 54,01 in one article against 94,01 in three is flagged, each value with its sources", () => {
    const figures = resultFigures(
      [
        report("https://telisik.net/bali", { score: 9401 }),
        report("https://bali.antaranews.com/bali", { score: 9401 }),
        report("https://buletinsumut.com/bali", { score: 9401 }),
        report("https://tribunnews.com/top3", { score: 5401, nationalRank: 2 }),
      ],
      { score: 9401, zone: { value: "HIJAU", computed: true }, category: { value: "A", computed: true }, opinion: null, nationalRank: { value: null, computed: false }, provinceRank: { value: null, computed: false } },
    );
    expect(figures.score.alternatives).toEqual([{ value: 5401, statedBy: [{ sourceId: null, url: "https://tribunnews.com/top3" }] }]);
    // The table shows no national rank: the one source stating one gives the other score.
    expect(figures.nationalRank).toMatchObject({ value: null, statedBy: [], alternatives: [{ value: 2 }] });
    expect(conflictingFigures(figures)).toEqual(["score", "nationalRank"]);
  });

  it("lists a source once per value, and compares opinions as words", () => {
    const twice = figureOf([report("https://a.test", { score: 9000 }), report("https://a.test", { score: 9000 })], (r) => r.score, 9000, null);
    expect(twice.statedBy).toHaveLength(1);
    expect(sameOpinion("Kualitas  Tertinggi ", "kualitas tertinggi")).toBe(true);
    const opinions = figureOf(
      [report("https://a.test", { opinion: "Kualitas Tertinggi" }), report("https://b.test", { opinion: "kualitas tertinggi" }), report("https://c.test", { opinion: "Kualitas Tinggi" })],
      (r) => r.opinion,
      "Kualitas Tertinggi",
      null,
      sameOpinion,
    );
    expect(opinions.statedBy.map((s) => s.url)).toEqual(["https://a.test", "https://b.test"]);
    expect(opinions.alternatives.map((a) => a.value)).toEqual(["Kualitas Tinggi"]);
  });

  it("a figure nobody states and the table does not show is empty, not a conflict", () => {
    expect(figureOf([report("https://a.test")], (r) => r.provinceRank, null, null)).toEqual({ value: null, statedBy: [], alternatives: [], computed: null });
  });
});
