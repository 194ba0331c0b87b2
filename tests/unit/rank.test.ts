import { describe, expect, it } from "vitest";
import { rankInPublishedScores, rankWithTies, rankWithinGroups } from "@/lib/domain/rank";

interface Item {
  name: string;
  score: number | null;
}

const item = (name: string, score: number | null): Item => ({ name, score });
const scoreOf = (i: Item) => i.score;
const summary = (ranked: ReturnType<typeof rankWithTies<Item>>) =>
  ranked.map((r) => [r.item.name, r.rank, r.of, r.tied] as const);

describe("rankWithTies", () => {
  it("ranks highest first with standard competition ranking (1, 2, 2, 4)", () => {
    const ranked = rankWithTies([item("c", 9000), item("a", 9500), item("b", 9000), item("d", 8000)], scoreOf);
    expect(summary(ranked)).toEqual([
      ["a", 1, 4, false],
      ["c", 2, 4, true],
      ["b", 2, 4, true],
      ["d", 4, 4, false],
    ]);
  });

  it("skips as many ranks as there are tied items (1, 1, 1, 4, 5, 5, 7)", () => {
    const ranked = rankWithTies(
      [item("a", 90), item("b", 90), item("c", 90), item("d", 80), item("e", 70), item("f", 70), item("g", 10)],
      scoreOf,
    );
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1, 4, 5, 5, 7]);
    expect(ranked.map((r) => r.tied)).toEqual([true, true, true, false, true, true, false]);
  });

  it("gives every item rank 1 when all are tied", () => {
    const ranked = rankWithTies([item("a", 8800), item("b", 8800), item("c", 8800)], scoreOf);
    expect(summary(ranked)).toEqual([
      ["a", 1, 3, true],
      ["b", 1, 3, true],
      ["c", 1, 3, true],
    ]);
  });

  it("ranks a single item 1 of 1, untied", () => {
    expect(summary(rankWithTies([item("a", 0)], scoreOf))).toEqual([["a", 1, 1, false]]);
  });

  it("leaves out items without a score; `of` counts only scored items", () => {
    const ranked = rankWithTies([item("zone-only", null), item("a", 9100), item("b", 9200), item("x", null)], scoreOf);
    expect(summary(ranked)).toEqual([
      ["b", 1, 2, false],
      ["a", 2, 2, false],
    ]);
  });

  it("ranks a score of 0 (it is a score, not a missing one)", () => {
    const ranked = rankWithTies([item("zero", 0), item("none", null)], scoreOf);
    expect(summary(ranked)).toEqual([["zero", 1, 1, false]]);
  });

  it("returns an empty list for no items or only unscored items", () => {
    expect(rankWithTies([], scoreOf)).toEqual([]);
    expect(rankWithTies([item("a", null), item("b", null)], scoreOf)).toEqual([]);
  });

  it("keeps tied items in input order (stable), whatever the surrounding order", () => {
    const input = [item("t1", 8000), item("top", 9000), item("t2", 8000), item("low", 100), item("t3", 8000)];
    expect(rankWithTies(input, scoreOf).map((r) => r.item.name)).toEqual(["top", "t1", "t2", "t3", "low"]);
    const reversed = [...input].reverse();
    expect(rankWithTies(reversed, scoreOf).map((r) => r.item.name)).toEqual(["top", "t3", "t2", "t1", "low"]);
  });

  it("returns the very item objects and does not modify the input", () => {
    const input = [item("a", 1), item("b", 2)];
    const ranked = rankWithTies(input, scoreOf);
    expect(ranked[0]!.item).toBe(input[1]);
    expect(input.map((i) => i.name)).toEqual(["a", "b"]);
  });
});

