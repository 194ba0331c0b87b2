/** Issue 15 (7): numbers from outside are digits only, within range; "1e3" and "0x22d" are not numbers. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ID, parseId, parseWholeNumber, parseYear } from "@/lib/domain/numbers";
import { parseScore } from "@/lib/domain/score";

describe("whole numbers from outside", () => {
  it("reads decimal digits, and nothing that Number() also reads", () => {
    expect(parseWholeNumber("557")).toBe(557);
    expect(parseWholeNumber("007")).toBe(7);
    expect(parseWholeNumber(42)).toBe(42);
    for (const loose of ["0x22d", "1e3", " 12", "12 ", "+5", "-5", "5.0", "", "١٢", "12n", "Infinity", "NaN", "0b11", "0o7", "1_000"]) {
      expect(parseWholeNumber(loose), loose).toBeNull();
    }
    for (const other of [null, undefined, true, {}, [], 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(parseWholeNumber(other), String(other)).toBeNull();
    }
  });

  it("keeps ids within the database column: 2^31 and 2^63 are refused", () => {
    expect(parseId(String(MAX_ID))).toBe(MAX_ID);
    expect(parseId(String(MAX_ID + 1))).toBeNull();
    expect(parseId("9223372036854775808")).toBeNull();
    expect(parseId(9223372036854775808)).toBeNull();
    expect(parseId("0")).toBeNull();
    expect(parseYear("2024")).toBe(2024);
    expect(parseYear("1999")).toBeNull();
    expect(parseYear("2.024e3")).toBeNull();
  });

  it("property: whatever the text, the answer is null or exactly the digits' value within range", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{1,20}$/), fc.integer().map(String)), fc.nat(), fc.nat(), (text, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const value = parseWholeNumber(text, { min, max });
        if (value === null) return !/^[0-9]{1,15}$/.test(text) || Number(text) < min || Number(text) > max;
        return /^[0-9]+$/.test(text) && value === Number(text) && value >= min && value <= max;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("score parsing (property)", () => {
  it("never throws, and accepts exactly 0–100 with at most two decimals", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^ ?[0-9]{1,4}([.,][0-9]{0,4})? ?$/), fc.double().map(String)), (text) => {
        const parsed = parseScore(text);
        if (!parsed.ok) return ["empty", "format", "decimals", "range"].includes(parsed.reason);
        const match = /^([0-9]{1,3})(?:[.,]([0-9]{1,2}))?$/.exec(text.trim());
        if (!match) return false;
        const expected = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
        return parsed.hundredths === expected && expected >= 0 && expected <= 10000;
      }),
      { numRuns: 3000 },
    );
  });

  it("reads no exponent, sign or hexadecimal as a score", () => {
    for (const loose of ["1e1", "-1", "+1", "0x10", "9e-1", "1,000.5", "50.", ".5"]) expect(parseScore(loose).ok, loose).toBe(false);
  });
});
