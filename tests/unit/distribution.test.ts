import { describe, expect, it } from "vitest";
import { fromCounts, trendPoint, zoneDistribution } from "@/lib/domain/distribution";

describe("zoneDistribution", () => {
  it("counts zones, keeps unknowns apart and gives shares in tenths of a percent, half-up", () => {
    const d = zoneDistribution(["HIJAU", "HIJAU", "KUNING", null, "HIJAU", "MERAH", "KUNING"]);
    expect(d.counts).toEqual({ HIJAU: 3, KUNING: 2, MERAH: 1 });
    expect(d.total).toBe(6);
    expect(d.unknown).toBe(1);
    // 3/6 = 50,0 %; 2/6 = 33,33 → 33,3 %; 1/6 = 16,67 → 16,7 %
    expect(d.shareTenths).toEqual({ HIJAU: 500, KUNING: 333, MERAH: 167 });
  });

  it("gives zero shares for an empty group (no division by zero)", () => {
    const d = zoneDistribution([]);
    expect(d.total).toBe(0);
    expect(d.shareTenths).toEqual({ HIJAU: 0, KUNING: 0, MERAH: 0 });
  });

  it("rounds a share of exactly x,x5 up", () => {
    // 1/8 = 12,5 % exactly → 125 tenths; 1/16 = 6,25 % → 63 tenths (half-up)
    expect(fromCounts({ HIJAU: 1, KUNING: 15, MERAH: 0 }).shareTenths.HIJAU).toBe(63);
    expect(fromCounts({ HIJAU: 1, KUNING: 7, MERAH: 0 }).shareTenths.HIJAU).toBe(125);
  });
});

describe("trendPoint", () => {
  const recorded = zoneDistribution(["HIJAU", "KUNING"]);

  it("uses published national counts when a source gives them", () => {
    const p = trendPoint(2021, { counts: { HIJAU: 179, KUNING: 316, MERAH: 92 }, sourceUrl: "u" }, recorded, false);
    expect(p.basis).toBe("published");
    expect(p.distribution.total).toBe(587);
    expect(p.sourceUrl).toBe("u");
  });

  it("falls back to the recorded results, marked as such, with their completeness", () => {
    const p = trendPoint(2025, null, recorded, false);
    expect(p.basis).toBe("recorded");
    expect(p.complete).toBe(false);
    expect(p.distribution.counts).toEqual({ HIJAU: 1, KUNING: 1, MERAH: 0 });
  });
});
