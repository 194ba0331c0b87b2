import type { Band, Methodology } from "@/lib/domain/types";

/** 2022–2024 opinion categories (A–E) and their zones, in hundredths. */
export const BANDS_2022_2024: readonly Band[] = [
  { min: 8800, max: 10000, zone: "HIJAU", category: "A", label: "Kualitas Tertinggi" },
  { min: 7800, max: 8799, zone: "HIJAU", category: "B", label: "Kualitas Tinggi" },
  { min: 5400, max: 7799, zone: "KUNING", category: "C", label: "Kualitas Sedang" },
  { min: 3200, max: 5399, zone: "MERAH", category: "D", label: "Kualitas Rendah" },
  { min: 0, max: 3199, zone: "MERAH", category: "E", label: "Kualitas Terendah" },
];

/** 2021: three zones, no categories. */
export const BANDS_2021: readonly Band[] = [
  { min: 8100, max: 10000, zone: "HIJAU", category: null, label: "Zona Hijau" },
  { min: 5100, max: 8099, zone: "KUNING", category: null, label: "Zona Kuning" },
  { min: 0, max: 5099, zone: "MERAH", category: null, label: "Zona Merah" },
];

export const METHODOLOGY_2023: Methodology = {
  year: 2023,
  name: "Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik",
  bandsVerified: true,
  bands: BANDS_2022_2024,
};

export const METHODOLOGY_2021: Methodology = {
  year: 2021,
  name: "Penilaian Kepatuhan 2021",
  bandsVerified: true,
  bands: BANDS_2021,
};

/** 2025: bands not verified against a full published table (one regional page only). */
export const METHODOLOGY_2025_UNVERIFIED: Methodology = {
  year: 2025,
  name: "Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik",
  bandsVerified: false,
  bands: [
    { min: 8000, max: 10000, zone: "HIJAU", category: null, label: "Zona Hijau" },
    { min: 5000, max: 7999, zone: "KUNING", category: null, label: "Zona Kuning" },
    { min: 0, max: 4999, zone: "MERAH", category: null, label: "Zona Merah" },
  ],
};
