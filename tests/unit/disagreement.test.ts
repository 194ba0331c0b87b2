import { describe, expect, it } from "vitest";
import type { Classification } from "@/lib/domain/classify";
import { findDisagreements } from "@/lib/domain/disagreement";

const computedA: Classification = { zone: "HIJAU", category: "A", label: "Kualitas Tertinggi", verified: true };
const computedZoneOnly: Classification = { zone: "KUNING", category: null, label: "Zona Kuning", verified: true };

describe("findDisagreements", () => {
  it("finds nothing when published zone and category agree", () => {
    expect(findDisagreements({ zone: "HIJAU", category: "A" }, computedA)).toEqual([]);
  });

  it("finds nothing when the source published neither zone nor category", () => {
    expect(findDisagreements({ zone: null, category: null }, computedA)).toEqual([]);
  });

  it("flags a zone that differs", () => {
    expect(findDisagreements({ zone: "KUNING", category: null }, computedA)).toEqual([
      { field: "zone", published: "KUNING", computed: "HIJAU" },
    ]);
  });

  it("flags a category that differs (same zone)", () => {
    expect(findDisagreements({ zone: "HIJAU", category: "B" }, computedA)).toEqual([
      { field: "category", published: "B", computed: "A" },
    ]);
  });

  it("flags both, zone first", () => {
    expect(findDisagreements({ zone: "MERAH", category: "D" }, computedA)).toEqual([
      { field: "zone", published: "MERAH", computed: "HIJAU" },
      { field: "category", published: "D", computed: "A" },
    ]);
  });

  it("finds nothing without a computed classification (no score or no bands)", () => {
    expect(findDisagreements({ zone: "MERAH", category: "E" }, null)).toEqual([]);
  });

  it("does not compare a category when the year's bands have none", () => {
    expect(findDisagreements({ zone: "KUNING", category: "A" }, computedZoneOnly)).toEqual([]);
    expect(findDisagreements({ zone: "HIJAU", category: "A" }, computedZoneOnly)).toEqual([
      { field: "zone", published: "HIJAU", computed: "KUNING" },
    ]);
  });
});
