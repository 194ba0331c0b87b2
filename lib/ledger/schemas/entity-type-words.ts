/**
 * An entity type as files write it: the code ("KANTOR_PERTANAHAN") or the Indonesian words
 * offices use ("Kantor Pertanahan", "Pemerintah Kabupaten", "Kabupaten", "Polresta"). Pure.
 */
import { ENTITY_TYPES, type EntityType } from "@/lib/domain/types";

const WORDS: readonly (readonly [EntityType, readonly string[]])[] = [
  ["KEMENTERIAN", ["kementerian", "kementrian"]],
  ["LEMBAGA", ["lembaga", "lembaga negara", "badan"]],
  ["PEMPROV", ["pemerintah provinsi", "pemprov", "provinsi", "pemda provinsi"]],
  ["PEMKAB", ["pemerintah kabupaten", "pemkab", "kabupaten", "kab", "pemda kabupaten"]],
  ["PEMKOT", ["pemerintah kota", "pemkot", "kota", "pemda kota"]],
  ["KOTA_ADMINISTRASI", ["kota administrasi", "kota administratif", "kota adm"]],
  ["KABUPATEN_ADMINISTRASI", ["kabupaten administrasi", "kabupaten administratif", "kab adm"]],
  ["POLRES", ["polres", "polresta", "polrestabes", "polres metro", "kepolisian resor", "kepolisian resor kota"]],
  ["POLDA", ["polda", "kepolisian daerah"]],
  ["KANTOR_PERTANAHAN", ["kantor pertanahan", "kantah", "kantor pertanahan kabupaten", "kantor pertanahan kota", "bpn"]],
  ["KANWIL_BPN", ["kanwil bpn", "kantor wilayah bpn", "kantor wilayah badan pertanahan nasional", "kanwil atr bpn"]],
  ["OTHER", ["lainnya", "lain lain", "other"]],
];

const wordKey = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const BY_WORDS = new Map<string, EntityType>([
  ...ENTITY_TYPES.map((t) => [wordKey(t), t] as const),
  ...WORDS.flatMap(([type, words]) => words.map((w) => [w, type] as const)),
]);

/** The type a cell names, or null. */
export function entityTypeFromText(text: string): EntityType | null {
  return BY_WORDS.get(wordKey(text)) ?? null;
}

/** The words the screen and the template list as allowed, one per type. */
export const ENTITY_TYPE_WORDS: Readonly<Record<EntityType, string>> = {
  KEMENTERIAN: "Kementerian",
  LEMBAGA: "Lembaga",
  PEMPROV: "Pemerintah Provinsi",
  PEMKAB: "Pemerintah Kabupaten",
  PEMKOT: "Pemerintah Kota",
  KOTA_ADMINISTRASI: "Kota Administrasi",
  KABUPATEN_ADMINISTRASI: "Kabupaten Administrasi",
  POLRES: "Polres",
  POLDA: "Polda",
  KANTOR_PERTANAHAN: "Kantor Pertanahan",
  KANWIL_BPN: "Kanwil BPN",
  OTHER: "Lainnya",
};
