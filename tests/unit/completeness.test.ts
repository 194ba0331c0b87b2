import { describe, expect, it } from "vitest";
import type { Average } from "@/lib/domain/average";
import { groupCompleteness, presentAverage, presentRank, type Completeness } from "@/lib/domain/completeness";
import { rankInPublishedScores, rankWithTies } from "@/lib/domain/rank";

const SOURCE = "https://kalsel.example/polres-2025";
const COMPLETE: Completeness = { complete: true, basis: "published-count", recorded: 5, expected: 5 };
const INCOMPLETE: Completeness = { complete: false, recorded: 1, expected: 5 };

describe("groupCompleteness", () => {
  it("is incomplete for Kalimantan Selatan 2025 Polres: 1 scored of 5 assessed", () => {
    expect(groupCompleteness({ scoredCount: 1, publishedAssessedCount: 5, markedComplete: false })).toEqual({
      complete: false,
      recorded: 1,
      expected: 5,
    });
  });

  it("is complete by published count when every assessed result is scored", () => {
    expect(groupCompleteness({ scoredCount: 5, publishedAssessedCount: 5, markedComplete: false })).toEqual({
      complete: true,
      basis: "published-count",
      recorded: 5,
      expected: 5,
    });
  });

  it("is complete by published count when more are recorded than published", () => {
    expect(groupCompleteness({ scoredCount: 6, publishedAssessedCount: 5, markedComplete: false })).toMatchObject({
      complete: true,
      basis: "published-count",
    });
  });

  it("is incomplete one short of the published count", () => {
    expect(groupCompleteness({ scoredCount: 4, publishedAssessedCount: 5, markedComplete: false }).complete).toBe(false);
  });

  it("is never complete by count with nothing scored, even when 0 are published", () => {
    expect(groupCompleteness({ scoredCount: 0, publishedAssessedCount: 0, markedComplete: false })).toEqual({
      complete: false,
      recorded: 0,
      expected: 0,
    });
  });

  it("is complete when an admin marked it, whatever the counts", () => {
    expect(groupCompleteness({ scoredCount: 1, publishedAssessedCount: 5, markedComplete: true })).toEqual({
      complete: true,
      basis: "admin",
      recorded: 1,
      expected: 5,
    });
    expect(groupCompleteness({ scoredCount: 3, publishedAssessedCount: null, markedComplete: true })).toEqual({
      complete: true,
      basis: "admin",
      recorded: 3,
      expected: null,
    });
  });

  it("is incomplete when the number assessed is unknown and no admin marked it", () => {
    expect(groupCompleteness({ scoredCount: 13, publishedAssessedCount: null, markedComplete: false })).toEqual({
      complete: false,
      recorded: 13,
      expected: null,
    });
  });
});

