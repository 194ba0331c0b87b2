import { describe, expect, it } from "vitest";
import type { Completeness } from "@/lib/domain/completeness";
import { summarizeGroup } from "@/lib/domain/group-summary";

const INCOMPLETE: Completeness = { complete: false, recorded: 3, expected: 13 };
const COMPLETE: Completeness = { complete: true, basis: "published-count", recorded: 3, expected: 3 };
const members = [
  { slug: "a", score: 9500, zone: "HIJAU" as const },
  { slug: "b", score: 9000, zone: "HIJAU" as const },
  { slug: "c", score: 9500, zone: "HIJAU" as const },
  { slug: "d", score: null, zone: "KUNING" as const },
];

describe("summarizeGroup", () => {
  it("for an incomplete group shows the published average and labels the computed one as partial", () => {
    const s = summarizeGroup(members, INCOMPLETE, { hundredths: 9389, sourceUrl: "u" });
    expect(s.average.official).toEqual({ source: "published", hundredths: 9389, sourceUrl: "u" });
    // (95,00 + 90,00 + 95,00) / 3 = 93,333… → 93,33; the unscored result is left out.
    expect(s.average.partial).toEqual({ hundredths: 9333, count: 3 });
    expect(s.recorded).toBe(4);
    expect(s.unscored).toBe(1);
  });

  it("for a complete group states the computed average and keeps a differing published one beside it", () => {
    const s = summarizeGroup(members.slice(0, 3), COMPLETE, { hundredths: 9300, sourceUrl: "u" });
    expect(s.average.official).toEqual({ source: "computed", hundredths: 9333, count: 3 });
    expect(s.average.publishedDiffers).toEqual({ hundredths: 9300, sourceUrl: "u" });
  });

  it("lists every entity tied at the top as best", () => {
    expect(summarizeGroup(members, INCOMPLETE, null).best.map((m) => m.slug)).toEqual(["a", "c"]);
  });

  it("counts zones including results known only by their published zone", () => {
    expect(summarizeGroup(members, INCOMPLETE, null).distribution.counts).toEqual({ HIJAU: 3, KUNING: 1, MERAH: 0 });
  });

  it("has no average and no best for an empty group", () => {
    const s = summarizeGroup([], { complete: false, recorded: 0, expected: null }, null);
    expect(s.average.official).toBeNull();
    expect(s.average.partial).toBeNull();
    expect(s.best).toEqual([]);
  });
});
