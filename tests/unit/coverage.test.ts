import { describe, expect, it } from "vitest";
import { defaultYear, describeCoverage, isGroupShare } from "@/lib/domain/coverage";

describe("coverage wording", () => {
  it("says how many of how many: part of a group is never the group's share", () => {
    // 1 of 38 Polres recorded, green: not "100 % green".
    expect(describeCoverage(1, 38, false)).toEqual({ kind: "part", counted: 1, assessed: 38 });
    expect(isGroupShare(describeCoverage(1, 38, false))).toBe(false);
    expect(describeCoverage(5, null, false)).toEqual({ kind: "unknown-total", counted: 5 });
    expect(isGroupShare(describeCoverage(5, null, false))).toBe(false);
  });

  it("the whole group: the published number reached, or marked complete by an admin", () => {
    expect(describeCoverage(5, 5, false)).toEqual({ kind: "whole", counted: 5, assessed: 5 });
    expect(describeCoverage(4, null, true)).toEqual({ kind: "whole", counted: 4, assessed: null });
    expect(isGroupShare(describeCoverage(5, 5, false))).toBe(true);
  });

  it("nothing counted says so", () => {
    expect(describeCoverage(0, 13, false)).toEqual({ kind: "none", assessed: 13 });
    expect(describeCoverage(0, null, true)).toEqual({ kind: "none", assessed: null });
  });
});

describe("the year a view opens on", () => {
  const years = [
    { year: 2025, recorded: 34 },
    { year: 2024, recorded: 98 },
    { year: 2023, recorded: 138 },
    { year: 2022, recorded: 154 },
    { year: 2021, recorded: 133 },
  ];

  it("is the newest year with at least half the best year's results, and names the newer years skipped", () => {
    expect(defaultYear(years)).toEqual({ year: 2024, best: { year: 2022, recorded: 154 }, newerSkipped: [{ year: 2025, recorded: 34 }] });
  });

  it("is the newest year when it is covered well enough; exactly half counts", () => {
    expect(defaultYear([{ year: 2024, recorded: 50 }, { year: 2023, recorded: 100 }])).toMatchObject({ year: 2024, newerSkipped: [] });
    expect(defaultYear([{ year: 2024, recorded: 49 }, { year: 2023, recorded: 100 }])).toMatchObject({ year: 2023, newerSkipped: [{ year: 2024 }] });
  });

  it("has no year without years, and takes them in any order", () => {
    expect(defaultYear([])).toBeNull();
    expect(defaultYear([...years].reverse())!.year).toBe(2024);
  });
});
