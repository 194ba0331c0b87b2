import { PROVINCE_ABBREVIATIONS, PROVINCE_NAME_PREFIXES, TYPE_WORDS } from "./abbreviations";
import type { EntityType } from "./types";

const NORMAL = /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/;

/**
 * One name-normalising function for every place that matches names (seed, importer,
 * search): "Kab. Tanah Laut", "Kabupaten Tanah Laut" and "TANAH LAUT" are one regency;
 * "Palangka Raya" and "Palangkaraya" one city; "Polresta Banjarmasin" the Polres Banjarmasin.
 */
export function normalizeName(name: string): string {
  // Already normal (most keys and every search document): nothing to do.
  if (NORMAL.test(name)) return name;
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** Other wordings of a province's whole name that sources use. */
const PROVINCE_NAME_VARIANTS: Readonly<Record<string, string>> = {
  "daerah khusus jakarta": "daerah khusus ibukota jakarta",
  "bangka belitung": "kepulauan bangka belitung",
};

/** A province's name in the official wording: abbreviations ("kalsel") and short prefixes
 * ("dki jakarta", "di yogyakarta") expanded (lib/domain/abbreviations.ts). */
function expandProvinceName(name: string): string {
  const whole = PROVINCE_ABBREVIATIONS[name] ?? PROVINCE_NAME_VARIANTS[name];
  if (whole) return whole;
  for (const [short, full] of PROVINCE_NAME_PREFIXES) if (name.startsWith(short + " ")) return full + name.slice(short.length);
  return name;
}

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
  return compact(expandProvinceName(stripPrefix(normalizeName(name), ["provinsi", "prov"])));
}

/**
 * Key for an entity name of a given type. A "kota" marker is kept where a type has a city
 * and a regency of one name (Kantor Pertanahan Kota Kupang vs Kabupaten Kupang; Polres
 * Kupang Kota vs Polres Kupang): "kota:kupang" vs "kupang".
 */
export function entityKey(type: EntityType, name: string): string {
  const place = placeOf(type, name);
  return (place.city ? "kota:" : "") + compact(place.name);
}

/**
 * The place an entity's name names, the type's words stripped ("Polres Kupang Kota" → kupang, a
 * city; "Kabupaten Hulu Sungai Selatan" → "hulu sungai selatan"; "Pemprov Kalsel" →
 * "kalimantan selatan"), normalised, words kept apart.
 */
export function placeOf(type: EntityType, name: string): { name: string; city: boolean } {
  let n = stripPrefix(normalizeName(name), TYPE_WORDS[type]);
  if (type === "PEMPROV" || type === "POLDA" || type === "KANWIL_BPN") return { name: expandProvinceName(stripPrefix(n, ["provinsi", "prov"])), city: false };
  if (type === "POLRES" || type === "KANTOR_PERTANAHAN") {
    n = stripPrefix(n, ["kabupaten", "kab"]);
    if (n.startsWith("kota ")) return { name: n.slice(5), city: true };
    if (n.endsWith(" kota")) return { name: n.slice(0, -5), city: true };
  }
  return { name: n, city: false };
}

/** URL slug: "Kalimantan Selatan" → "kalimantan-selatan". */
export function slugify(text: string): string {
  return normalizeName(text).replace(/ /g, "-");
}

/** The compact key of a search text, comparable with EntityAlias.key ("Kota Banjar Masin" → "kotabanjarmasin"). */
export function searchKey(query: string): string {
  return compact(normalizeName(query));
}
