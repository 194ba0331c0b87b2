import { describe, expect, it } from "vitest";
import { parseRankedScores, pickPublishedCount, pickPublishedScore, pickPublishedValue, pickZoneCounts } from "@/lib/domain/published-facts";

const f = (value: string, sourceUrl = `https://s.example/${value}`) => ({ value, sourceUrl });

describe("pickPublishedValue", () => {
  it("is null without figures", () => {
    expect(pickPublishedValue([])).toBeNull();
  });

  it("takes the value most sources give and lists the others", () => {
    const choice = pickPublishedValue([f("484", "a"), f("494", "b"), f("494", "c"), f("484", "d"), f("494", "e")]);
    expect(choice).toEqual({ value: "494", sourceUrl: "b", alternatives: ["484"] });
  });

  it("takes the first listed on a tie", () => {
    expect(pickPublishedValue([f("14", "a"), f("23", "b")])?.value).toBe("14");
  });
});

describe("pickPublishedCount / pickPublishedScore", () => {
  it("reads whole counts and ignores text", () => {
    expect(pickPublishedCount([f("25 kementerian; 14 lembaga"), f("587"), f("587")])?.value).toBe(587);
    expect(pickPublishedCount([f("sekitar 500")])).toBeNull();
  });

  it("reads published averages into hundredths", () => {
    expect(pickPublishedScore([f("93.64")])?.value).toBe(9364);
    expect(pickPublishedScore([f("72,83")])?.value).toBe(7283);
    expect(pickPublishedScore([f("n/a")])).toBeNull();
  });
});

describe("parseRankedScores", () => {
  it("reads the five Polres scores of Kalimantan Selatan 2025", () => {
    expect(parseRankedScores("92.33;91.66;90.07;84.28;84.16")).toEqual([9233, 9166, 9007, 8428, 8416]);
  });

  it("refuses a list with an unreadable entry rather than rank against part of it", () => {
    expect(parseRankedScores("92.33;x;90.07")).toBeNull();
    expect(parseRankedScores("")).toBeNull();
  });
});

describe("pickZoneCounts", () => {
  it("prefers the combination that adds up to the number assessed (2024: merah 23, not 14)", () => {
    const picked = pickZoneCounts(
      {
        HIJAU: [f("494"), f("494"), f("484"), f("494")],
        KUNING: [f("70"), f("70")],
        MERAH: [f("14"), f("23")],
      },
      587,
    );
    expect(picked?.counts).toEqual({ HIJAU: 494, KUNING: 70, MERAH: 23 });
    expect(picked?.sourcesDiffer).toBe(true);
  });

  it("takes the most published values when nothing adds up or the total is unknown", () => {
    const picked = pickZoneCounts({ HIJAU: [f("179"), f("179"), f("180")], KUNING: [f("316")], MERAH: [f("92")] }, null);
    expect(picked?.counts).toEqual({ HIJAU: 179, KUNING: 316, MERAH: 92 });
  });

  it("keeps agreeing sources unflagged", () => {
    expect(pickZoneCounts({ HIJAU: [f("272")], KUNING: [f("250")], MERAH: [f("64")] }, 586)?.sourcesDiffer).toBe(false);
  });

  it("is null unless every zone has a published count", () => {
    expect(pickZoneCounts({ HIJAU: [f("494")], KUNING: [f("70")], MERAH: [] }, 587)).toBeNull();
    expect(pickZoneCounts({ HIJAU: [f("494")], KUNING: [f("banyak")], MERAH: [f("1")] }, 587)).toBeNull();
  });
});
