import type { MethodologyRecord } from "@/lib/db/methodologies";
import { entityKey } from "@/lib/domain/normalize";
import type { Band, EntityType, Methodology } from "@/lib/domain/types";
import { buildPublicDataset, type EntityRecord, type FactRow, type LoadedResult, type PublicDataset, type RecordSource } from "@/lib/record/dataset";

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

/**
 * A small public record in memory, built by the record's own builder (no database): two
 * provinces of Kalimantan and two of Papua, ten entities, results of 2021, 2023 and 2024 with
 * ties, a zone-only result, disagreeing sources, dimension scores, published counts, averages
 * and ranks, and a group marked complete.
 */
export const KALTENG = 1;
export const KALSEL = 2;

const methodologyRecord = (m: Methodology, extra: Partial<MethodologyRecord> = {}): MethodologyRecord => ({
  ...m,
  opinionName: null,
  notes: "",
  sources: [`https://ombudsman.go.id/metode-${m.year}`],
  dimensions: [],
  dimensionCodes: [],
  ...extra,
});

const DIMENSIONS_2023 = [
  { code: "input", name: "Input", weight: 2185, verified: true, notes: "" },
  { code: "proses", name: "Proses", weight: 3237, verified: true, notes: "" },
];

const PROVINCE_NAMES: Record<number, [string, string]> = {
  [KALTENG]: ["Kalimantan Tengah", "kalimantan-tengah"],
  [KALSEL]: ["Kalimantan Selatan", "kalimantan-selatan"],
  3: ["Papua Selatan", "papua-selatan"],
};
const provinceOf = (id: number | null) => (id !== null && PROVINCE_NAMES[id] ? { id, name: PROVINCE_NAMES[id][0], slug: PROVINCE_NAMES[id][1] } : null);

const entity = (id: number, type: EntityType, name: string, slug: string, provinceId: number | null, aliases: string[] = [], regencyCode: string | null = null): EntityRecord => {
  const names = [...new Set([name, ...aliases])].sort();
  const province = provinceOf(provinceId);
  return {
    id,
    slug,
    name,
    type,
    province: province ? { name: province.name, slug: province.slug } : null,
    regencyCode,
    aliases: names,
    aliasKeys: names.map((n) => entityKey(type, n)),
  };
};

export const FIXTURE_ENTITIES: EntityRecord[] = [
  entity(1, "PEMKOT", "Kota Banjarmasin", "pemkot-banjarmasin", KALSEL, ["Pemerintah Kota Banjarmasin", "Pemkot Banjarmasin"], "63.71"),
  entity(2, "PEMKOT", "Kota Banjarbaru", "pemkot-banjarbaru", KALSEL, [], "63.72"),
  entity(3, "PEMKAB", "Kabupaten Tanah Laut", "pemkab-tanah-laut", KALSEL, ["Kab. Tanah Laut"], "63.01"),
  entity(4, "PEMPROV", "Provinsi Kalimantan Selatan", "pemprov-kalimantan-selatan", KALSEL),
  entity(5, "PEMPROV", "Provinsi Kalimantan Tengah", "pemprov-kalimantan-tengah", KALTENG),
  entity(6, "POLRES", "Polres Balangan", "polres-balangan", KALSEL),
  entity(7, "POLRES", "Polres Tabalong", "polres-tabalong", KALSEL),
  entity(8, "KEMENTERIAN", "Kementerian Agama", "kementerian-agama", null),
  entity(9, "PEMKAB", "Kabupaten Merauke", "pemkab-merauke", 3, [], "93.01"),
  entity(10, "PEMKOT", "Kota Palangka Raya", "pemkot-palangkaraya", KALTENG, ["Kota Palangkaraya"], "62.71"),
];

let nextResultId = 100;
let nextSourceId = 1000;

function result(year: number, entityId: number, score: number | null, extra: Partial<LoadedResult> = {}): LoadedResult {
  const e = FIXTURE_ENTITIES.find((x) => x.id === entityId)!;
  const id = nextResultId++;
  const sourceUrl = `https://berita.example/${year}/${e.slug}`;
  return {
    id,
    year,
    score,
    dimensionScores: null,
    publishedZone: null,
    publishedCategory: null,
    publishedOpinion: null,
    publishedNationalRank: null,
    publishedProvinceRank: null,
    hasConflict: false,
    sourceUrl,
    entity: { name: e.name, slug: e.slug, type: e.type },
    province: provinceOf(Number(Object.keys(PROVINCE_NAMES).find((id) => PROVINCE_NAMES[Number(id)]![1] === e.province?.slug) ?? NaN) || null),
    sources: [{ id: nextSourceId++, isPrimary: true, score, zone: null, category: null, opinion: null, nationalRank: null, provinceRank: null, sourceUrl, yearInferred: false, rankFromList: false, provinceRankWithinType: false, disputed: false }],
    ...extra,
  };
}

