import { describe, expect, it } from "vitest";
import { bandSpans, keepOnNarrow, layoutScoreHistory, scoreY } from "@/components/charts/score-history-layout";

const BANDS_2022 = [
  { min: 0, max: 5000, zone: "MERAH" as const },
  { min: 5001, max: 8000, zone: "KUNING" as const },
  { min: 8001, max: 10000, zone: "HIJAU" as const },
];

const BANDS_2023 = [
  { min: 0, max: 5500, zone: "MERAH" as const },
  { min: 5501, max: 7800, zone: "KUNING" as const },
  { min: 7801, max: 10000, zone: "HIJAU" as const },
];

describe("bandSpans", () => {
  it("joins consecutive years with the same bands, and only those", () => {
    const spans = bandSpans([
      { year: 2021, bands: BANDS_2022 },
      { year: 2019, bands: BANDS_2022 },
      { year: 2022, bands: BANDS_2023 },
      { year: 2023, bands: BANDS_2023 },
      { year: 2025, bands: BANDS_2023 },
    ]);
    expect(spans.map((s) => [s.from, s.to])).toEqual([
      [2019, 2019], // 2020 missing: not joined across the gap
      [2021, 2021],
      [2022, 2023],
      [2025, 2025],
    ]);
    expect(spans[2]!.bands).toBe(BANDS_2023);
  });

  it("keeps years apart when one band edge differs", () => {
    const moved = [BANDS_2022[0]!, { ...BANDS_2022[1]!, max: 8001 }, { ...BANDS_2022[2]!, min: 8002 }];
    expect(bandSpans([{ year: 2020, bands: BANDS_2022 }, { year: 2021, bands: moved }])).toHaveLength(2);
    expect(bandSpans([])).toEqual([]);
  });
});

describe("scoreY", () => {
  it("puts 100 at the top, 0 at the bottom and clamps outside 0–100", () => {
    expect(scoreY(10000)).toBe(0);
    expect(scoreY(0)).toBe(100);
    expect(scoreY(5000)).toBe(50);
    expect(scoreY(8808)).toBe(11.92);
    expect(scoreY(12000)).toBe(0);
    expect(scoreY(-5)).toBe(100);
  });
});

