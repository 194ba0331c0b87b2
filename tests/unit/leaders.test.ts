import { describe, expect, it } from "vitest";
import type { RankView } from "@/lib/domain/completeness";
import { groupLeader, topList } from "@/lib/domain/leaders";

interface Member {
  name: string;
  score: number | null;
  rank: RankView | null;
}
const computed = (rank: number, of: number): RankView => ({ complete: true, official: { source: "computed", rank, of, tied: false }, partial: null });
const published = (rank: number, of: number | null): RankView => ({ complete: false, official: { source: "published", rank, of, sourceUrl: null }, partial: null });
const unranked: RankView = { complete: false, official: null, partial: { rank: 1, of: 1, tied: false } };
const rankOf = (m: Member) => m.rank;
const names = (rows: readonly Member[]) => rows.map((m) => m.name);

describe("who leads a group", () => {
  it("Polres Balangan 2025: the highest recorded score, ranked 2nd of 5 by its source, is never the highest", () => {
    const leader = groupLeader([{ name: "Polres Balangan", score: 9166, rank: published(2, 5) }], rankOf);
    expect(leader.kind).toBe("unknown");
    expect(leader.kind === "unknown" && names(leader.nearest)).toEqual(["Polres Balangan"]);
  });

  it("names the source's first; two firsts are both named (each row is flagged as a competing rank)", () => {
    const leader = groupLeader(
      [
        { name: "Kabupaten Hulu Sungai Selatan", score: 9652, rank: published(1, 14) },
        { name: "Kota Banjarmasin", score: 9545, rank: published(1, 14) },
        { name: "Provinsi Kalimantan Selatan", score: 9458, rank: unranked },
      ],
      rankOf,
    );
    expect(leader).toMatchObject({ kind: "published" });
    expect(leader.kind === "published" && names(leader.rows)).toEqual(["Kabupaten Hulu Sungai Selatan", "Kota Banjarmasin"]);
  });

  it("a complete group's highest is computed; a group with no rank at all has none", () => {
    expect(groupLeader([{ name: "a", score: 9000, rank: computed(1, 2) }, { name: "b", score: 8000, rank: computed(2, 2) }], rankOf)).toEqual({
      kind: "computed",
      rows: [{ name: "a", score: 9000, rank: computed(1, 2) }],
    });
    expect(groupLeader([{ name: "a", score: 9000, rank: unranked }], rankOf)).toEqual({ kind: "unknown", nearest: [] });
  });
});

describe("top lists", () => {
  it("a complete group: top and bottom by score", () => {
    const rows = [9, 8, 7, 6, 5, 4, 3].map((n, i) => ({ name: `e${n}`, score: n * 1000, rank: computed(i + 1, 7) }));
    const list = topList(rows, 3, rankOf);
    expect(list.basis).toBe("computed");
    expect(list.basis === "computed" && [names(list.top), names(list.bottom)]).toEqual([["e9", "e8", "e7"], ["e3", "e4", "e5"]]);
  });

  it("a group recorded in part: the members a source ranks, in the source's order, never the recorded scores", () => {
    const list = topList(
      [
        { name: "Polres Balangan", score: 9166, rank: unranked },
        { name: "Kota Banjarmasin", score: 9545, rank: published(24, 98) },
        { name: "Kota Magelang", score: null, rank: published(1, 98) },
      ],
      5,
      rankOf,
    );
    expect(list.basis === "published" && names(list.top)).toEqual(["Kota Magelang", "Kota Banjarmasin"]);
    expect(topList([{ name: "Polres Balangan", score: 9166, rank: unranked }], 5, rankOf)).toEqual({ basis: "none" });
  });
});
