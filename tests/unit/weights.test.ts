import { describe, expect, it } from "vitest";
import { validateWeights } from "@/lib/domain/weights";

describe("validateWeights", () => {
  it("accepts the 2023 instrument's weights, which add up to 100 %", () => {
    expect(validateWeights([2185, 3237, 2424, 2154])).toBeNull();
  });
  it("accepts unpublished weights as long as the published ones stay within 100 %", () => {
    expect(validateWeights([null, null, 3000])).toBeNull();
    expect(validateWeights([])).toBeNull();
    expect(validateWeights([null, null])).toBeNull();
  });
  it("refuses a total above 100 %, even with unpublished weights", () => {
    expect(validateWeights([6000, 5000, null])).toEqual({ kind: "over", total: 11000 });
  });
  it("refuses complete weights that do not add up to exactly 100 %", () => {
    expect(validateWeights([2185, 3237, 2424, 2153])).toEqual({ kind: "under", total: 9999 });
  });
});
