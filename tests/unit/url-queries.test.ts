/**
 * One schema per view's URL query: the pages read it leniently (an invalid value falls back and
 * is listed), the API and downloads strictly; toParams writes a state back, and reading it again
 * gives the same state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TYPE_FILTERS } from "@/lib/domain/groups";
import { SORT_DIRECTIONS, SORT_KEYS } from "@/lib/domain/selection";
import { compareQuery, exportQuery, overviewQuery, rankingsQuery, resultsDownload, searchString, SUMMARY_TABLES, summaryDownload, summaryQuery } from "@/lib/record/query";
import { EXPORT_FORMATS } from "@/lib/record/table";

const year = fc.integer({ min: 2000, max: 2100 });
const slug = fc.stringMatching(/^[a-z0-9-]{1,30}$/);
/** A search as a page keeps it: trimmed, not empty, at most 100 characters. */
const search = fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() === s && s !== "");
const rankingsState = fc.record(
  {
    tahun: year,
    jenis: fc.constantFrom(...TYPE_FILTERS),
    provinsi: slug,
    q: search,
    urut: fc.constantFrom(...SORT_KEYS),
    arah: fc.constantFrom(...SORT_DIRECTIONS),
    halaman: fc.integer({ min: 1, max: 100_000 }),
  },
  { requiredKeys: [] },
);

describe("lenient reading (pages)", () => {
  it("keeps what is valid, falls back for what is not and names it, and takes a repeated parameter's first value", () => {
    const read = rankingsQuery.lenient({ tahun: "2024", jenis: " POLRES ", provinsi: "Kalimantan Selatan", urut: "x", halaman: ["2", "3"], q: "", utm_source: "x" });
    expect(read.value).toEqual({ tahun: 2024, jenis: "polres", halaman: 2 });
    expect(read.invalid.map((i) => [i.param, i.value])).toEqual([
      ["provinsi", "Kalimantan Selatan"],
      ["urut", "x"],
    ]);
    expect(read.invalid.every((i) => i.message !== "")).toBe(true);
    expect(overviewQuery.lenient({ tahun: "abc" })).toMatchObject({ value: {}, invalid: [{ param: "tahun", value: "abc" }] });
    expect(compareQuery.lenient({ instansi: "pemkot-banjarmasin, Salah Ketik ,," }).value).toEqual({ instansi: ["pemkot-banjarmasin", "Salah Ketik"] });
  });
});

describe("strict reading (API and downloads)", () => {
  it("refuses an invalid value and an unknown parameter with the zod issues", () => {
    const read = exportQuery.schema.safeParse({ format: "pdf", jenis: "bupati", tahun: "2024", extra: "1" });
    expect(read.success).toBe(false);
    expect(read.error!.issues.map((i) => i.path[0] ?? i.code).sort()).toEqual(["format", "jenis", "unrecognized_keys"].sort());
    expect(exportQuery.schema.safeParse({ format: "csv", instansi: "," }).success).toBe(false);
    expect(exportQuery.schema.safeParse({ format: "csv", instansi: Array.from({ length: 21 }, (_, i) => `e${i}`).join(",") }).success).toBe(false);
    // The page being viewed is accepted and ignored by a download.
    expect(exportQuery.schema.parse({ format: "csv", halaman: "x" })).toEqual({ format: "csv", halaman: "x" });
  });
});

describe("toParams: a state written back as URL parameters", () => {
  it("leaves out what is absent or empty, in the schema's order, commas kept in lists", () => {
    expect(rankingsQuery.toParams({ tahun: 2024, q: "", urut: "nama", arah: "asc" })).toEqual({ tahun: "2024", urut: "nama", arah: "asc" });
    expect(rankingsQuery.search({ arah: "asc", urut: "nama", tahun: 2024 })).toBe("?tahun=2024&urut=nama&arah=asc");
    expect(compareQuery.search({ instansi: ["pemkot-banjarmasin", "polres-balangan"] })).toBe("?instansi=pemkot-banjarmasin,polres-balangan");
    expect(compareQuery.search({ instansi: [] })).toBe("");
    expect(searchString({ q: "Kota Banjar & co" })).toBe("?q=Kota+Banjar+%26+co");
    expect(resultsDownload({ tahun: 2025, jenis: "polres", provinsi: "kalimantan-selatan" })("csv")).toBe("/api/v1/export?format=csv&tahun=2025&jenis=polres&provinsi=kalimantan-selatan");
    expect(summaryDownload({ tabel: "rata-rata-provinsi", provinsi: "kalimantan-selatan" })("json")).toBe("/api/v1/export/ringkasan?tabel=rata-rata-provinsi&format=json&provinsi=kalimantan-selatan");
  });

  it("rankings: reading a state's parameters gives the state back, leniently and strictly", () => {
    fc.assert(
      fc.property(rankingsState, (state) => {
        const params = rankingsQuery.toParams(state);
        expect(rankingsQuery.lenient(params)).toEqual({ value: state, invalid: [] });
        expect(rankingsQuery.schema.parse(params)).toEqual(state);
      }),
    );
  });

  it("downloads and the comparison: the same round trip", () => {
    fc.assert(
      fc.property(
        fc.record({ format: fc.constantFrom(...EXPORT_FORMATS) }),
        fc.record({ tahun: year, jenis: fc.constantFrom(...TYPE_FILTERS), provinsi: slug, q: search, instansi: fc.array(slug, { minLength: 1, maxLength: 20 }), arah_tahun: fc.constantFrom(...SORT_DIRECTIONS) }, { requiredKeys: [] }),
        (required, rest) => {
          const state = { ...required, ...rest };
          expect(exportQuery.schema.parse(exportQuery.toParams(state))).toEqual(state);
        },
      ),
    );
    fc.assert(
      fc.property(fc.record({ tabel: fc.constantFrom(...SUMMARY_TABLES), format: fc.constantFrom(...EXPORT_FORMATS) }), fc.record({ tahun: year, provinsi: slug }, { requiredKeys: [] }), (required, rest) => {
        const state = { ...required, ...rest };
        expect(summaryQuery.schema.parse(summaryQuery.toParams(state))).toEqual(state);
      }),
    );
    fc.assert(
      fc.property(fc.record({ instansi: fc.array(slug, { minLength: 1, maxLength: 4 }), q: search }, { requiredKeys: [] }), (state) => {
        expect(compareQuery.lenient(compareQuery.toParams(state))).toEqual({ value: state, invalid: [] });
      }),
    );
  });
});
