import { describe, expect, it } from "vitest";
import { classifyScore, establishedClassification, findBand, validateBands } from "@/lib/domain/classify";
import type { Band, Methodology } from "@/lib/domain/types";
import { BANDS_2021, BANDS_2022_2024, METHODOLOGY_2021, METHODOLOGY_2023, METHODOLOGY_2025_UNVERIFIED } from "./fixtures";

const band = (min: number, max: number, label = `${min}-${max}`): Band => ({
  min,
  max,
  zone: "HIJAU",
  category: null,
  label,
});

describe("classifyScore with the 2022–2024 bands (A–E)", () => {
  it.each([
    [0, "MERAH", "E", "Kualitas Terendah"],
    [3199, "MERAH", "E", "Kualitas Terendah"],
    [3200, "MERAH", "D", "Kualitas Rendah"],
    [5399, "MERAH", "D", "Kualitas Rendah"],
    [5400, "KUNING", "C", "Kualitas Sedang"],
    [7799, "KUNING", "C", "Kualitas Sedang"],
    [7800, "HIJAU", "B", "Kualitas Tinggi"],
    [8799, "HIJAU", "B", "Kualitas Tinggi"],
    [8800, "HIJAU", "A", "Kualitas Tertinggi"],
    [9545, "HIJAU", "A", "Kualitas Tertinggi"],
    [10000, "HIJAU", "A", "Kualitas Tertinggi"],
  ] as const)("%i hundredths → zone %s, category %s", (score, zone, category, label) => {
    expect(classifyScore(score, METHODOLOGY_2023)).toEqual({ zone, category, label, verified: true });
  });

  it("puts 87,99 in B and 88,00 in A", () => {
    expect(classifyScore(8799, METHODOLOGY_2023)?.category).toBe("B");
    expect(classifyScore(8800, METHODOLOGY_2023)?.category).toBe("A");
  });

  it("puts 77,99 in C (kuning) and 78,00 in B (hijau)", () => {
    expect(classifyScore(7799, METHODOLOGY_2023)).toMatchObject({ zone: "KUNING", category: "C" });
    expect(classifyScore(7800, METHODOLOGY_2023)).toMatchObject({ zone: "HIJAU", category: "B" });
  });

  it("puts 53,99 in D (merah) and 54,00 in C (kuning)", () => {
    expect(classifyScore(5399, METHODOLOGY_2023)).toMatchObject({ zone: "MERAH", category: "D" });
    expect(classifyScore(5400, METHODOLOGY_2023)).toMatchObject({ zone: "KUNING", category: "C" });
  });

  it("puts 31,99 in E and 32,00 in D", () => {
    expect(classifyScore(3199, METHODOLOGY_2023)?.category).toBe("E");
    expect(classifyScore(3200, METHODOLOGY_2023)?.category).toBe("D");
  });

  it("returns null for a score outside every band (above 100 or negative)", () => {
    expect(classifyScore(10001, METHODOLOGY_2023)).toBeNull();
    expect(classifyScore(-1, METHODOLOGY_2023)).toBeNull();
  });
});

describe("classifyScore with the 2021 three-zone bands", () => {
  it.each([
    [0, "MERAH"],
    [5099, "MERAH"],
    [5100, "KUNING"],
    [8099, "KUNING"],
    [8100, "HIJAU"],
    [10000, "HIJAU"],
  ] as const)("%i hundredths → %s without a category", (score, zone) => {
    const result = classifyScore(score, METHODOLOGY_2021);
    expect(result).not.toBeNull();
    expect(result!.zone).toBe(zone);
    expect(result!.category).toBeNull();
    expect(result!.verified).toBe(true);
  });

  it("puts 80,99 in kuning and 81,00 in hijau", () => {
    expect(classifyScore(8099, METHODOLOGY_2021)).toEqual({
      zone: "KUNING",
      category: null,
      label: "Zona Kuning",
      verified: true,
    });
    expect(classifyScore(8100, METHODOLOGY_2021)).toEqual({
      zone: "HIJAU",
      category: null,
      label: "Zona Hijau",
      verified: true,
    });
  });

  it("puts 50,99 in merah and 51,00 in kuning", () => {
    expect(classifyScore(5099, METHODOLOGY_2021)?.zone).toBe("MERAH");
    expect(classifyScore(5100, METHODOLOGY_2021)?.zone).toBe("KUNING");
  });
});

describe("classifyScore without usable bands", () => {
  it("returns null for a year without methodology (null or undefined)", () => {
    expect(classifyScore(9000, null)).toBeNull();
    expect(classifyScore(9000, undefined)).toBeNull();
  });

  it("returns null for a methodology that has no bands", () => {
    const noBands: Methodology = { year: 2019, name: "Survei Kepatuhan", bandsVerified: false, bands: [] };
    expect(classifyScore(9000, noBands)).toBeNull();
    expect(classifyScore(0, noBands)).toBeNull();
  });

  it("marks a classification from unverified bands as verified: false", () => {
    expect(classifyScore(8416, METHODOLOGY_2025_UNVERIFIED)).toEqual({
      zone: "HIJAU",
      category: null,
      label: "Zona Hijau",
      verified: false,
    });
  });
});

