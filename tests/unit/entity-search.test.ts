import { describe, expect, it } from "vitest";
import { entityKey } from "@/lib/domain/normalize";
import type { EntityType } from "@/lib/domain/types";
import { entitySlugFor, provinceSlugFor } from "@/lib/record/addresses";
import { buildPublicDataset, type EntityRecord, type PublicDataset } from "@/lib/record/dataset";
import { compareView } from "@/lib/record/entities";
import { searchQuery, searchRecord, searchView } from "@/lib/record/entity-search";
import { rankingsView } from "@/lib/record/rankings";
import { matchingSlugs } from "@/lib/record/search";
import { fixtureSource } from "./fixtures";

const KALSEL = { name: "Kalimantan Selatan", slug: "kalimantan-selatan" };

/** An entity without results, as the reference data creates them. */
function extra(id: number, type: EntityType, name: string, slug: string, aliases: string[]): EntityRecord {
  const names = [...new Set([name, ...aliases])].sort();
  return { id, slug, name, type, province: KALSEL, regencyCode: null, aliases: names, aliasKeys: names.map((n) => entityKey(type, n)) };
}

/** The fixture record plus the entities of Hulu Sungai Selatan and a land office of Banjarmasin. */
function searchFixture(): PublicDataset {
  const source = fixtureSource();
  // Paringin is the seat of Balangan: its Polres is known by that name too.
  source.entities = [
    ...source.entities.map((e) => (e.slug === "polres-balangan" ? { ...e, aliases: [...e.aliases, "Polres Paringin"], aliasKeys: [...e.aliasKeys, "paringin"] } : e)),
    extra(21, "PEMKAB", "Kabupaten Hulu Sungai Selatan", "pemkab-hulu-sungai-selatan", ["Hulu Sungai Selatan", "Kab. Hulu Sungai Selatan", "Pemkab Hulu Sungai Selatan"]),
    extra(22, "POLRES", "Polres Hulu Sungai Selatan", "polres-hulu-sungai-selatan", ["Hulu Sungai Selatan"]),
    extra(23, "PEMKAB", "Kabupaten Hulu Sungai Tengah", "pemkab-hulu-sungai-tengah", ["Hulu Sungai Tengah"]),
    extra(24, "KANTOR_PERTANAHAN", "Kantor Pertanahan Kota Banjarmasin", "kantor-pertanahan-banjarmasin", ["Kantah Kota Banjarmasin"]),
    extra(25, "POLRES", "Polres Mataram", "polres-mataram", ["Polresta Mataram"]),
    extra(26, "PEMKAB", "Kabupaten Parigi Moutong", "pemkab-parigi-moutong", []),
  ];
  return buildPublicDataset(source);
}

const record = searchFixture();
const slugsOf = (text: string, limit?: number) => searchRecord(record, text, { limit }).map((h) => h.slug);

