import { describe, expect, it } from "vitest";
import { searchKey } from "@/lib/domain/normalize";
import { filterRows, paginate, parseSort, sortRows, type SelectableRow as ExplorableRow } from "@/lib/domain/selection";

const row = (name: string, type: ExplorableRow["entity"]["type"], province: string | null, score: number | null, delta: number | null = null): ExplorableRow => ({
  entity: { name, slug: name.toLowerCase().replace(/ /g, "-"), type },
  province: province ? { name: province, slug: province.toLowerCase().replace(/ /g, "-") } : null,
  score,
  change: delta === null ? null : { delta },
});

const ROWS = [
  row("Kota Banjarmasin", "PEMKOT", "Kalimantan Selatan", 9545, 743),
  row("Polres Balangan", "POLRES", "Kalimantan Selatan", 9166),
  row("Provinsi Kalimantan Tengah", "PEMPROV", "Kalimantan Tengah", 9050, 390),
  row("Kota Palangka Raya", "PEMKOT", "Kalimantan Tengah", null),
  row("Kementerian Agama", "KEMENTERIAN", null, 8000, -100),
];

describe("filterRows", () => {
  it("filters Pemda as Pemprov + Pemkab + Pemkot", () => {
    expect(filterRows(ROWS, { types: "pemda", provinceSlug: null, matchingSlugs: null }).map((r) => r.entity.name)).toEqual([
      "Kota Banjarmasin",
      "Provinsi Kalimantan Tengah",
      "Kota Palangka Raya",
    ]);
  });

  it("combines type, province and name filters", () => {
    const out = filterRows(ROWS, { types: "pemkot", provinceSlug: "kalimantan-selatan", matchingSlugs: new Set(["kota-banjarmasin", "polres-balangan"]) });
    expect(out.map((r) => r.entity.name)).toEqual(["Kota Banjarmasin"]);
  });

  it("returns nothing when the search matched nothing", () => {
    expect(filterRows(ROWS, { types: null, provinceSlug: null, matchingSlugs: new Set() })).toEqual([]);
  });
});

describe("sortRows", () => {
  it("sorts by score, highest first by default, unscored last in both directions", () => {
    const { key, dir } = parseSort(undefined, undefined);
    expect(sortRows(ROWS, key, dir).map((r) => r.score)).toEqual([9545, 9166, 9050, 8000, null]);
    expect(sortRows(ROWS, "nilai", "asc").map((r) => r.score)).toEqual([8000, 9050, 9166, 9545, null]);
  });

  it("sorts by change, rows without a change last", () => {
    expect(sortRows(ROWS, "perubahan", "desc").map((r) => r.change?.delta ?? null)).toEqual([743, 390, -100, null, null]);
  });

  it("sorts by name and by province (no province last)", () => {
    expect(sortRows(ROWS, "nama", "asc")[0]!.entity.name).toBe("Kementerian Agama");
    const byProvince = sortRows(ROWS, "provinsi", "asc");
    expect(byProvince.map((r) => r.province?.name ?? null)).toEqual([
      "Kalimantan Selatan",
      "Kalimantan Selatan",
      "Kalimantan Tengah",
      "Kalimantan Tengah",
      null,
    ]);
    expect(sortRows(ROWS, "provinsi", "desc")[0]!.province?.name).toBe("Kalimantan Tengah");
  });
});

describe("parseSort", () => {
  it("defaults names ascending and numbers descending, and ignores unknown values", () => {
    expect(parseSort("nama", undefined)).toEqual({ key: "nama", dir: "asc" });
    expect(parseSort("perubahan", undefined)).toEqual({ key: "perubahan", dir: "desc" });
    expect(parseSort("x", "sideways")).toEqual({ key: "nilai", dir: "desc" });
    expect(parseSort("nilai", "asc")).toEqual({ key: "nilai", dir: "asc" });
  });
});

describe("paginate", () => {
  const items = Array.from({ length: 120 }, (_, i) => i + 1);
  it("slices pages and reports the positions shown", () => {
    expect(paginate(items, 2, 50)).toMatchObject({ page: 2, pageCount: 3, total: 120, from: 51, to: 100 });
    expect(paginate(items, 3, 50).items).toHaveLength(20);
  });
  it("clamps out-of-range and invalid pages", () => {
    expect(paginate(items, 99, 50).page).toBe(3);
    expect(paginate(items, 0, 50).page).toBe(1);
    expect(paginate(items, Number.NaN, 50).page).toBe(1);
  });
  it("handles an empty list", () => {
    expect(paginate([], 1, 50)).toMatchObject({ page: 1, pageCount: 1, total: 0, from: 0, to: 0 });
  });
});

describe("searchKey", () => {
  it("compacts a search like the alias keys", () => {
    expect(searchKey("  Banjar Masin ")).toBe("banjarmasin");
    expect(searchKey("Palangka-Raya")).toBe("palangkaraya");
  });
});
