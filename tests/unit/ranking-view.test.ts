import { describe, expect, it } from "vitest";
import { buildRanking, type GroupFacts, type RankingInput } from "@/lib/domain/ranking-view";
import type { EntityType } from "@/lib/domain/types";
import { METHODOLOGY_2021, METHODOLOGY_2023, METHODOLOGY_2025_UNVERIFIED } from "./fixtures";

const KALSEL = { name: "Kalimantan Selatan", slug: "kalimantan-selatan" };
let nextId = 1;

const input = (type: EntityType, name: string, score: number | null, extra: Partial<RankingInput> = {}): RankingInput => ({
  resultId: nextId++,
  entity: { name, slug: name.toLowerCase().replace(/ /g, "-"), type },
  province: KALSEL,
  score,
  publishedZone: null,
  publishedCategory: null,
  publishedOpinion: null,
  publishedNationalRank: null,
  hasConflict: false,
  sourceUrl: `https://news.example/${name.toLowerCase().replace(/ /g, "-")}`,
  sourceCount: 1,
  ...extra,
});

const facts = (assessed: Partial<Record<EntityType, number>> = {}, marked: EntityType[] = []): GroupFacts => ({
  assessedCount: (type) => assessed[type] ?? null,
  markedComplete: (type) => marked.includes(type),
});

const names = (rows: { entity: { name: string } }[]) => rows.map((r) => r.entity.name);

describe("buildRanking: groups", () => {
  it("returns no groups for no results", () => {
    expect(buildRanking([], METHODOLOGY_2023, facts())).toEqual([]);
  });

  it("orders groups by ENTITY_TYPES and leaves out types without results", () => {
    const groups = buildRanking(
      [
        input("KANTOR_PERTANAHAN", "Kantor Pertanahan Kota Banjarbaru", 9331),
        input("POLRES", "Polres Balangan", 9166),
        input("PEMKOT", "Kota Banjarmasin", 9545),
        input("KEMENTERIAN", "Kementerian Agama", 9000),
        input("PEMPROV", "Provinsi Kalimantan Selatan", 9458),
        input("PEMKOT", "Kota Banjarbaru", 9000),
      ],
      METHODOLOGY_2023,
      facts(),
    );
    expect(groups.map((g) => g.type)).toEqual(["KEMENTERIAN", "PEMPROV", "PEMKOT", "POLRES", "KANTOR_PERTANAHAN"]);
    expect(groups.map((g) => g.rows.length)).toEqual([1, 1, 2, 1, 1]);
  });

  it("ranks each type on its own", () => {
    const groups = buildRanking(
      [input("PEMKOT", "Kota Banjarmasin", 9545), input("PEMKAB", "Kabupaten Tanah Laut", 9600), input("PEMKOT", "Kota Banjarbaru", 9000)],
      METHODOLOGY_2023,
      facts({ PEMKAB: 1, PEMKOT: 2 }),
    );
    const [pemkab, pemkot] = groups;
    expect(pemkab!.rows[0]!.rank.official).toEqual({ source: "computed", rank: 1, of: 1, tied: false });
    expect(pemkot!.rows.map((r) => r.rank.official)).toEqual([
      { source: "computed", rank: 1, of: 2, tied: false },
      { source: "computed", rank: 2, of: 2, tied: false },
    ]);
  });
});

