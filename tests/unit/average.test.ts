import { describe, expect, it } from "vitest";
import { averageScore, roundHalfUpDivide } from "@/lib/domain/average";

describe("averageScore", () => {
  it("returns the exact mean when it is a whole number of hundredths", () => {
    expect(averageScore([9000, 9500])).toEqual({ hundredths: 9250, count: 2, sum: 18500 });
  });

  it("rounds a mean ending in half a hundredth (x,xx5) up", () => {
    // 93,64 and 93,65 → 93,645 → 93,65
    expect(averageScore([9364, 9365])).toEqual({ hundredths: 9365, count: 2, sum: 18729 });
    // 0,00 and 0,01 → 0,005 → 0,01
    expect(averageScore([0, 1])?.hundredths).toBe(1);
  });

  it("rounds below half down and above half up", () => {
    // 10001 / 3 = 3333.67 → 3334; 10000 / 3 = 3333.33 → 3333
    expect(averageScore([3334, 3334, 3333])?.hundredths).toBe(3334);
    expect(averageScore([3334, 3333, 3333])?.hundredths).toBe(3333);
    // 3 / 4 = 0.75 → 1; 1 / 4 = 0.25 → 0
    expect(averageScore([1, 1, 1, 0])?.hundredths).toBe(1);
    expect(averageScore([1, 0, 0, 0])?.hundredths).toBe(0);
  });

  it("averages the Kalimantan Selatan 2025 Polres scores", () => {
    // 9233 + 9166 + 9007 + 8428 + 8416 = 44250 → 8850
    expect(averageScore([9233, 9166, 9007, 8428, 8416])).toEqual({ hundredths: 8850, count: 5, sum: 44250 });
  });

  it("ignores null scores in the sum and the count", () => {
    expect(averageScore([null, 9000, null, 8001])).toEqual({ hundredths: 8501, count: 2, sum: 17001 });
  });

  it("counts a score of 0", () => {
    expect(averageScore([0, 10000])).toEqual({ hundredths: 5000, count: 2, sum: 10000 });
  });

  it("returns null for an empty group or one with only null scores", () => {
    expect(averageScore([])).toBeNull();
    expect(averageScore([null, null])).toBeNull();
  });

  it("reports a single score as itself", () => {
    expect(averageScore([9166])).toEqual({ hundredths: 9166, count: 1, sum: 9166 });
  });
});

describe("roundHalfUpDivide", () => {
  it.each([
    [10, 4, 3], // 2.5 → 3
    [9, 4, 2], // 2.25 → 2
    [11, 4, 3], // 2.75 → 3
    [8, 4, 2],
    [1, 2, 1], // 0.5 → 1
    [1, 3, 0],
    [2, 3, 1],
    [0, 7, 0],
    [18729, 2, 9365],
  ])("%i / %i → %i", (numerator, denominator, expected) => {
    expect(roundHalfUpDivide(numerator, denominator)).toBe(expected);
  });

  it.each([
    [-10, 4, -3], // -2.5 → -3 (half away from zero)
    [-9, 4, -2],
    [-11, 4, -3],
    [-1, 2, -1],
    [-1, 3, 0],
  ])("rounds negatives half away from zero: %i / %i → %i", (numerator, denominator, expected) => {
    expect(roundHalfUpDivide(numerator, denominator)).toBe(expected);
  });

  it("is exact for large sums where float arithmetic would drift", () => {
    // 1000 scores of 93,645-ish: sum 9364500 + 500 over 1000 → 9365 exactly
    expect(roundHalfUpDivide(9_364_500, 1000)).toBe(9365);
    expect(roundHalfUpDivide(9_364_499, 1000)).toBe(9364);
  });

  it("returns 0, not -0, for a negative that rounds to zero", () => {
    expect(Object.is(roundHalfUpDivide(-1, 3), 0)).toBe(true);
    expect(Object.is(roundHalfUpDivide(-0, 3), 0)).toBe(true);
  });

  it("throws for a zero or negative denominator", () => {
    expect(() => roundHalfUpDivide(10, 0)).toThrow(RangeError);
    expect(() => roundHalfUpDivide(10, -2)).toThrow("denominator must be positive");
  });
});