describe("presentRank", () => {
  it("Kalimantan Selatan 2025 Polres: states the published rank 2 of 5 and labels the partial position 1 of 1", () => {
    const completeness = groupCompleteness({ scoredCount: 1, publishedAssessedCount: 5, markedComplete: false });
    const computed = rankWithTies([{ name: "Polres Balangan", score: 9166 }], (p) => p.score)[0]!;
    const inList = rankInPublishedScores(9166, [9233, 9166, 9007, 8428, 8416])!;
    const view = presentRank(completeness, computed, { rank: inList.rank, of: inList.of, sourceUrl: SOURCE });
    expect(view).toEqual({
      complete: false,
      official: { source: "published", rank: 2, of: 5, sourceUrl: SOURCE },
      partial: { rank: 1, of: 1, tied: false },
    });
  });

  it("states the computed rank for a complete group and ignores the published one", () => {
    const view = presentRank(COMPLETE, { rank: 2, of: 5, tied: true }, { rank: 3, of: 5, sourceUrl: SOURCE });
    expect(view).toEqual({
      complete: true,
      official: { source: "computed", rank: 2, of: 5, tied: true },
      partial: null,
    });
  });

  it("states the computed rank for a group an admin marked complete", () => {
    const admin: Completeness = { complete: true, basis: "admin", recorded: 2, expected: null };
    expect(presentRank(admin, { rank: 1, of: 2, tied: false }, null).official).toEqual({
      source: "computed",
      rank: 1,
      of: 2,
      tied: false,
    });
  });

  it("falls back to the published rank in a complete group for a row without a computed rank (no score)", () => {
    expect(presentRank(COMPLETE, null, { rank: 4, of: null, sourceUrl: null })).toEqual({
      complete: true,
      official: { source: "published", rank: 4, of: null, sourceUrl: null },
      partial: null,
    });
  });

  it("states nothing in a complete group with neither computed nor published rank", () => {
    expect(presentRank(COMPLETE, null, null)).toEqual({ complete: true, official: null, partial: null });
  });

  it("keeps only the partial position for an incomplete group without a published rank", () => {
    expect(presentRank(INCOMPLETE, { rank: 1, of: 1, tied: false }, null)).toEqual({
      complete: false,
      official: null,
      partial: { rank: 1, of: 1, tied: false },
    });
  });

  it("states nothing for an unscored row of an incomplete group without a published rank", () => {
    expect(presentRank(INCOMPLETE, null, null)).toEqual({ complete: false, official: null, partial: null });
  });
});

describe("presentAverage", () => {
  const computed: Average = { hundredths: 9364, count: 5, sum: 46820 };

  it("states the computed average of a complete group; no published one", () => {
    expect(presentAverage(COMPLETE, computed, null)).toEqual({
      complete: true,
      official: { source: "computed", hundredths: 9364, count: 5 },
      partial: null,
      publishedDiffers: null,
    });
  });

  it("states the computed average of a complete group and shows a differing published one beside it", () => {
    const published = { hundredths: 9389, sourceUrl: SOURCE };
    expect(presentAverage(COMPLETE, computed, published)).toEqual({
      complete: true,
      official: { source: "computed", hundredths: 9364, count: 5 },
      partial: null,
      publishedDiffers: { hundredths: 9389, sourceUrl: SOURCE },
    });
  });

  it("does not flag a published average equal to the computed one", () => {
    expect(presentAverage(COMPLETE, computed, { hundredths: 9364, sourceUrl: SOURCE }).publishedDiffers).toBeNull();
  });

  it("states the published average of an incomplete group and labels the partial mean with its count", () => {
    const partial: Average = { hundredths: 9166, count: 1, sum: 9166 };
    expect(presentAverage(INCOMPLETE, partial, { hundredths: 8850, sourceUrl: SOURCE })).toEqual({
      complete: false,
      official: { source: "published", hundredths: 8850, sourceUrl: SOURCE },
      partial: { hundredths: 9166, count: 1 },
      publishedDiffers: null,
    });
  });

  it("states no average for an incomplete group without a published one; keeps the partial mean", () => {
    const partial: Average = { hundredths: 9166, count: 1, sum: 9166 };
    expect(presentAverage(INCOMPLETE, partial, null)).toEqual({
      complete: false,
      official: null,
      partial: { hundredths: 9166, count: 1 },
      publishedDiffers: null,
    });
  });

  it("states nothing for an incomplete group with no scores and no published average", () => {
    expect(presentAverage(INCOMPLETE, null, null)).toEqual({
      complete: false,
      official: null,
      partial: null,
      publishedDiffers: null,
    });
  });

  it("states the published average of a complete group that has no computed average", () => {
    const admin: Completeness = { complete: true, basis: "admin", recorded: 0, expected: null };
    expect(presentAverage(admin, null, { hundredths: 9331, sourceUrl: null })).toEqual({
      complete: true,
      official: { source: "published", hundredths: 9331, sourceUrl: null },
      partial: null,
      publishedDiffers: null,
    });
  });
});
