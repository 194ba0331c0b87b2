import type { EntityType } from "./types";

/**
 * One name-normalising function for every place that matches names (seed, importer,
 * search): "Kab. Tanah Laut", "Kabupaten Tanah Laut" and "TANAH LAUT" are one regency;
 * "Palangka Raya" and "Palangkaraya" one city; "Polresta Banjarmasin" the Polres Banjarmasin.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** Words that name the type, not the entity, stripped from the front of a name. */
const TYPE_PREFIXES: Record<EntityType, readonly string[]> = {
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

/** Province abbreviations used by sources, expanded to the official wording. */
const PROVINCE_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/^dki /, "daerah khusus ibukota "],
  [/^daerah khusus jakarta$/, "daerah khusus ibukota jakarta"],
  [/^diy$/, "daerah istimewa yogyakarta"],
  [/^di /, "daerah istimewa "],
  [/^ntb$/, "nusa tenggara barat"],
  [/^ntt$/, "nusa tenggara timur"],
  [/^babel$/, "kepulauan bangka belitung"],
  [/^bangka belitung$/, "kepulauan bangka belitung"],
  [/^kepri$/, "kepulauan riau"],
  [/^kalsel$/, "kalimantan selatan"],
  [/^kalteng$/, "kalimantan tengah"],
  [/^kaltim$/, "kalimantan timur"],
  [/^kalbar$/, "kalimantan barat"],
  [/^kaltara$/, "kalimantan utara"],
  [/^jabar$/, "jawa barat"],
  [/^jateng$/, "jawa tengah"],
  [/^jatim$/, "jawa timur"],
];

function stripPrefix(name: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    if (name === prefix) return name;
    if (name.startsWith(prefix + " ")) return name.slice(prefix.length + 1);
  }
  return name;
}

function compact(name: string): string {
  return name.replace(/ /g, "");
}

/** Key for a province name: "DKI JAKARTA", "Daerah Khusus Ibukota Jakarta", "Prov. DKI Jakarta". */
export function provinceKey(name: string): string {
  let n = stripPrefix(normalizeName(name), ["provinsi", "prov"]);
  for (const [pattern, replacement] of PROVINCE_ABBREVIATIONS) n = n.replace(pattern, replacement);
  return compact(n);
}

/**
 * Key for an entity name of a given type. A "kota" marker is kept where a type has a city
 * and a regency of one name (Kantor Pertanahan Kota Kupang vs Kabupaten Kupang; Polres
 * Kupang Kota vs Polres Kupang): "kota:kupang" vs "kupang".
 */
export function entityKey(type: EntityType, name: string): string {
  let n = stripPrefix(normalizeName(name), TYPE_PREFIXES[type]);
  if (type === "PEMPROV") return provinceKey(n);
  if (type === "POLDA" || type === "KANWIL_BPN") return provinceKey(n);
  if (type === "POLRES" || type === "KANTOR_PERTANAHAN") {
    n = stripPrefix(n, ["kabupaten", "kab"]);
    let city = false;
    if (n.startsWith("kota ")) {
      city = true;
      n = n.slice(5);
    } else if (n.endsWith(" kota")) {
      city = true;
      n = n.slice(0, -5);
    }
    return (city ? "kota:" : "") + compact(n);
  }
  return compact(n);
}

/** URL slug: "Kalimantan Selatan" → "kalimantan-selatan". */
export function slugify(text: string): string {
  return normalizeName(text).replace(/ /g, "-");
}

/** The compact key of a search text, comparable with EntityAlias.key ("Kota Banjar Masin" → "kotabanjarmasin"). */
export function searchKey(query: string): string {
  return compact(normalizeName(query));
}