describe("the site search (MiniSearch over the public record)", () => {
  it("finds a regency by the initials of its name, the local government first", () => {
    expect(slugsOf("hss")).toEqual(["pemkab-hulu-sungai-selatan", "polres-hulu-sungai-selatan"]);
    expect(slugsOf("HSS")).toEqual(slugsOf("hss"));
    // An abbreviation is not mistyped: hss is not hst.
    expect(slugsOf("hst")).toEqual(["pemkab-hulu-sungai-tengah"]);
  });

  it("reads the type's words: Kab. / Kabupaten / Pemkab, Kota / Pemkot, Polres / Polresta", () => {
    expect(slugsOf("kab. hss")).toEqual(["pemkab-hulu-sungai-selatan"]);
    expect(slugsOf("Pemkab HSS")).toEqual(["pemkab-hulu-sungai-selatan"]);
    expect(slugsOf("polres hss")).toEqual(["polres-hulu-sungai-selatan"]);
    expect(slugsOf("polresta mataram")).toEqual(["polres-mataram"]);
    expect(slugsOf("pemkot banjarmasin")).toEqual(["pemkot-banjarmasin"]);
  });

  it("finds a city by its common abbreviation, with its type's word", () => {
    expect(slugsOf("kota bjm")[0]).toBe("pemkot-banjarmasin");
    expect(slugsOf("kota bjm")).toContain("kantor-pertanahan-banjarmasin");
    expect(slugsOf("bjb")).toEqual(["pemkot-banjarbaru"]);
  });

  it("tolerates a typo in a longer word", () => {
    expect(slugsOf("banjrmasin")[0]).toBe("pemkot-banjarmasin");
    expect(slugsOf("palangkaray")).toContain("pemkot-palangkaraya");
    expect(slugsOf("zzzzzz")).toEqual([]);
  });

  it("allows for typos only when the text as written finds nothing", () => {
    // "paringin" is written right (an alias of Polres Balangan): Parigi, two edits away, is not added.
    expect(slugsOf("paringin")).toEqual(["polres-balangan"]);
    expect(searchRecord(record, "paringin", { typos: "only" }).map((h) => h.slug)).toContain("pemkab-parigi-moutong");
    expect(matchingSlugs(record, "paringin")).toEqual(new Set(["polres-balangan"]));
    expect(searchRecord(record, "balamgan", { typos: "never" })).toEqual([]);
    expect(slugsOf("balamgan")).toEqual(["polres-balangan"]);
  });

  it("finds a place written in two words or one (Palangka Raya, Palangkaraya)", () => {
    expect(slugsOf("pemkot palangka raya")).toEqual(["pemkot-palangkaraya"]);
    expect(slugsOf("palangkaraya")).toEqual(["pemkot-palangkaraya"]);
  });

  it("matches the word being typed as a prefix", () => {
    expect(slugsOf("banjar")).toEqual(expect.arrayContaining(["pemkot-banjarmasin", "pemkot-banjarbaru"]));
    expect(slugsOf("polres bal")).toEqual(["polres-balangan"]);
  });

  it("finds a province by its abbreviation first, then its entities; never another province's", () => {
    const hits = searchRecord(record, "kalsel");
    expect(hits[0]).toMatchObject({ kind: "province", slug: "kalimantan-selatan", type: null, province: null });
    expect(hits.map((h) => h.slug)).toEqual(expect.arrayContaining(["pemprov-kalimantan-selatan", "pemkot-banjarmasin", "polres-balangan"]));
    expect(hits.some((h) => h.province?.slug === "kalimantan-tengah" || h.slug === "kalimantan-tengah")).toBe(false);
    expect(searchRecord(record, "kalteng")[0]).toMatchObject({ kind: "province", slug: "kalimantan-tengah" });
  });

  it("gives each hit its type, province and the years with published results", () => {
    const [banjarmasin] = searchRecord(record, "kota banjarmasin");
    expect(banjarmasin).toEqual({ kind: "entity", slug: "pemkot-banjarmasin", name: "Kota Banjarmasin", type: "PEMKOT", province: KALSEL, years: [2021, 2023, 2024] });
    expect(searchRecord(record, "polres balangan")[0]!.years).toEqual([2024]);
    expect(searchRecord(record, "hss")[0]!.years).toEqual([]);
    expect(searchRecord(record, "kalsel")[0]!.years).toEqual([2021, 2023, 2024]);
  });

  it("limits the hits, and finds nothing for an empty or punctuation-only text", () => {
    expect(searchRecord(record, "kalsel", { limit: 3 })).toHaveLength(3);
    expect(searchRecord(record, "   ")).toEqual([]);
    expect(searchRecord(record, "%")).toEqual([]);
    expect(searchQuery("")).toBeNull();
    expect(searchRecord(record, "kalsel", { kinds: "entities" }).every((h) => h.kind === "entity")).toBe(true);
  });

  it("indexes only the public entities (the record's visibility)", () => {
    const list = record.entities.list.filter((e) => e.slug !== "polres-balangan");
    const narrower: PublicDataset = { ...record, entities: { ...record.entities, list, bySlug: new Map(list.map((e) => [e.slug, e])) } };
    expect(searchRecord(narrower, "polres balangan")).toEqual([]);
    expect(slugsOf("polres balangan")).toEqual(["polres-balangan"]);
  });

  it("the results page: the best hits and how many there are", () => {
    const view = searchView(record, { q: " kalsel " });
    expect(view.q).toBe("kalsel");
    expect(view.total).toBe(view.hits.length);
    expect(searchView(record, {})).toEqual({ q: "", hits: [], total: 0 });
  });
});