const fact = (year: number, provinceId: number | null, entityGroup: string, metric: string, value: string): FactRow => ({
  year,
  provinceId,
  entityGroup,
  metric,
  value,
  sourceUrl: `https://ombudsman.go.id/${year}/${metric}`,
});

export function fixtureSource(): RecordSource {
  nextResultId = 100;
  nextSourceId = 1000;
  const banjarmasin2023 = result(2023, 1, 8801, { hasConflict: true, dimensionScores: JSON.stringify({ input: 8500, proses: 9000 }) });
  banjarmasin2023.sources.push({ ...banjarmasin2023.sources[0]!, id: nextSourceId++, isPrimary: false, score: 8802, sourceUrl: "https://media.example/banjarmasin-2023" });
  return {
    results: [
      result(2021, 1, 8000),
      banjarmasin2023,
      result(2023, 2, 9000),
      result(2023, 3, 7000),
      result(2023, 4, 9100),
      result(2023, 5, 8660),
      result(2023, 8, 8000),
      result(2024, 1, 9545, { publishedNationalRank: 24 }),
      result(2024, 2, 9545),
      result(2024, 3, 5300),
      result(2024, 4, 9458),
      result(2024, 5, 9050),
      result(2024, 6, 9166, { publishedProvinceRank: 2, publishedOpinion: "Sangat Baik" }),
      result(2024, 10, null, { publishedZone: "HIJAU", publishedCategory: "A" }),
      result(2024, 7, 8000),
    ],
    methodologies: new Map([
      [2021, methodologyRecord(METHODOLOGY_2021)],
      [2023, methodologyRecord(METHODOLOGY_2023, { dimensions: DIMENSIONS_2023, dimensionCodes: DIMENSIONS_2023.map((d) => d.code) })],
      [2024, methodologyRecord({ ...METHODOLOGY_2023, year: 2024 })],
      [2025, methodologyRecord(METHODOLOGY_2025_UNVERIFIED)],
    ]),
    factRows: [
      fact(2023, null, "PEMKOT", "count_assessed", "2"),
      fact(2024, null, "PEMKOT", "count_assessed", "98"),
      fact(2024, null, "ALL", "count_assessed", "587"),
      fact(2024, null, "ALL", "count_hijau", "494"),
      fact(2024, null, "ALL", "count_kuning", "70"),
      fact(2024, null, "ALL", "count_merah", "23"),
      fact(2024, KALSEL, "POLRES", "count_assessed", "13"),
      fact(2024, KALSEL, "POLRES", "average_score", "93.89"),
      fact(2024, KALSEL, "PEMDA", "average_score", "93.64"),
      fact(2024, KALSEL, "ALL", "respondents", "3771"),
      fact(2024, KALSEL, "ALL", "assessment_period", "Maret–November 2024"),
    ],
    marks: [{ year: 2023, provinceId: KALSEL, entityGroup: "PEMDA" }],
    entities: FIXTURE_ENTITIES,
    provinces: [
      { id: 4, code: "94", name: "Papua", slug: "papua", formedIn: null, formedOn: null, formedBy: null, splitFrom: null },
      { id: 3, code: "93", name: "Papua Selatan", slug: "papua-selatan", formedIn: 2022, formedOn: "2022-07-25", formedBy: "Undang-Undang Nomor 14 Tahun 2022", splitFrom: "papua" },
      { id: KALSEL, code: "63", name: "Kalimantan Selatan", slug: "kalimantan-selatan", formedIn: null, formedOn: null, formedBy: null, splitFrom: null },
      { id: KALTENG, code: "62", name: "Kalimantan Tengah", slug: "kalimantan-tengah", formedIn: null, formedOn: null, formedBy: null, splitFrom: null },
    ],
  };
}

/** The fixture record, built as the app builds it. */
export function fixtureRecord(): PublicDataset {
  return buildPublicDataset(fixtureSource());
}
