import { describe, expect, it } from "vitest";
import { entityKey, normalizeName, provinceKey, slugify } from "@/lib/domain/normalize";
import type { EntityType } from "@/lib/domain/types";

describe("normalizeName", () => {
  it("lower-cases, turns punctuation into spaces and collapses whitespace", () => {
    expect(normalizeName("  Kab.  Tanah-Laut  ")).toBe("kab tanah laut");
    expect(normalizeName("KOTA  BANJARMASIN!")).toBe("kota banjarmasin");
    expect(normalizeName("Kanwil ATR/BPN\tKalsel\n")).toBe("kanwil atr bpn kalsel");
  });

  it("strips diacritics", () => {
    expect(normalizeName("Bénèr Meriah")).toBe("bener meriah");
  });

  it("keeps digits", () => {
    expect(normalizeName("Puskesmas 2 Ulu")).toBe("puskesmas 2 ulu");
  });

  it("returns an empty string for a name of punctuation only", () => {
    expect(normalizeName(" ... ")).toBe("");
  });
});

describe("provinceKey", () => {
  it('matches "DKI JAKARTA", "Daerah Khusus Ibukota Jakarta", "Prov. DKI Jakarta" and "Daerah Khusus Jakarta"', () => {
    const key = provinceKey("Daerah Khusus Ibukota Jakarta");
    expect(key).toBe("daerahkhususibukotajakarta");
    expect(provinceKey("DKI JAKARTA")).toBe(key);
    expect(provinceKey("Prov. DKI Jakarta")).toBe(key);
    expect(provinceKey("Daerah Khusus Jakarta")).toBe(key);
  });

  it('matches "DI Yogyakarta", "DAERAH ISTIMEWA YOGYAKARTA" and "DIY"', () => {
    const key = provinceKey("DAERAH ISTIMEWA YOGYAKARTA");
    expect(key).toBe("daerahistimewayogyakarta");
    expect(provinceKey("DI Yogyakarta")).toBe(key);
    expect(provinceKey("DIY")).toBe(key);
  });

  it('strips "Prov." and "Provinsi": "Prov. Kalimantan Selatan" is Kalimantan Selatan', () => {
    expect(provinceKey("Prov. Kalimantan Selatan")).toBe("kalimantanselatan");
    expect(provinceKey("Provinsi Kalimantan Selatan")).toBe("kalimantanselatan");
    expect(provinceKey("KALIMANTAN SELATAN")).toBe("kalimantanselatan");
  });

  it.each([
    ["Kalsel", "kalimantanselatan"],
    ["Kalteng", "kalimantantengah"],
    ["Kaltim", "kalimantantimur"],
    ["Kalbar", "kalimantanbarat"],
    ["Kaltara", "kalimantanutara"],
    ["NTB", "nusatenggarabarat"],
    ["NTT", "nusatenggaratimur"],
    ["Babel", "kepulauanbangkabelitung"],
    ["Bangka Belitung", "kepulauanbangkabelitung"],
    ["Kepulauan Bangka Belitung", "kepulauanbangkabelitung"],
    ["Kepri", "kepulauanriau"],
    ["Jabar", "jawabarat"],
    ["Jateng", "jawatengah"],
    ["Jatim", "jawatimur"],
  ])("expands the abbreviation %s", (name, key) => {
    expect(provinceKey(name)).toBe(key);
  });

  it("ignores spacing differences inside a name", () => {
    expect(provinceKey("Papua Barat Daya")).toBe(provinceKey("PapuaBarat Daya"));
  });

  it("keeps different provinces apart", () => {
    expect(provinceKey("Papua Barat")).not.toBe(provinceKey("Papua Barat Daya"));
    expect(provinceKey("Kalimantan Selatan")).not.toBe(provinceKey("Kalimantan Tengah"));
  });

  it('does not strip a name that is only the prefix ("Provinsi")', () => {
    expect(provinceKey("Provinsi")).toBe("provinsi");
  });
});