describe("the rankings' name filter uses the same matching", () => {
  it("finds by abbreviation and typo, and keeps the substring match", () => {
    expect(matchingSlugs(record, "hss")).toEqual(new Set(["pemkab-hulu-sungai-selatan", "polres-hulu-sungai-selatan"]));
    expect(rankingsView(record, { tahun: 2024, q: "kota bjm" }).page.items.map((r) => r.entity.slug)).toEqual(["pemkot-banjarmasin"]);
    expect(rankingsView(record, { tahun: 2024, q: "banjrmasin" }).page.items.map((r) => r.entity.slug)).toEqual(["pemkot-banjarmasin"]);
    expect(matchingSlugs(record, "masin")).toEqual(new Set(["pemkot-banjarmasin", "kantor-pertanahan-banjarmasin"]));
  });

  it("says which other years have matches when the year has none", () => {
    const view = rankingsView(record, { tahun: 2021, q: "polres balangan" });
    expect(view.page.total).toBe(0);
    expect(view.otherYears).toEqual([{ year: 2024, count: 1 }]);
    expect(rankingsView(record, { tahun: 2024, q: "polres balangan" }).otherYears).toEqual([]);
    expect(rankingsView(record, { tahun: 2024, q: "zzzzzz" }).otherYears).toEqual([]);
  });
});

describe("notices of what a view could not show as asked", () => {
  it("a year without results and an unknown province: the latest year and every province, at the canonical address", () => {
    const view = rankingsView(record, { tahun: 2030, provinsi: "atlantis", jenis: "pemkot" });
    expect(view.year).toBe(2024);
    expect(view.notices).toEqual([
      { param: "tahun", value: "2030", reason: "unpublishedYear" },
      { param: "provinsi", value: "atlantis", reason: "unknownProvince" },
    ]);
    expect(view.page.total).toBe(3);
    expect(view.canonical).toBe("/peringkat?tahun=2024&jenis=pemkot");
    expect(rankingsView(record, { tahun: 2024 }).notices).toEqual([]);
    const beyond = rankingsView(record, { tahun: 2024, halaman: 9 });
    expect(beyond.notices).toEqual([{ param: "halaman", value: "9", reason: "pageBeyond" }]);
    expect(beyond.canonical).toBe("/peringkat?tahun=2024");
  });

  it("a comparison of more than four says which entities it left out", () => {
    const view = compareView(record, { instansi: ["pemkot-banjarmasin", "pemkot-banjarbaru", "pemkab-tanah-laut", "polres-balangan", "polres-tabalong", "kementerian-agama"] });
    expect(view.series).toHaveLength(4);
    expect(view.beyond).toEqual(["polres-tabalong", "kementerian-agama"]);
    expect(compareView(record, { instansi: ["pemkot-banjarmasin"] }).beyond).toEqual([]);
  });
});

describe("addresses that forgive", () => {
  it("an entity answers to the slug of any of its names; a shared name is ambiguous; others are unknown", () => {
    expect(entitySlugFor(record, "pemkot-banjarmasin")).toEqual({ kind: "entity", slug: "pemkot-banjarmasin" });
    expect(entitySlugFor(record, "kota-banjarmasin")).toEqual({ kind: "entity", slug: "pemkot-banjarmasin" });
    expect(entitySlugFor(record, "kota-palangka-raya")).toEqual({ kind: "entity", slug: "pemkot-palangkaraya" });
    expect(entitySlugFor(record, "kota-palangkaraya")).toEqual({ kind: "entity", slug: "pemkot-palangkaraya" });
    expect(entitySlugFor(record, "polresta-mataram")).toEqual({ kind: "entity", slug: "polres-mataram" });
    // No made-up forms: Polresta Balangan is no recorded name.
    expect(entitySlugFor(record, "polresta-balangan")).toBeNull();
    expect(entitySlugFor(record, "hulu-sungai-selatan")).toEqual({ kind: "ambiguous", slugs: ["pemkab-hulu-sungai-selatan", "polres-hulu-sungai-selatan"] });
    expect(entitySlugFor(record, "tidak-ada")).toBeNull();
  });

  it("a province answers to its abbreviation and other spellings", () => {
    expect(provinceSlugFor(record, "kalsel")).toBe("kalimantan-selatan");
    expect(provinceSlugFor(record, "prov-kalimantan-tengah")).toBe("kalimantan-tengah");
    expect(provinceSlugFor(record, "atlantis")).toBeNull();
  });
});