describe("findBand", () => {
  it("returns the band object covering the score, inclusive on both ends", () => {
    expect(findBand(8800, BANDS_2022_2024)).toBe(BANDS_2022_2024[0]);
    expect(findBand(8799, BANDS_2022_2024)).toBe(BANDS_2022_2024[1]);
    expect(findBand(0, BANDS_2021)).toBe(BANDS_2021[2]);
  });

  it("returns null when no band covers the score or there are no bands", () => {
    expect(findBand(10001, BANDS_2022_2024)).toBeNull();
    expect(findBand(5000, [])).toBeNull();
  });

  it("returns the first listed band when bands overlap", () => {
    const first = band(0, 6000, "first");
    const second = band(5000, 10000, "second");
    expect(findBand(5500, [first, second])).toBe(first);
  });
});

describe("validateBands", () => {
  it("accepts the 2022–2024 and 2021 tables", () => {
    expect(validateBands(BANDS_2022_2024)).toEqual([]);
    expect(validateBands(BANDS_2021)).toEqual([]);
  });

  it("accepts a single band covering 0–100", () => {
    expect(validateBands([band(0, 10000)])).toEqual([]);
  });

  it("accepts bands given in any order", () => {
    const unordered = [BANDS_2022_2024[3]!, BANDS_2022_2024[0]!, BANDS_2022_2024[4]!, BANDS_2022_2024[2]!, BANDS_2022_2024[1]!];
    expect(validateBands(unordered)).toEqual([]);
  });

  it("does not reorder the caller's array", () => {
    const input = [band(5000, 10000), band(0, 4999)];
    validateBands(input);
    expect(input.map((b) => b.min)).toEqual([5000, 0]);
  });

  it("reports an empty table", () => {
    expect(validateBands([])).toEqual([{ kind: "empty" }]);
  });

  it("reports a gap with its first and last uncovered hundredth", () => {
    // The typo seen in some articles: C starting at 54,09 instead of 54,00.
    const typo = BANDS_2022_2024.map((b) => (b.category === "C" ? { ...b, min: 5409 } : b));
    expect(validateBands(typo)).toEqual([{ kind: "gap", from: 5400, to: 5408 }]);
  });

  it("reports a one-hundredth gap", () => {
    expect(validateBands([band(0, 4998), band(5000, 10000)])).toEqual([{ kind: "gap", from: 4999, to: 4999 }]);
  });

  it("reports an overlap at the start of the overlapping band", () => {
    expect(validateBands([band(0, 5000), band(5000, 10000)])).toEqual([{ kind: "overlap", at: 5000 }]);
    expect(validateBands([band(4000, 10000), band(0, 5000)])).toEqual([{ kind: "overlap", at: 4000 }]);
  });

  it("reports no false gap after a band contained in a wider one", () => {
    expect(validateBands([band(0, 6000), band(100, 200), band(300, 10000)])).toEqual([
      { kind: "overlap", at: 100 },
      { kind: "overlap", at: 300 },
    ]);
    expect(validateBands([band(0, 8000), band(100, 200), band(8002, 10000)])).toEqual([
      { kind: "overlap", at: 100 },
      { kind: "gap", from: 8001, to: 8001 },
    ]);
  });

  it("reports a table that does not start at 0", () => {
    expect(validateBands([band(100, 10000)])).toEqual([{ kind: "start", min: 100 }]);
  });

  it("reports a table that does not end at 100,00 (short or beyond)", () => {
    expect(validateBands([band(0, 9999)])).toEqual([{ kind: "end", max: 9999 }]);
    expect(validateBands([band(0, 5000), band(5001, 10100)])).toEqual([{ kind: "end", max: 10100 }]);
  });

  it("reports an inverted band with its index in the input", () => {
    // The "88.00–87.99" typo: A given as min 8800, max 8799.
    const typo = BANDS_2022_2024.map((b) => (b.category === "A" ? { ...b, max: 8799 } : b));
    const problems = validateBands(typo);
    expect(problems).toContainEqual({ kind: "inverted", index: 0 });
    expect(problems).toContainEqual({ kind: "end", max: 8799 });
  });

  it("reports several problems at once, inverted first", () => {
    expect(validateBands([band(200, 100), band(300, 9000)])).toEqual([
      { kind: "inverted", index: 0 },
      { kind: "start", min: 200 },
      { kind: "gap", from: 101, to: 299 },
      { kind: "end", max: 9000 },
    ]);
  });
});

describe("establishedClassification: a zone only from verified bands (nothing invented)", () => {
  it("classifies with verified bands, at the band edges", () => {
    expect(establishedClassification(8800, METHODOLOGY_2023)).toMatchObject({ zone: "HIJAU", category: "A" });
    expect(establishedClassification(8799, METHODOLOGY_2023)).toMatchObject({ zone: "HIJAU", category: "B" });
    expect(establishedClassification(5399, METHODOLOGY_2023)).toMatchObject({ zone: "MERAH", category: "D" });
  });

  it("derives nothing from unverified bands: Polres Balangan 2025 (91,66, 'Sangat Baik') has no zone of Rapor's making", () => {
    expect(classifyScore(9166, METHODOLOGY_2025_UNVERIFIED)).toMatchObject({ zone: "HIJAU", verified: false });
    expect(establishedClassification(9166, METHODOLOGY_2025_UNVERIFIED)).toBeNull();
  });

  it("derives nothing without a score or a methodology", () => {
    expect(establishedClassification(null, METHODOLOGY_2023)).toBeNull();
    expect(establishedClassification(9000, null)).toBeNull();
    expect(establishedClassification(9000, undefined)).toBeNull();
  });
});