describe("rankWithinGroups", () => {
  interface Result {
    id: string;
    year: number;
    type: string;
    province: string;
    score: number | null;
  }
  const r = (id: string, year: number, type: string, province: string, score: number | null): Result => ({
    id,
    year,
    type,
    province,
    score,
  });
  const results = [
    r("kalsel-pemprov-2024", 2024, "PEMPROV", "KS", 9458),
    r("jabar-pemprov-2024", 2024, "PEMPROV", "JB", 9000),
    r("bjm-2024", 2024, "PEMKOT", "KS", 9545),
    r("bjb-2024", 2024, "PEMKOT", "KS", 9000),
    r("bdg-2024", 2024, "PEMKOT", "JB", 9600),
    r("bjm-2023", 2023, "PEMKOT", "KS", 8801),
    r("bjb-2023", 2023, "PEMKOT", "KS", 8801),
    r("plk-2023", 2023, "PEMKOT", "KT", null),
  ];
  const get = <T,>(map: Map<T, { rank: number; of: number; tied: boolean }>, key: T) => {
    const v = map.get(key);
    return v ? [v.rank, v.of, v.tied] : undefined;
  };
  const find = (id: string) => results.find((x) => x.id === id)!;

  it("ranks within year × type (national rank)", () => {
    const map = rankWithinGroups(results, (x) => `${x.year}|${x.type}`, (x) => x.score);
    expect(get(map, find("kalsel-pemprov-2024"))).toEqual([1, 2, false]);
    expect(get(map, find("jabar-pemprov-2024"))).toEqual([2, 2, false]);
    expect(get(map, find("bdg-2024"))).toEqual([1, 3, false]);
    expect(get(map, find("bjm-2024"))).toEqual([2, 3, false]);
    expect(get(map, find("bjb-2024"))).toEqual([3, 3, false]);
    expect(get(map, find("bjm-2023"))).toEqual([1, 2, true]);
    expect(get(map, find("bjb-2023"))).toEqual([1, 2, true]);
  });

  it("ranks within year × type × province (provincial rank)", () => {
    const map = rankWithinGroups(results, (x) => `${x.year}|${x.type}|${x.province}`, (x) => x.score);
    expect(get(map, find("kalsel-pemprov-2024"))).toEqual([1, 1, false]);
    expect(get(map, find("jabar-pemprov-2024"))).toEqual([1, 1, false]);
    expect(get(map, find("bjm-2024"))).toEqual([1, 2, false]);
    expect(get(map, find("bjb-2024"))).toEqual([2, 2, false]);
    expect(get(map, find("bdg-2024"))).toEqual([1, 1, false]);
  });

  it("has no entry for unscored items", () => {
    const map = rankWithinGroups(results, (x) => `${x.year}|${x.type}`, (x) => x.score);
    expect(map.has(find("plk-2023"))).toBe(false);
    expect(map.size).toBe(results.length - 1);
  });

  it("returns an empty map for no items", () => {
    expect(rankWithinGroups<Result>([], (x) => x.type, (x) => x.score).size).toBe(0);
  });
});

describe("rankInPublishedScores", () => {
  const kalselPolres2025 = [9233, 9166, 9007, 8428, 8416];

  it("places Polres Balangan 91,66 2nd of the 5 Kalimantan Selatan 2025 Polres", () => {
    expect(rankInPublishedScores(9166, kalselPolres2025)).toEqual({ rank: 2, of: 5, tied: false });
  });

  it("places the first and last of the list", () => {
    expect(rankInPublishedScores(9233, kalselPolres2025)).toEqual({ rank: 1, of: 5, tied: false });
    expect(rankInPublishedScores(8416, kalselPolres2025)).toEqual({ rank: 5, of: 5, tied: false });
  });

  it("does not depend on the order of the published list", () => {
    expect(rankInPublishedScores(9166, [8416, 9007, 9166, 9233, 8428])).toEqual({ rank: 2, of: 5, tied: false });
  });

  it("returns null when the score is not in the list", () => {
    expect(rankInPublishedScores(9165, kalselPolres2025)).toBeNull();
    expect(rankInPublishedScores(9166, [])).toBeNull();
  });

  it("shares the rank among tied scores and skips the next", () => {
    const list = [9500, 9000, 9000, 8000];
    expect(rankInPublishedScores(9000, list)).toEqual({ rank: 2, of: 4, tied: true });
    expect(rankInPublishedScores(8000, list)).toEqual({ rank: 4, of: 4, tied: false });
  });
});
