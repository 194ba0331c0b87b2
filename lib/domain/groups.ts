import { PEMDA_TYPES, type EntityType } from "./types";

/**
 * How readers group entity types. "Pemda" in reports means Pemprov + Pemkab + Pemkot together;
 * a province is reported per group (Pemda, Polres, Kantor Pertanahan) and a rank within a
 * province is a rank within that group.
 */
export const PROVINCE_GROUPS = ["PEMDA", "POLRES", "KANTOR_PERTANAHAN"] as const;
export type ProvinceGroup = (typeof PROVINCE_GROUPS)[number];

/** The group an entity is ranked in within its province: Pemda for the three regional
 * governments, otherwise its own type (e.g. KOTA_ADMINISTRASI stays apart). */
export function provinceGroupOf(type: EntityType): string {
  return PEMDA_TYPES.includes(type) ? "PEMDA" : type;
}

/** The types a group key stands for ("PEMDA" → Pemprov, Pemkab, Pemkot). */
export function typesOfGroup(group: string): readonly EntityType[] {
  return group === "PEMDA" ? PEMDA_TYPES : [group as EntityType];
}

/** URL values of the type filter (`?jenis=`): lowercase, with "pemda" for the group. */
export const TYPE_FILTERS = [
  "pemda",
  "pemprov",
  "pemkab",
  "pemkot",
  "polres",
  "kantor_pertanahan",
  "kementerian",
  "lembaga",
  "kota_administrasi",
  "kabupaten_administrasi",
  "polda",
  "kanwil_bpn",
  "other",
] as const;
export type TypeFilter = (typeof TYPE_FILTERS)[number];

/** Parse `?jenis=`; unknown values mean "no filter" (null). */
export function parseTypeFilter(value: string | null | undefined): TypeFilter | null {
  const v = (value ?? "").trim().toLowerCase();
  return (TYPE_FILTERS as readonly string[]).includes(v) ? (v as TypeFilter) : null;
}

/** The entity types a filter value selects. */
export function typesOfFilter(filter: TypeFilter): readonly EntityType[] {
  return filter === "pemda" ? PEMDA_TYPES : [filter.toUpperCase() as EntityType];
}

/** The type filter of a province group ("PEMDA" → "pemda"): a group table's rows in the rankings and downloads. */
export function filterOfGroup(group: ProvinceGroup): TypeFilter {
  return group.toLowerCase() as Lowercase<ProvinceGroup>;
}

/** The type filter of one entity type (`PEMKOT` → "pemkot"): an entity's place in the rankings. */
export function typeFilterOf(type: EntityType): TypeFilter {
  return type.toLowerCase() as TypeFilter;
}