describe("entityKey", () => {
  const same = (type: EntityType, names: string[], key: string) => {
    for (const name of names) expect(entityKey(type, name), name).toBe(key);
  };

  it('PEMKAB: "Kab. Tanah Laut" == "Kabupaten Tanah Laut" == "TANAH LAUT" == "Pemkab Tanah Laut"', () => {
    same(
      "PEMKAB",
      ["Kab. Tanah Laut", "Kabupaten Tanah Laut", "TANAH LAUT", "Pemkab Tanah Laut", "Pemerintah Kabupaten Tanah Laut"],
      "tanahlaut",
    );
  });

  it('PEMKAB: a name that is only the type word is kept ("Kabupaten")', () => {
    expect(entityKey("PEMKAB", "Kabupaten")).toBe("kabupaten");
  });

  it('PEMKOT: "Palangka Raya" == "Kota Palangkaraya"', () => {
    same("PEMKOT", ["Palangka Raya", "Kota Palangkaraya", "Pemerintah Kota Palangka Raya", "Pemkot Palangka Raya"], "palangkaraya");
  });

  it("PEMPROV: province prefixes and abbreviations", () => {
    same(
      "PEMPROV",
      ["Pemerintah Provinsi Kalimantan Selatan", "Pemprov Kalsel", "Provinsi Kalimantan Selatan", "Kalimantan Selatan"],
      "kalimantanselatan",
    );
    same("PEMPROV", ["Prov. DKI Jakarta", "Pemprov DKI Jakarta", "Daerah Khusus Ibukota Jakarta"], "daerahkhususibukotajakarta");
    same("PEMPROV", ["Provinsi DI Yogyakarta", "Pemprov DIY", "DAERAH ISTIMEWA YOGYAKARTA"], "daerahistimewayogyakarta");
  });

  it('POLRES: "Polresta Banjarmasin" == "Polres Banjarmasin"; Polrestabes and Polres Metro are Polres', () => {
    same("POLRES", ["Polresta Banjarmasin", "Polres Banjarmasin", "Banjarmasin"], "banjarmasin");
    expect(entityKey("POLRES", "Polrestabes Surabaya")).toBe("surabaya");
    expect(entityKey("POLRES", "Polres Metro Jakarta Selatan")).toBe("jakartaselatan");
  });

  it('POLRES: "Kupang Kota" == "Kota Kupang" but != "Kupang"', () => {
    same("POLRES", ["Kupang Kota", "Kota Kupang", "Polres Kupang Kota", "Polresta Kupang Kota", "Polres Kota Kupang"], "kota:kupang");
    same("POLRES", ["Kupang", "Polres Kupang", "Polres Kabupaten Kupang", "Polres Kab. Kupang"], "kupang");
    expect(entityKey("POLRES", "Kupang Kota")).not.toBe(entityKey("POLRES", "Kupang"));
  });

  it('POLRES: "Kotabaru" (a regency) is not a city', () => {
    expect(entityKey("POLRES", "Polres Kotabaru")).toBe("kotabaru");
  });

  it("KANTOR_PERTANAHAN: Kota Bima and Kabupaten Bima are different offices", () => {
    same("KANTOR_PERTANAHAN", ["Kantor Pertanahan Kota Bima", "BPN Kota Bima", "Kantah Bima Kota"], "kota:bima");
    same("KANTOR_PERTANAHAN", ["Kantor Pertanahan Kabupaten Bima", "Kantah Kab. Bima", "Bima"], "bima");
    expect(entityKey("KANTOR_PERTANAHAN", "Kantor Pertanahan Kota Bima")).not.toBe(
      entityKey("KANTOR_PERTANAHAN", "Kantor Pertanahan Kabupaten Bima"),
    );
  });

  it("POLDA and KANWIL_BPN: keyed by province", () => {
    same("POLDA", ["Polda Kalsel", "Polda Kalimantan Selatan", "Kalimantan Selatan"], "kalimantanselatan");
    same(
      "KANWIL_BPN",
      [
        "Kanwil BPN Kalimantan Selatan",
        "Kantor Wilayah BPN Provinsi Kalimantan Selatan",
        "Kanwil ATR/BPN Kalsel",
        "Kantor Wilayah Kalimantan Selatan",
      ],
      "kalimantanselatan",
    );
  });

  it("KOTA_ADMINISTRASI and KABUPATEN_ADMINISTRASI: administrative prefixes", () => {
    same("KOTA_ADMINISTRASI", ["Kota Administrasi Jakarta Selatan", "Kota Adm. Jakarta Selatan", "Jakarta Selatan"], "jakartaselatan");
    same(
      "KABUPATEN_ADMINISTRASI",
      ["Kabupaten Administrasi Kepulauan Seribu", "Kab. Adm. Kepulauan Seribu", "Kepulauan Seribu"],
      "kepulauanseribu",
    );
  });

  it("KEMENTERIAN, LEMBAGA, OTHER: no prefix stripped, only normalised and compacted", () => {
    expect(entityKey("KEMENTERIAN", "Kementerian Agama")).toBe("kementerianagama");
    expect(entityKey("KEMENTERIAN", "KEMENTERIAN  AGAMA")).toBe("kementerianagama");
    expect(entityKey("LEMBAGA", "Badan Pusat Statistik")).toBe("badanpusatstatistik");
    expect(entityKey("OTHER", "Kota Banjarmasin")).toBe("kotabanjarmasin");
  });

  it("strips only the type's own prefixes", () => {
    // "Kota" is not a PEMKAB prefix.
    expect(entityKey("PEMKAB", "Kota Baru")).toBe("kotabaru");
    expect(entityKey("PEMKOT", "Kabupaten Banjar")).toBe("kabupatenbanjar");
  });
});

describe("slugify", () => {
  it('turns "Kalimantan Selatan" into "kalimantan-selatan"', () => {
    expect(slugify("Kalimantan Selatan")).toBe("kalimantan-selatan");
  });

  it("drops punctuation and diacritics and collapses separators", () => {
    expect(slugify("Kab. Tanah Laut")).toBe("kab-tanah-laut");
    expect(slugify("  DKI   Jakarta! ")).toBe("dki-jakarta");
    expect(slugify("Bénèr Meriah")).toBe("bener-meriah");
    expect(slugify("Kanwil ATR/BPN")).toBe("kanwil-atr-bpn");
  });

  it("returns an empty slug for an empty name", () => {
    expect(slugify("")).toBe("");
  });
});