describe("layoutScoreHistory", () => {
  it("draws nothing without years", () => {
    expect(layoutScoreHistory({ series: [], bands: [], methodChanges: [] })).toBeNull();
    expect(layoutScoreHistory({ series: [{ name: "A", points: [] }], bands: [], methodChanges: [] })).toBeNull();
  });

  it("gives every year between the first and last an equal slot, gap years included", () => {
    const layout = layoutScoreHistory({
      series: [{ name: "A", points: [{ year: 2021, score: 7508 }, { year: 2024, score: 9208 }] }],
      bands: [],
      methodChanges: [],
    })!;
    expect(layout.years).toEqual([
      { year: 2021, x: 12.5 },
      { year: 2022, x: 37.5 },
      { year: 2023, x: 62.5 },
      { year: 2024, x: 87.5 },
    ]);
    expect(layout.series[0]).toEqual([
      { year: 2021, score: 7508, x: 12.5, y: 24.92 },
      { year: 2024, score: 9208, x: 87.5, y: 7.92 },
    ]);
  });

  it("a single year fills the plot, its point in the middle", () => {
    const layout = layoutScoreHistory({ series: [{ name: "A", points: [{ year: 2024, score: 10000 }] }], bands: [], methodChanges: [] })!;
    expect(layout.years).toEqual([{ year: 2024, x: 50 }]);
    expect(layout.series[0]).toEqual([{ year: 2024, score: 10000, x: 50, y: 0 }]);
  });

  it("skips years without a score and sorts points by year", () => {
    const layout = layoutScoreHistory({
      series: [{ name: "A", points: [{ year: 2023, score: 8881 }, { year: 2022, score: null }, { year: 2021, score: 7508 }] }],
      bands: [],
      methodChanges: [],
    })!;
    expect(layout.series[0]!.map((p) => p.year)).toEqual([2021, 2023]);
    expect(layout.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
  });

  it("years with bands but no score still get a slot (the 2025 method shown before its scores)", () => {
    const layout = layoutScoreHistory({
      series: [{ name: "A", points: [{ year: 2024, score: 9000 }] }],
      bands: [{ year: 2024, bands: BANDS_2022 }, { year: 2025, bands: BANDS_2022 }],
      methodChanges: [],
    })!;
    expect(layout.years.map((y) => y.year)).toEqual([2024, 2025]);
    // Same bands in consecutive years: one rectangle per zone across both years.
    expect(layout.bands).toHaveLength(3);
    expect(layout.bands.every((b) => b.x === 0 && b.width === 100)).toBe(true);
  });

  it("zone bands meet exactly: each reaches up to where the next one starts", () => {
    const layout = layoutScoreHistory({ series: [], bands: [{ year: 2022, bands: BANDS_2022 }], methodChanges: [] })!;
    const byZone = Object.fromEntries(layout.bands.map((b) => [b.zone, b]));
    // MERAH 0–50.00 drawn from 0 up to 50.01, where KUNING starts.
    expect(byZone.MERAH).toEqual({ zone: "MERAH", x: 0, width: 100, y: 49.99, height: 50.01 });
    expect(byZone.KUNING).toEqual({ zone: "KUNING", x: 0, width: 100, y: 19.99, height: 30 });
    // HIJAU ends at 100 exactly, not above the plot.
    expect(byZone.HIJAU).toEqual({ zone: "HIJAU", x: 0, width: 100, y: 0, height: 19.99 });
    expect(byZone.MERAH!.y).toBeCloseTo(byZone.KUNING!.y + byZone.KUNING!.height, 9);
    expect(byZone.KUNING!.y).toBeCloseTo(byZone.HIJAU!.y + byZone.HIJAU!.height, 9);
  });

  it("puts a method change between the year before and its year, and ignores changes outside the years shown", () => {
    const layout = layoutScoreHistory({
      series: [{ name: "A", points: [{ year: 2021, score: 7508 }, { year: 2022, score: 7935 }] }],
      bands: [],
      methodChanges: [2021, 2022, 2030],
    })!;
    expect(layout.methodChanges).toEqual([{ year: 2022, x: 50 }]);
  });

  it("keeps the series in their order, one list each", () => {
    const layout = layoutScoreHistory({
      series: [
        { name: "A", points: [{ year: 2023, score: 9677 }] },
        { name: "B", points: [] },
        { name: "C", points: [{ year: 2023, score: 9450 }] },
      ],
      bands: [],
      methodChanges: [],
    })!;
    expect(layout.series.map((s) => s.map((p) => p.score))).toEqual([[9677], [], [9450]]);
  });

  it("has the five value ticks from bottom to top", () => {
    const layout = layoutScoreHistory({ series: [{ name: "A", points: [{ year: 2024, score: 1 }] }], bands: [], methodChanges: [] })!;
    expect(layout.yTicks).toEqual([
      { value: 0, y: 100 },
      { value: 25, y: 75 },
      { value: 50, y: 50 },
      { value: 75, y: 25 },
      { value: 100, y: 0 },
    ]);
  });
});

describe("keepOnNarrow", () => {
  it("keeps every year label up to six years", () => {
    expect([0, 1, 2, 3, 4, 5].every((i) => keepOnNarrow(i, 6))).toBe(true);
  });
  it("keeps every other label from the last year back beyond six", () => {
    expect([...Array(11).keys()].filter((i) => keepOnNarrow(i, 11))).toEqual([0, 2, 4, 6, 8, 10]);
    expect([...Array(8).keys()].filter((i) => keepOnNarrow(i, 8))).toEqual([1, 3, 5, 7]);
  });
});
