/** Shared vocabulary of the domain. Scores are integer hundredths (91,66 → 9166) so that
 * sums, averages and band comparisons are exact: no floating-point drift anywhere. */

export const ZONES = ["HIJAU", "KUNING", "MERAH"] as const;
export type Zone = (typeof ZONES)[number];

export const CATEGORIES = ["A", "B", "C", "D", "E"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Entity types keep their official Indonesian names. */
export const ENTITY_TYPES = [
  "KEMENTERIAN",
  "LEMBAGA",
  "PEMPROV",
  "PEMKAB",
  "PEMKOT",
  "KOTA_ADMINISTRASI",
  "KABUPATEN_ADMINISTRASI",
  "POLRES",
  "POLDA",
  "KANTOR_PERTANAHAN",
  "KANWIL_BPN",
  "OTHER",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Types whose entities are created as results name them; the others exist from the
 * reference data (every Pemprov, Pemkab, Pemkot and Kantor Pertanahan). */
export const TYPES_CREATED_FROM_RESULTS: readonly EntityType[] = ["KEMENTERIAN", "LEMBAGA", "POLRES", "POLDA", "KANWIL_BPN", "OTHER"];

const SOURCE_NAME_PREFIX: Partial<Record<EntityType, string>> = { POLRES: "Polres", POLDA: "Polda", KANWIL_BPN: "Kanwil BPN" };

/** The display name of an entity created from a source row ("Balangan" + POLRES → "Polres Balangan"). */
export function entityNameFromSource(type: EntityType, name: string): string {
  const prefix = SOURCE_NAME_PREFIX[type];
  return prefix && !name.toLowerCase().startsWith(prefix.toLowerCase() + " ") ? `${prefix} ${name}` : name;
}

/** "Pemda" in reports means Pemprov + Pemkab + Pemkot together. */
export const PEMDA_TYPES: readonly EntityType[] = ["PEMPROV", "PEMKAB", "PEMKOT"];

/** One score band of a year's methodology, inclusive on both ends, in hundredths. */
export interface Band {
  min: number;
  max: number;
  zone: Zone;
  /** Opinion category (A–E) where the year has them; null for zone-only years. */
  category: Category | null;
  label: string;
}

export interface Methodology {
  year: number;
  name: string;
  /** False when the bands could not be verified against a full published table. */
  bandsVerified: boolean;
  bands: readonly Band[];
}
