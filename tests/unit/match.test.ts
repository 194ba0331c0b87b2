import { describe, expect, it } from "vitest";
import { acceptedProvinces, addToIndex, buildEntityIndex, matchEntity, type MatchableEntity } from "@/lib/domain/match";
import { entityKey } from "@/lib/domain/normalize";
import type { EntityType } from "@/lib/domain/types";

const KALSEL = 63;
const NTT = 53;
const PAPUA = 91;
const PAPUA_SELATAN = 93;

const entity = (id: number, type: EntityType, provinceId: number | null, ...names: string[]): MatchableEntity => ({
  id,
  type,
  provinceId,
  keys: names.map((n) => entityKey(type, n)),
});

const tanahLaut = entity(1, "PEMKAB", KALSEL, "Kabupaten Tanah Laut", "Kab. Tanah Laut");
const banjarmasinKota = entity(2, "PEMKOT", KALSEL, "Kota Banjarmasin");
const polresBanjarmasin = entity(3, "POLRES", KALSEL, "Polresta Banjarmasin", "Polres Banjarmasin");
const polresKupangKota = entity(4, "POLRES", NTT, "Polres Kupang Kota");
const polresKupang = entity(5, "POLRES", NTT, "Polres Kupang");
const merauke = entity(6, "PEMKAB", PAPUA_SELATAN, "Kabupaten Merauke");
const kemenag = entity(7, "KEMENTERIAN", null, "Kementerian Agama");
// Two regencies of the same name in different provinces.
const samaNamaKalsel = entity(8, "PEMKAB", KALSEL, "Kabupaten Sama Nama");
const samaNamaNtt = entity(9, "PEMKAB", NTT, "Kabupaten Sama Nama");

const all = [tanahLaut, banjarmasinKota, polresBanjarmasin, polresKupangKota, polresKupang, merauke, kemenag, samaNamaKalsel, samaNamaNtt];

describe("buildEntityIndex", () => {
  it("indexes every distinct key under its type", () => {
    const index = buildEntityIndex(all);
    expect(index.byTypeKey.get("PEMKAB|tanahlaut")).toEqual([tanahLaut]);
    expect(index.byTypeKey.get("POLRES|kota:kupang")).toEqual([polresKupangKota]);
    expect(index.byTypeKey.get("PEMKAB|samanama")).toEqual([samaNamaKalsel, samaNamaNtt]);
  });

  it("lists an entity once per key even when aliases normalise to the same key", () => {
    const index = buildEntityIndex([tanahLaut]);
    expect(tanahLaut.keys).toEqual(["tanahlaut", "tanahlaut"]);
    expect(index.byTypeKey.size).toBe(1);
    expect(index.byTypeKey.get("PEMKAB|tanahlaut")).toEqual([tanahLaut]);
  });

  it("keeps types apart: the same key of another type is another entry", () => {
    const index = buildEntityIndex([banjarmasinKota, polresBanjarmasin]);
    expect(index.byTypeKey.get("PEMKOT|banjarmasin")).toEqual([banjarmasinKota]);
    expect(index.byTypeKey.get("POLRES|banjarmasin")).toEqual([polresBanjarmasin]);
  });

  it("builds an empty index from no entities", () => {
    expect(buildEntityIndex([]).byTypeKey.size).toBe(0);
  });
});

describe("addToIndex", () => {
  it("adds a new entity so it can be matched", () => {
    const index = buildEntityIndex([tanahLaut]);
    const tabalong = entity(10, "PEMKAB", KALSEL, "Kabupaten Tabalong", "Tabalong");
    addToIndex(index, tabalong);
    expect(matchEntity(index, "PEMKAB", "Kab. Tabalong", [KALSEL])).toEqual({ kind: "match", entity: tabalong });
    expect(index.byTypeKey.get("PEMKAB|tabalong")).toEqual([tabalong]);
  });

  it("appends to an existing key, making the name ambiguous without a province", () => {
    const index = buildEntityIndex([samaNamaKalsel]);
    addToIndex(index, samaNamaNtt);
    expect(index.byTypeKey.get("PEMKAB|samanama")).toEqual([samaNamaKalsel, samaNamaNtt]);
    expect(matchEntity(index, "PEMKAB", "Sama Nama", null)).toEqual({ kind: "ambiguous", candidates: [samaNamaKalsel, samaNamaNtt] });
  });
});

