import type { EntityType } from "./types";

/**
 * The short names people and sources use for places and for the kinds of provider, in one
 * place: the name matching of the seed and the importer (lib/domain/normalize.ts) and the
 * search (lib/record/entity-search.ts) read them from here.
 *
 * Each text is written normalised (lower case, words separated by one space: normalizeName).
 */

/**
 * Province abbreviations in common use (news, regional offices, government sites), each with
 * the province's official name. A known, closed list: 38 provinces, not a rule.
 */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  // Sumatera
  sumut: "sumatera utara",
  sumbar: "sumatera barat",
  sumsel: "sumatera selatan",
  babel: "kepulauan bangka belitung",
  kepri: "kepulauan riau",
  // Jawa
  dki: "daerah khusus ibukota jakarta",
  jabar: "jawa barat",
  jateng: "jawa tengah",
  jatim: "jawa timur",
  diy: "daerah istimewa yogyakarta",
  jogja: "daerah istimewa yogyakarta",
  // Nusa Tenggara
  ntb: "nusa tenggara barat",
  ntt: "nusa tenggara timur",
  // Kalimantan
  kalbar: "kalimantan barat",
  kalteng: "kalimantan tengah",
  kalsel: "kalimantan selatan",
  kaltim: "kalimantan timur",
  kaltara: "kalimantan utara",
  // Sulawesi
  sulut: "sulawesi utara",
  sulteng: "sulawesi tengah",
  sulsel: "sulawesi selatan",
  sultra: "sulawesi tenggara",
  sulbar: "sulawesi barat",
  // Maluku, Papua
  malut: "maluku utara",
  pabar: "papua barat",
  pbd: "papua barat daya",
  papteng: "papua tengah",
  papsel: "papua selatan",
};

/** Words before a province's name that sources add or leave out ("DKI Jakarta", "DI Yogyakarta"). */
export const PROVINCE_NAME_PREFIXES: readonly (readonly [string, string])[] = [
  ["dki", "daerah khusus ibukota"],
  ["di", "daerah istimewa"],
];

/**
 * Abbreviations of a province's official name (normalised), for the search: "kalsel" for
 * "kalimantan selatan".
 */
export function provinceAbbreviations(officialName: string): string[] {
  return Object.entries(PROVINCE_ABBREVIATIONS)
    .filter(([short, full]) => full === officialName && short !== officialName)
    .map(([short]) => short);
}

/**
 * Initials of a multi-word regency or city name, by rule: one letter per word of a name of three
 * words or more ("hulu sungai selatan" → "hss", "timor tengah selatan" → "tts", "ogan komering
 * ulu" → "oku"). Two-word names are left out: two letters ("tl") name too many places to help.
 */
export function placeInitials(placeName: string): string | null {
  const words = placeName.split(" ").filter(Boolean);
  if (words.length < 3) return null;
  return words.map((w) => w[0]).join("");
}

/**
 * City abbreviations that no rule produces (they take consonants of one word), as regional news
 * and the cities' own channels write them. Short and documented on purpose: each is a name
 * people type, not a guess.
 */
export const CITY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  bjm: "banjarmasin",
  bjb: "banjarbaru",
  plk: "palangkaraya",
  bpp: "balikpapan",
  smd: "samarinda",
  ptk: "pontianak",
  mks: "makassar",
  sby: "surabaya",
  smg: "semarang",
  bdg: "bandung",
  mdn: "medan",
  plg: "palembang",
  pku: "pekanbaru",
  jogja: "yogyakarta",
  yogya: "yogyakarta",
};

/** Short names of a place (its compact key, as normalize.ts's entityKey makes it): "bjm" for "banjarmasin". */
export function cityAbbreviations(placeKey: string): string[] {
  return Object.entries(CITY_ABBREVIATIONS)
    .filter(([, full]) => full === placeKey)
    .map(([short]) => short);
}

/**
 * The words that name a kind of provider rather than the provider, by type: "Kab." / "Kabupaten" /
 * "Pemkab" a regency government, "Kota" / "Pemkot" a city's, "Polres" / "Polresta" /
 * "Polrestabes" a district police. Longest first, so that the longest wording is stripped from the
 * front of a name (lib/domain/normalize.ts), and the search knows which words of a query are the
 * type.
 */
export const TYPE_WORDS: Readonly<Record<EntityType, readonly string[]>> = {
  PEMPROV: ["pemerintah provinsi", "pemprov", "provinsi", "prov"],
  PEMKAB: ["pemerintah kabupaten", "pemkab", "kabupaten", "kab"],
  PEMKOT: ["pemerintah kota", "pemkot", "kota"],
  KOTA_ADMINISTRASI: ["kota administrasi", "kota administratif", "kota adm", "kota"],
  KABUPATEN_ADMINISTRASI: ["kabupaten administrasi", "kabupaten administratif", "kab adm", "kabupaten", "kab"],
  POLRES: ["polrestabes", "polresta", "polres metro", "polres"],
  POLDA: ["polda"],
  KANTOR_PERTANAHAN: ["kantor pertanahan", "kantah", "bpn"],
  KANWIL_BPN: ["kantor wilayah bpn", "kanwil bpn", "kanwil atr bpn", "kantor wilayah"],
  KEMENTERIAN: [],
  LEMBAGA: [],
  OTHER: [],
};

/** Every single word that names a type ("kab", "pemkot", "polresta", "pemerintah", …). */
export const TYPE_WORD_SET: ReadonlySet<string> = new Set(Object.values(TYPE_WORDS).flatMap((list) => list.flatMap((w) => w.split(" "))));
