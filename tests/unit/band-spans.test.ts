import { describe, expect, it } from "vitest";
import { bandSpans } from "@/components/charts/score-history-layout";

const A = [
  { min: 0, max: 5000, zone: "MERAH" as const },
  { min: 5001, max: 8000, zone: "KUNING" as const },
  { min: 8001, max: 10000, zone: "HIJAU" as const },
];
const B = [
  { min: 0, max: 5500, zone: "MERAH" as const },
  { min: 5501, max: 7800, zone: "KUNING" as const },
  { min: 7801, max: 10000, zone: "HIJAU" as const },
];

describe("bandSpans", () => {
  it("joins consecutive years with the same bands, and only those", () => {
    const spans = bandSpans([
      { year: 2021, bands: A },
      { year: 2019, bands: A },
      { year: 2022, bands: B },
      { year: 2023, bands: B },
      { year: 2025, bands: B },
    ]);
    expect(spans.map((s) => [s.from, s.to])).toEqual([
      [2019, 2019], // 2020 missing: not joined across the gap
      [2021, 2021],
      [2022, 2023],
      [2025, 2025],
    ]);
    expect(spans[2]!.bands).toBe(B);
  });

  it("keeps years apart when one band edge differs", () => {
    const moved = [A[0]!, { ...A[1]!, max: 8001 }, { ...A[2]!, min: 8002 }];
    expect(bandSpans([{ year: 2020, bands: A }, { year: 2021, bands: moved }])).toHaveLength(2);
    expect(bandSpans([])).toEqual([]);
  });
});
