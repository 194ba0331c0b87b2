import { describe, expect, it } from "vitest";
import { changeFromPrevious, methodologyChangeYears, scoreChange, type YearScore } from "@/lib/domain/change";

const KEPATUHAN = "Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik";
const MALADMINISTRASI = "Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik";

const ys = (year: number, score: number | null, methodologyName: string | null = KEPATUHAN): YearScore => ({
  year,
  score,
  methodologyName,
});

describe("scoreChange", () => {
  it("gives the delta in hundredths: Kota Banjarmasin 88,01 (2023) → 95,45 (2024) is +7,44", () => {
    expect(scoreChange(ys(2023, 8801), ys(2024, 9545))).toEqual({
      fromYear: 2023,
      toYear: 2024,
      delta: 744,
      methodologyChanged: false,
    });
  });

  it("gives a negative delta for a fall and zero for no change", () => {
    expect(scoreChange(ys(2023, 9545), ys(2024, 8801)).delta).toBe(-744);
    expect(scoreChange(ys(2023, 9000), ys(2024, 9000)).delta).toBe(0);
  });

  it("has no delta when either score is missing", () => {
    expect(scoreChange(ys(2023, null), ys(2024, 9545)).delta).toBeNull();
    expect(scoreChange(ys(2023, 8801), ys(2024, null)).delta).toBeNull();
    expect(scoreChange(ys(2023, null), ys(2024, null)).delta).toBeNull();
  });

  it("flags a change of methodology name", () => {
    expect(scoreChange(ys(2024, 9545, KEPATUHAN), ys(2025, 9000, MALADMINISTRASI))).toEqual({
      fromYear: 2024,
      toYear: 2025,
      delta: -545,
      methodologyChanged: true,
    });
  });

  it("flags the change as not like-for-like when either year has no methodology on record", () => {
    expect(scoreChange(ys(2019, 8000, null), ys(2021, 8500)).methodologyChanged).toBe(true);
    expect(scoreChange(ys(2021, 8000), ys(2022, 8500, null)).methodologyChanged).toBe(true);
    expect(scoreChange(ys(2019, 8000, null), ys(2021, 8500, null)).methodologyChanged).toBe(true);
  });

  it("does not flag the same methodology name", () => {
    expect(scoreChange(ys(2022, 8000, KEPATUHAN), ys(2023, 8500, KEPATUHAN)).methodologyChanged).toBe(false);
  });
});

describe("changeFromPrevious", () => {
  const history = [ys(2024, 9545), ys(2021, 7000, "Penilaian Kepatuhan 2021"), ys(2023, 8801), ys(2025, null, MALADMINISTRASI)];

  it("compares with the previous year on record, whatever the order of the history", () => {
    expect(changeFromPrevious(history, 2024)).toEqual({ fromYear: 2023, toYear: 2024, delta: 744, methodologyChanged: false });
  });

  it("skips years without a result (2022 missing: 2023 compares with 2021)", () => {
    expect(changeFromPrevious(history, 2023)).toEqual({ fromYear: 2021, toYear: 2023, delta: 1801, methodologyChanged: true });
  });

  it("compares a year without a score: no delta, methodology change still flagged", () => {
    expect(changeFromPrevious(history, 2025)).toEqual({ fromYear: 2024, toYear: 2025, delta: null, methodologyChanged: true });
  });

  it("returns null for the earliest year (nothing earlier)", () => {
    expect(changeFromPrevious(history, 2021)).toBeNull();
  });

  it("returns null for a year not in the history", () => {
    expect(changeFromPrevious(history, 2022)).toBeNull();
    expect(changeFromPrevious(history, 2030)).toBeNull();
    expect(changeFromPrevious([], 2024)).toBeNull();
  });

  it("does not reorder the caller's history", () => {
    const copy = [...history];
    changeFromPrevious(history, 2025);
    expect(history).toEqual(copy);
  });
});

describe("methodologyChangeYears", () => {
  it("marks the years whose method differs from the previous year given", () => {
    expect(
      methodologyChangeYears([
        { year: 2024, methodologyName: "Penilaian Kepatuhan" },
        { year: 2021, methodologyName: "Survei 2021" },
        { year: 2022, methodologyName: "Penilaian Kepatuhan" },
        { year: 2023, methodologyName: "Penilaian Kepatuhan" },
        { year: 2025, methodologyName: "Penilaian Maladministrasi" },
      ]),
    ).toEqual([2022, 2025]);
  });

  it("treats a year without a method on record as a change, and one year as none", () => {
    expect(methodologyChangeYears([{ year: 2019, methodologyName: null }, { year: 2021, methodologyName: "x" }])).toEqual([2021]);
    expect(methodologyChangeYears([{ year: 2024, methodologyName: "x" }])).toEqual([]);
    expect(methodologyChangeYears([])).toEqual([]);
  });
});