describe("matchEntity", () => {
  const index = buildEntityIndex(all);

  it("matches a name written differently from the stored one", () => {
    expect(matchEntity(index, "PEMKAB", "TANAH LAUT", [KALSEL])).toEqual({ kind: "match", entity: tanahLaut });
    expect(matchEntity(index, "POLRES", "Polres Banjarmasin", [KALSEL])).toEqual({ kind: "match", entity: polresBanjarmasin });
    expect(matchEntity(index, "POLRES", "Kupang Kota", [NTT])).toEqual({ kind: "match", entity: polresKupangKota });
    expect(matchEntity(index, "POLRES", "Kupang", [NTT])).toEqual({ kind: "match", entity: polresKupang });
  });

  it("finds none for an unknown name", () => {
    expect(matchEntity(index, "PEMKAB", "Kabupaten Tidak Ada", [KALSEL])).toEqual({ kind: "none" });
  });

  it("finds none for a known name of another type", () => {
    expect(matchEntity(index, "PEMKAB", "Kota Banjarmasin", [KALSEL])).toEqual({ kind: "none" });
  });

  it("finds none when the only candidate is in another province", () => {
    expect(matchEntity(index, "PEMKAB", "Tanah Laut", [NTT])).toEqual({ kind: "none" });
  });

  it("narrows an ambiguous name by province", () => {
    expect(matchEntity(index, "PEMKAB", "Sama Nama", [KALSEL])).toEqual({ kind: "match", entity: samaNamaKalsel });
    expect(matchEntity(index, "PEMKAB", "Sama Nama", [NTT])).toEqual({ kind: "match", entity: samaNamaNtt });
  });

  it("stays ambiguous when several candidates are in the accepted provinces", () => {
    expect(matchEntity(index, "PEMKAB", "Sama Nama", [KALSEL, NTT])).toEqual({
      kind: "ambiguous",
      candidates: [samaNamaKalsel, samaNamaNtt],
    });
  });

  it("accepts any province when acceptedProvinceIds is null", () => {
    expect(matchEntity(index, "PEMKAB", "Tanah Laut", null)).toEqual({ kind: "match", entity: tanahLaut });
    expect(matchEntity(index, "PEMKAB", "Sama Nama", null)).toEqual({ kind: "ambiguous", candidates: [samaNamaKalsel, samaNamaNtt] });
  });

  it("matches an entity without a province (a ministry) whatever the row's province", () => {
    expect(matchEntity(index, "KEMENTERIAN", "Kementerian Agama", [KALSEL])).toEqual({ kind: "match", entity: kemenag });
    expect(matchEntity(index, "KEMENTERIAN", "KEMENTERIAN AGAMA", [])).toEqual({ kind: "match", entity: kemenag });
  });

  it("matches across a province split: a pre-2022 Papua row accepts Papua Selatan entities", () => {
    expect(matchEntity(index, "PEMKAB", "Merauke", [PAPUA, PAPUA_SELATAN])).toEqual({ kind: "match", entity: merauke });
    expect(matchEntity(index, "PEMKAB", "Merauke", [PAPUA])).toEqual({ kind: "none" });
  });

  it("finds none for any province with an empty accepted list (unless the entity has none)", () => {
    expect(matchEntity(index, "PEMKAB", "Tanah Laut", [])).toEqual({ kind: "none" });
  });
});

describe("acceptedProvinces (the Papua split)", () => {
  const papua = { id: 91, splitFromId: null, formedIn: null };
  const papuaSelatan = { id: 93, splitFromId: 91, formedIn: 2022 };
  const bali = { id: 51, splitFromId: null, formedIn: null };
  const all = [papua, papuaSelatan, bali];

  it("before the split, Papua stands for the provinces later formed from it", () => {
    expect(acceptedProvinces(all, papua, 2021)).toEqual([91, 93]);
  });

  it("in the year of the split, Papua still stands for them: that year's assessment was made on the former province", () => {
    expect(acceptedProvinces(all, papua, 2022)).toEqual([91, 93]);
  });

  it("after the split, each province stands for itself", () => {
    expect(acceptedProvinces(all, papua, 2023)).toEqual([91]);
    expect(acceptedProvinces(all, papuaSelatan, 2021)).toEqual([93]);
    expect(acceptedProvinces(all, bali, 2019)).toEqual([51]);
  });
});
