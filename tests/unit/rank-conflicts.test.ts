import { describe, expect, it } from "vitest";
import { competingRanks } from "@/lib/domain/rank-conflicts";

describe("competing ranks across entities", () => {
  it("flags both Kalimantan Selatan 2024 'number ones' of the Pemda group: different scores, one rank", () => {
    const rivals = competingRanks([
      { key: "pemkab-hulu-sungai-selatan", group: "63|PEMDA", rank: 1, score: 9652 },
      { key: "pemkot-banjarmasin", group: "63|PEMDA", rank: 1, score: 9545 },
      { key: "pemprov-kalimantan-selatan", group: "63|PEMDA", rank: 3, score: 9458 },
    ]);
    expect([...rivals.keys()].sort()).toEqual(["pemkab-hulu-sungai-selatan", "pemkot-banjarmasin"]);
    expect(rivals.get("pemkot-banjarmasin")!.map((r) => r.key)).toEqual(["pemkab-hulu-sungai-selatan"]);
  });

  it("a true tie (equal scores) is not a conflict; an unknown score is", () => {
    expect(competingRanks([
      { key: "a", group: "g", rank: 2, score: 9000 },
      { key: "b", group: "g", rank: 2, score: 9000 },
    ]).size).toBe(0);
    const unknown = competingRanks([
      { key: "a", group: "g", rank: 1, score: 9000 },
      { key: "b", group: "g", rank: 1, score: null },
    ]);
    expect([...unknown.keys()]).toEqual(["a", "b"]);
  });

  it("compares only within one group: the same rank in another group or province is no conflict", () => {
    expect(competingRanks([
      { key: "sukoharjo", group: "33|PEMKAB", rank: 1, score: 9741 },
      { key: "magelang", group: "33|PEMKOT", rank: 1, score: 9817 },
      { key: "kalsel", group: "63|PEMDA", rank: 1, score: 9545 },
    ]).size).toBe(0);
  });

  it("in a group of three with one tie, flags only the rows that differ from a rival", () => {
    const rivals = competingRanks([
      { key: "a", group: "g", rank: 1, score: 9000 },
      { key: "b", group: "g", rank: 1, score: 9000 },
      { key: "c", group: "g", rank: 1, score: 8000 },
    ]);
    expect(rivals.get("a")!.map((r) => r.key)).toEqual(["c"]);
    expect(rivals.get("c")!.map((r) => r.key)).toEqual(["a", "b"]);
  });
});
