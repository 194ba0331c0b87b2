import { describe, expect, it } from "vitest";
import { formatHundredths, formatScore, hundredthsToDecimalString, MAX_SCORE, parseScore } from "@/lib/domain/score";

describe("parseScore", () => {
  it.each([
    ["91,66", 9166],
    ["91.66", 9166],
    ["89", 8900],
    [" 95,4 ", 9540],
    ["95.4", 9540],
    ["100", 10000],
    ["100,00", 10000],
    ["0", 0],
    ["0,01", 1],
    ["88,01", 8801],
    ["\t92,33\n", 9233],
    ["007", 700],
  ])("parses %j as %i hundredths", (input, hundredths) => {
    expect(parseScore(input)).toEqual({ ok: true, hundredths });
  });

  it.each([
    ["100,01", "range"],
    ["101", "range"],
    ["999", "range"],
    ["91,666", "decimals"],
    ["91.660", "decimals"],
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "format"],
    ["-1", "format"],
    ["+91", "format"],
    ["1.000,5", "format"],
    ["1000", "format"],
    ["91,", "format"],
    [",5", "format"],
    ["91 66", "format"],
    ["91,6a", "format"],
    ["9e1", "format"],
  ])("rejects %j (%s)", (input, reason) => {
    expect(parseScore(input)).toEqual({ ok: false, reason });
  });

  it("has 100,00 as its maximum", () => {
    expect(MAX_SCORE).toBe(10000);
  });
});

describe("formatScore", () => {
  it("formats with a decimal comma in Indonesian (the default) and a dot in English", () => {
    expect(formatScore(9545, "id-ID")).toBe("95,45");
    expect(formatScore(9545)).toBe("95,45");
    expect(formatScore(9545, "en-US")).toBe("95.45");
  });

  it("always shows two decimals", () => {
    expect(formatScore(8900)).toBe("89,00");
    expect(formatScore(9540, "en-US")).toBe("95.40");
    expect(formatScore(5)).toBe("0,05");
    expect(formatScore(0)).toBe("0,00");
    expect(formatScore(10000)).toBe("100,00");
  });

  it("groups thousands for larger numbers (dot in Indonesian, comma in English)", () => {
    expect(formatHundredths(377100)).toBe("3.771,00");
    expect(formatHundredths(377100, "en-US")).toBe("3,771.00");
  });

  it("formats negative values (a fall in score)", () => {
    expect(formatHundredths(-744)).toBe("-7,44");
    expect(formatHundredths(-744, "en-US")).toBe("-7.44");
  });
});

describe("hundredthsToDecimalString", () => {
  it.each([
    [9166, "91.66"],
    [9540, "95.40"],
    [8900, "89.00"],
    [10000, "100.00"],
    [5, "0.05"],
    [50, "0.50"],
    [0, "0.00"],
    [377100, "3771.00"],
    [-5, "-0.05"],
    [-744, "-7.44"],
    [-10000, "-100.00"],
  ])("%i → %s", (hundredths, text) => {
    expect(hundredthsToDecimalString(hundredths)).toBe(text);
  });

  it("round-trips with parseScore", () => {
    for (const h of [0, 1, 99, 100, 5399, 8801, 9166, 10000]) {
      expect(parseScore(hundredthsToDecimalString(h))).toEqual({ ok: true, hundredths: h });
    }
  });
});
