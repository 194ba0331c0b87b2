import { describe, expect, it } from "vitest";
import { CITY_ABBREVIATIONS, cityAbbreviations, placeInitials, PROVINCE_ABBREVIATIONS, provinceAbbreviations, TYPE_WORD_SET } from "@/lib/domain/abbreviations";
import { entityKey, placeOf, provinceKey } from "@/lib/domain/normalize";
import { readReferenceData } from "@/lib/ledger/seed/reference";

const reference = readReferenceData();

describe("province abbreviations", () => {
  it("each names exactly one of the 38 provinces of the reference data", () => {
    for (const [short, full] of Object.entries(PROVINCE_ABBREVIATIONS)) {
      const matches = reference.provinces.filter((p) => provinceKey(p.name) === provinceKey(full));
      expect(matches.map((p) => p.name), short).toHaveLength(1);
    }
  });

  it("are read by the name matching of the seed and the importer (provinceKey)", () => {
    expect(provinceKey("Kalsel")).toBe(provinceKey("Kalimantan Selatan"));
    expect(provinceKey("Prov. Kalteng")).toBe(provinceKey("Kalimantan Tengah"));
    expect(provinceKey("SUMUT")).toBe(provinceKey("Sumatera Utara"));
    expect(provinceKey("Sulsel")).toBe(provinceKey("Sulawesi Selatan"));
    expect(provinceKey("Jabar")).not.toBe(provinceKey("Jawa Tengah"));
  });

  it("are found back from a province's official name", () => {
    expect(provinceAbbreviations("kalimantan selatan")).toEqual(["kalsel"]);
    expect(provinceAbbreviations("daerah istimewa yogyakarta").sort()).toEqual(["diy", "jogja"]);
    expect(provinceAbbreviations("aceh")).toEqual([]);
  });
});

describe("initials of regency names, by rule", () => {
  it("one letter per word for names of three words or more", () => {
    expect(placeInitials("hulu sungai selatan")).toBe("hss");
    expect(placeInitials("hulu sungai tengah")).toBe("hst");
    expect(placeInitials("hulu sungai utara")).toBe("hsu");
    expect(placeInitials("ogan komering ulu")).toBe("oku");
    expect(placeInitials("timor tengah selatan")).toBe("tts");
  });

  it("none for names of one or two words (two letters name too many places)", () => {
    expect(placeInitials("tanah laut")).toBeNull();
    expect(placeInitials("banjarmasin")).toBeNull();
    expect(placeInitials("")).toBeNull();
  });

  it("from the place an entity's name names, whatever the type's words", () => {
    expect(placeInitials(placeOf("PEMKAB", "Kabupaten Hulu Sungai Selatan").name)).toBe("hss");
    expect(placeInitials(placeOf("POLRES", "Polres Hulu Sungai Selatan").name)).toBe("hss");
    expect(placeInitials(placeOf("KANTOR_PERTANAHAN", "Kantor Pertanahan Kabupaten Hulu Sungai Selatan").name)).toBe("hss");
    expect(placeOf("POLRES", "Polres Kupang Kota")).toEqual({ name: "kupang", city: true });
    expect(placeOf("PEMPROV", "Pemprov Kalsel")).toEqual({ name: "kalimantan selatan", city: false });
  });
});

describe("city abbreviations (a short list where no rule gives them)", () => {
  it("each names a city (kota) of the reference data", () => {
    const cities = new Set(reference.regencies.filter((r) => /^KOTA /i.test(r.name)).map((r) => entityKey("PEMKOT", r.name)));
    for (const [short, place] of Object.entries(CITY_ABBREVIATIONS)) expect(cities.has(place), `${short} → ${place}`).toBe(true);
  });

  it("are found back from a city's place key", () => {
    expect(cityAbbreviations("banjarmasin")).toEqual(["bjm"]);
    expect(cityAbbreviations("banjarbaru")).toEqual(["bjb"]);
    expect(cityAbbreviations("tanahlaut")).toEqual([]);
  });
});

describe("type words", () => {
  it("hold every single word that names a type, and none that names a place", () => {
    for (const word of ["kab", "kabupaten", "pemkab", "kota", "pemkot", "polres", "polresta", "polrestabes", "pemerintah", "kantah"]) expect(TYPE_WORD_SET.has(word), word).toBe(true);
    for (const word of ["banjarmasin", "hss", "kalsel", "selatan"]) expect(TYPE_WORD_SET.has(word), word).toBe(false);
  });
});