describe("buildRanking: row order", () => {
  it("sorts by score, highest first, then by name; unscored rows last, by name", () => {
    const [group] = buildRanking(
      [
        input("PEMKAB", "Kabupaten Tapin", null),
        input("PEMKAB", "Kabupaten Tanah Laut", 8000),
        input("PEMKAB", "Kabupaten Balangan", null),
        input("PEMKAB", "Kabupaten Tabalong", 9000),
        input("PEMKAB", "Kabupaten Banjar", 9000),
        input("PEMKAB", "Kabupaten Kotabaru", 0),
      ],
      METHODOLOGY_2023,
      facts({ PEMKAB: 4 }),
    );
    expect(names(group!.rows)).toEqual([
      "Kabupaten Banjar",
      "Kabupaten Tabalong",
      "Kabupaten Tanah Laut",
      "Kabupaten Kotabaru",
      "Kabupaten Balangan",
      "Kabupaten Tapin",
    ]);
    expect(group!.rows.map((r) => r.rank.official && r.rank.official.rank)).toEqual([1, 1, 3, 4, null, null]);
    expect(group!.rows.map((r) => r.rank.official?.source === "computed" && r.rank.official.tied)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("leaves unscored rows unranked (no computed position)", () => {
    const [group] = buildRanking(
      [input("PEMKOT", "Kota Palangka Raya", null, { publishedZone: "HIJAU" }), input("PEMKOT", "Kota Banjarmasin", 9545)],
      METHODOLOGY_2023,
      facts({ PEMKOT: 1 }),
    );
    const unscored = group!.rows[1]!;
    expect(unscored.entity.name).toBe("Kota Palangka Raya");
    expect(unscored.rank).toEqual({ complete: true, official: null, partial: null });
    expect(group!.rows[0]!.rank.official).toEqual({ source: "computed", rank: 1, of: 1, tied: false });
  });
});

describe("buildRanking: zone, category and label of a row", () => {
  it("classifies a scored row with the year's bands", () => {
    const [group] = buildRanking([input("PEMKOT", "Kota Banjarmasin", 9545)], METHODOLOGY_2023, facts());
    expect(group!.rows[0]).toMatchObject({
      zone: "HIJAU",
      zoneBasis: "computed",
      category: "A",
      label: "Kualitas Tertinggi",
      disagreements: [],
    });
  });

  it("uses the bands, not the published values, for a scored row, and flags the disagreement", () => {
    const [group] = buildRanking(
      [input("PEMKAB", "Kabupaten Tanah Laut", 7799, { publishedZone: "HIJAU", publishedCategory: "B", publishedOpinion: "Kualitas Tinggi" })],
      METHODOLOGY_2023,
      facts(),
    );
    const row = group!.rows[0]!;
    expect(row).toMatchObject({ zone: "KUNING", zoneBasis: "computed", category: "C", label: "Kualitas Sedang" });
    expect(row.publishedZone).toBe("HIJAU");
    expect(row.disagreements).toEqual([
      { field: "zone", published: "HIJAU", computed: "KUNING" },
      { field: "category", published: "B", computed: "C" },
    ]);
  });

  it("shows the published zone, category and opinion of an unscored row", () => {
    // Kota Palangka Raya 2024: zona hijau, Kualitas Tertinggi, no score.
    const [group] = buildRanking(
      [input("PEMKOT", "Kota Palangka Raya", null, { publishedZone: "HIJAU", publishedCategory: "A", publishedOpinion: "Kualitas Tertinggi" })],
      METHODOLOGY_2023,
      facts(),
    );
    expect(group!.rows[0]).toMatchObject({
      zone: "HIJAU",
      zoneBasis: "published",
      category: "A",
      label: "Kualitas Tertinggi",
      disagreements: [],
    });
  });

  it("has no zone for an unscored row without a published zone", () => {
    const [group] = buildRanking([input("PEMKOT", "Kota Tanpa Data", null)], METHODOLOGY_2023, facts());
    expect(group!.rows[0]).toMatchObject({ zone: null, zoneBasis: null, category: null, label: null, disagreements: [] });
  });

  it("falls back to published values for a scored row when the year has no methodology", () => {
    const [group] = buildRanking(
      [
        input("PEMKOT", "Kota Banjarmasin", 9545, { publishedZone: "KUNING", publishedCategory: "C", publishedOpinion: "Sedang" }),
        input("PEMKOT", "Kota Banjarbaru", 9000),
      ],
      null,
      facts(),
    );
    expect(group!.rows[0]).toMatchObject({
      zone: "KUNING",
      zoneBasis: "published",
      category: "C",
      label: "Sedang",
      disagreements: [],
    });
    expect(group!.rows[1]).toMatchObject({ zone: null, zoneBasis: null, category: null, label: null });
  });

  it("derives no zone from unverified bands (2025): not established, the published predicate as label", () => {
    const [group] = buildRanking(
      [
        input("POLRES", "Polres Balangan", 9166, { publishedOpinion: "Sangat Baik" }),
        input("POLRES", "Polres Tapin", 8416),
        input("POLRES", "Polres Tabalong", 8000, { publishedZone: "HIJAU" }),
      ],
      METHODOLOGY_2025_UNVERIFIED,
      facts(),
    );
    expect(group!.rows[0]).toMatchObject({ zone: null, zoneBasis: "not-established", category: null, label: "Sangat Baik", disagreements: [] });
    // Without a published opinion, no label either: the bands' label would be invented too.
    expect(group!.rows[1]).toMatchObject({ zone: null, zoneBasis: "not-established", label: null });
    // A zone a source states is shown as the source's.
    expect(group!.rows[2]).toMatchObject({ zone: "HIJAU", zoneBasis: "published" });
  });

  it("in a zone-only year (2021) ignores a published category and does not compare it", () => {
    const [group] = buildRanking(
      [input("PEMKAB", "Kabupaten Banjar", 8099, { publishedZone: "HIJAU", publishedCategory: "B" })],
      METHODOLOGY_2021,
      facts(),
    );
    expect(group!.rows[0]).toMatchObject({
      zone: "KUNING",
      category: null,
      label: "Zona Kuning",
      disagreements: [{ field: "zone", published: "HIJAU", computed: "KUNING" }],
    });
  });

  it("keeps every input field on the row", () => {
    const source = input("PEMKOT", "Kota Banjarmasin", 9545, { hasConflict: true, sourceCount: 3, publishedNationalRank: 24 });
    const [group] = buildRanking([source], METHODOLOGY_2023, facts());
    expect(group!.rows[0]).toMatchObject(source);
  });
});

describe("buildRanking: completeness and ranks", () => {
  it("Kalimantan Selatan 2025 Polres: 1 scored of 5 assessed states the published rank, keeps the partial one", () => {
    const balangan = input("POLRES", "Polres Balangan", 9166, { publishedNationalRank: 2 });
    const [group] = buildRanking([balangan], METHODOLOGY_2025_UNVERIFIED, facts({ POLRES: 5 }));
    expect(group!.completeness).toEqual({ complete: false, recorded: 1, expected: 5 });
    expect(group!.rows[0]!.rank).toEqual({
      complete: false,
      official: { source: "published", rank: 2, of: 5, sourceUrl: balangan.sourceUrl },
      partial: { rank: 1, of: 1, tied: false },
    });
  });

  it("gives an incomplete group's row without a published rank only its partial position", () => {
    const [group] = buildRanking([input("POLRES", "Polres Balangan", 9166)], METHODOLOGY_2023, facts({ POLRES: 5 }));
    expect(group!.rows[0]!.rank).toEqual({ complete: false, official: null, partial: { rank: 1, of: 1, tied: false } });
  });

  it("states the published rank with an unknown 'of' when the number assessed is unknown", () => {
    const [group] = buildRanking(
      [input("PEMPROV", "Provinsi Kalimantan Selatan", 9458, { publishedNationalRank: 9, sourceUrl: null })],
      METHODOLOGY_2023,
      facts(),
    );
    expect(group!.completeness).toEqual({ complete: false, recorded: 1, expected: null });
    expect(group!.rows[0]!.rank.official).toEqual({ source: "published", rank: 9, of: null, sourceUrl: null });
  });

  it("computes completeness per type", () => {
    const groups = buildRanking(
      [
        input("PEMKOT", "Kota Banjarmasin", 9545, { publishedNationalRank: 24 }),
        input("PEMKOT", "Kota Banjarbaru", 9000),
        input("POLRES", "Polres Balangan", 9166, { publishedNationalRank: 2 }),
        input("KANTOR_PERTANAHAN", "Kantor Pertanahan Kabupaten Banjar", 9331),
      ],
      METHODOLOGY_2023,
      facts({ PEMKOT: 2, POLRES: 5 }, ["KANTOR_PERTANAHAN"]),
    );
    const byType = Object.fromEntries(groups.map((g) => [g.type, g]));
    expect(byType.PEMKOT!.completeness).toEqual({ complete: true, basis: "published-count", recorded: 2, expected: 2 });
    expect(byType.POLRES!.completeness).toEqual({ complete: false, recorded: 1, expected: 5 });
    expect(byType.KANTOR_PERTANAHAN!.completeness).toEqual({ complete: true, basis: "admin", recorded: 1, expected: null });
    // Complete: the computed rank is stated, the published national rank is not.
    expect(byType.PEMKOT!.rows[0]!.rank).toEqual({
      complete: true,
      official: { source: "computed", rank: 1, of: 2, tied: false },
      partial: null,
    });
    expect(byType.POLRES!.rows[0]!.rank.official).toMatchObject({ source: "published", rank: 2, of: 5 });
    expect(byType.KANTOR_PERTANAHAN!.rows[0]!.rank.official).toEqual({ source: "computed", rank: 1, of: 1, tied: false });
  });

  it("counts only scored rows towards completeness", () => {
    const [group] = buildRanking(
      [input("PEMKOT", "Kota Banjarmasin", 9545), input("PEMKOT", "Kota Palangka Raya", null, { publishedZone: "HIJAU" })],
      METHODOLOGY_2023,
      facts({ PEMKOT: 2 }),
    );
    expect(group!.completeness).toEqual({ complete: false, recorded: 1, expected: 2 });
  });

  it("states an unscored row's published rank in a complete group", () => {
    const [group] = buildRanking(
      [input("PEMKOT", "Kota Banjarmasin", 9545), input("PEMKOT", "Kota Palangka Raya", null, { publishedNationalRank: 3 })],
      METHODOLOGY_2023,
      facts({}, ["PEMKOT"]),
    );
    expect(group!.rows[1]!.rank).toEqual({
      complete: true,
      official: { source: "published", rank: 3, of: null, sourceUrl: "https://news.example/kota-palangka-raya" },
      partial: null,
    });
  });
});
