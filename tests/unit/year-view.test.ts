import { describe, expect, it } from "vitest";
import type { EntityType } from "@/lib/domain/types";
import { buildYearRows, type YearFacts, type YearResultInput } from "@/lib/domain/year-view";
import { METHODOLOGY_2023, METHODOLOGY_2025_UNVERIFIED } from "./fixtures";

const KALSEL = { id: 63, name: "Kalimantan Selatan", slug: "kalimantan-selatan" };
const KALTENG = { id: 62, name: "Kalimantan Tengah", slug: "kalimantan-tengah" };

let nextId = 1;
function input(slug: string, type: EntityType, province: typeof KALSEL | null, score: number | null, extra: Partial<YearResultInput> = {}): YearResultInput {
  return {
    resultId: nextId++,
    entity: { name: slug, slug, type },
    province,
    score,
    publishedZone: null,
    publishedCategory: null,
    publishedOpinion: null,
    publishedNationalRank: null,
    publishedProvinceRank: null,
    hasConflict: false,
    sourceUrl: `https://src.example/${slug}`,
    sourceCount: 1,
    ...extra,
  };
}

const NO_FACTS: YearFacts = {
  nationalAssessed: () => null,
  nationalMarked: () => false,
  provinceAssessed: () => null,
  provinceMarked: () => false,
  provinceRankedScores: () => null,
};

describe("buildYearRows: rank within province", () => {
  it("places Polres Balangan 2025 2nd of 5 from the published ranked list, not 1st of 1", () => {
    const rows = buildYearRows(
      2025,
      [input("polres-balangan", "POLRES", KALSEL, 9166, { publishedOpinion: "Sangat Baik" })],
      METHODOLOGY_2025_UNVERIFIED,
      {
        ...NO_FACTS,
        provinceAssessed: (group, id) => (group === "POLRES" && id === 63 ? 5 : null),
        provinceRankedScores: (group, id) => (group === "POLRES" && id === 63 ? [9233, 9166, 9007, 8428, 8416] : null),
      },
      () => null,
    );
    const balangan = rows[0]!;
    expect(balangan.provinceGroup).toBe("POLRES");
    expect(balangan.provinceCompleteness).toEqual({ complete: false, recorded: 1, expected: 5 });
    expect(balangan.provinceRank).toEqual({
      complete: false,
      official: { source: "published", rank: 2, of: 5, sourceUrl: "https://src.example/polres-balangan" },
      partial: { rank: 1, of: 1, tied: false },
    });
    // 2025's bands are not verified: no zone is derived from them (nothing invented).
    expect(balangan.zone).toBeNull();
    expect(balangan.zoneBasis).toBe("not-established");
  });

  it("ranks Pemprov, Pemkab and Pemkot together as Pemda within a complete province group, with ties", () => {
    const rows = buildYearRows(
      2023,
      [
        input("pemprov-kalsel", "PEMPROV", KALSEL, 9000),
        input("pemkab-a", "PEMKAB", KALSEL, 9100),
        input("pemkot-b", "PEMKOT", KALSEL, 9000),
        input("polres-c", "POLRES", KALSEL, 9500),
        input("pemkab-other-province", "PEMKAB", KALTENG, 9900),
      ],
      METHODOLOGY_2023,
      { ...NO_FACTS, provinceAssessed: (group, id) => (group === "PEMDA" && id === 63 ? 3 : null) },
      () => null,
    );
    const bySlug = new Map(rows.map((r) => [r.entity.slug, r]));
    expect(bySlug.get("pemkab-a")!.provinceRank?.official).toEqual({ source: "computed", rank: 1, of: 3, tied: false });
    expect(bySlug.get("pemprov-kalsel")!.provinceRank?.official).toEqual({ source: "computed", rank: 2, of: 3, tied: true });
    expect(bySlug.get("pemkot-b")!.provinceRank?.official).toEqual({ source: "computed", rank: 2, of: 3, tied: true });
    // Polres is its own group in the province; the other province's Pemkab does not count.
    expect(bySlug.get("polres-c")!.provinceRank?.complete).toBe(false);
    expect(bySlug.get("pemkab-other-province")!.provinceRank?.partial).toEqual({ rank: 1, of: 1, tied: false });
  });

  it("states the source's province rank for an incomplete group and keeps unscored results out", () => {
    const rows = buildYearRows(
      2024,
      [
        input("pemkot-banjarmasin", "PEMKOT", KALSEL, 9545, { publishedProvinceRank: 1, publishedNationalRank: 24 }),
        input("pemkab-zone-only", "PEMKAB", KALSEL, null, { publishedZone: "HIJAU" }),
      ],
      METHODOLOGY_2023,
      { ...NO_FACTS, provinceAssessed: () => 14, nationalAssessed: (t) => (t === "PEMKOT" ? 98 : null) },
      () => null,
    );
    const [banjarmasin, zoneOnly] = [rows.find((r) => r.score !== null)!, rows.find((r) => r.score === null)!];
    expect(banjarmasin.provinceRank?.official).toEqual({ source: "published", rank: 1, of: 14, sourceUrl: "https://src.example/pemkot-banjarmasin" });
    expect(banjarmasin.nationalRank.official).toEqual({ source: "published", rank: 24, of: 98, sourceUrl: "https://src.example/pemkot-banjarmasin" });
    expect(zoneOnly.provinceRank).toEqual({ complete: false, official: null, partial: null });
    expect(zoneOnly.zone).toBe("HIJAU");
    expect(zoneOnly.zoneBasis).toBe("published");
  });

  it("gives no province rank to entities without a province (ministries)", () => {
    const rows = buildYearRows(2023, [input("kemenag", "KEMENTERIAN", null, 8000)], METHODOLOGY_2023, NO_FACTS, () => null);
    expect(rows[0]!.provinceRank).toBeNull();
    expect(rows[0]!.provinceCompleteness).toBeNull();
  });

  it("uses an admin's completeness mark for the province group", () => {
    const rows = buildYearRows(2023, [input("polres-x", "POLRES", KALSEL, 8000)], METHODOLOGY_2023, { ...NO_FACTS, provinceMarked: () => true }, () => null);
    expect(rows[0]!.provinceRank?.official).toEqual({ source: "computed", rank: 1, of: 1, tied: false });
  });
});

describe("buildYearRows: change from the previous result", () => {
  it("computes the change from the latest earlier result and marks a method change", () => {
    const rows = buildYearRows(
      2024,
      [input("pemprov-kalimantan-tengah", "PEMPROV", KALTENG, 9050)],
      { ...METHODOLOGY_2023, year: 2024 },
      NO_FACTS,
      () => ({ year: 2023, score: 8660, methodologyName: METHODOLOGY_2023.name }),
    );
    expect(rows[0]!.change).toEqual({ fromYear: 2023, toYear: 2024, delta: 390, methodologyChanged: false });
  });

  it("marks the change as not like-for-like across methods and is null without history", () => {
    const [withPrior] = buildYearRows(2025, [input("a", "PEMKAB", KALSEL, 8000)], METHODOLOGY_2025_UNVERIFIED, NO_FACTS, () => ({
      year: 2024,
      score: 9000,
      methodologyName: METHODOLOGY_2023.name,
    }));
    expect(withPrior!.change).toMatchObject({ delta: -1000, methodologyChanged: true });
    const [withoutPrior] = buildYearRows(2025, [input("b", "PEMKAB", KALSEL, 8000)], METHODOLOGY_2025_UNVERIFIED, NO_FACTS, () => null);
    expect(withoutPrior!.change).toBeNull();
  });
});
