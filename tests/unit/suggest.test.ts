import { describe, expect, it } from "vitest";
import { editDistance, suggestNames } from "@/lib/domain/suggest";
import { entityNameFromSource } from "@/lib/domain/types";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("tanahlaut", "tanahlaut")).toBe(0);
    expect(editDistance("tanahlau", "tanahlaut")).toBe(1);
    expect(editDistance("kupang", "kopang")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("balangan", "banjar")).toBe(4);
  });
});

describe("suggestNames (did you mean …)", () => {
  const candidates = [
    { key: "tanahlaut", name: "Kabupaten Tanah Laut" },
    { key: "tanahbumbu", name: "Kabupaten Tanah Bumbu" },
    { key: "banjar", name: "Kabupaten Banjar" },
    { key: "banjarbaru", name: "Kota Banjarbaru" },
  ];

  it("offers the nearest names first, within a third of the length", () => {
    expect(suggestNames("tanahlau", candidates).map((c) => c.name)).toEqual(["Kabupaten Tanah Laut"]);
    expect(suggestNames("tanahbumb", candidates).map((c) => c.name)).toEqual(["Kabupaten Tanah Bumbu"]);
  });

  it("counts a name containing the wanted one as near", () => {
    expect(suggestNames("banjar", candidates).map((c) => c.name)).toEqual(["Kabupaten Banjar", "Kota Banjarbaru"]);
  });

  it("offers nothing for an unrelated name, and at most the limit", () => {
    expect(suggestNames("jayapura", candidates)).toEqual([]);
    expect(suggestNames("banjar", candidates, 1)).toHaveLength(1);
  });
});

describe("entityNameFromSource", () => {
  it("adds the type word where sources leave it out, once", () => {
    expect(entityNameFromSource("POLRES", "Balangan")).toBe("Polres Balangan");
    expect(entityNameFromSource("POLRES", "Polres Balangan")).toBe("Polres Balangan");
    expect(entityNameFromSource("POLDA", "Banten")).toBe("Polda Banten");
    expect(entityNameFromSource("KEMENTERIAN", "Kementerian Agama")).toBe("Kementerian Agama");
  });
});
