/**
 * An in-memory ImportContext for the import plan's unit tests: a few provinces (with the 2022
 * Papua split), kabupaten/kota, entities with their aliases, the 2021–2024 methodologies and
 * two stored results. No database.
 */
import type { Actor } from "@/lib/ledger/access";
import { buildEntityIndex } from "@/lib/domain/match";
import { entityKey, provinceKey } from "@/lib/domain/normalize";
import type { EntityType } from "@/lib/domain/types";
import { RESULT_FILE_COLUMNS, type ResultFileColumn } from "@/lib/domain/results-file";
import {
  regencyKey,
  resultKey,
  sourceIdentity,
  type ExistingResult,
  type ImportContext,
  type SourceFields,
} from "@/lib/ledger/import/context";
import type { RawRow } from "@/lib/ledger/import/parse";
import { METHODOLOGY_2021, METHODOLOGY_2023 } from "./fixtures";

export const ADMIN: Actor = { userId: "a", email: "admin@rapor.test", role: "ADMIN", provinceIds: [], via: "test" };

export const PROVINCE = { KALSEL: 63, JATIM: 35, PAPUA: 91, PAPUA_SELATAN: 93 } as const;

const provinces = [
  { id: PROVINCE.KALSEL, name: "Kalimantan Selatan", splitFromId: null, formedIn: null },
  { id: PROVINCE.JATIM, name: "Jawa Timur", splitFromId: null, formedIn: null },
  { id: PROVINCE.PAPUA, name: "Papua", splitFromId: null, formedIn: null },
  { id: PROVINCE.PAPUA_SELATAN, name: "Papua Selatan", splitFromId: PROVINCE.PAPUA, formedIn: 2022 },
];

export const REGENCY = { BALANGAN: 6311, BANJARMASIN: 6371, TANAH_LAUT: 6301, MERAUKE: 9301, MALANG: 3507, KOTA_MALANG: 3573 } as const;

const regencies = [
  { id: REGENCY.BALANGAN, provinceId: PROVINCE.KALSEL, name: "Kabupaten Balangan" },
  { id: REGENCY.BANJARMASIN, provinceId: PROVINCE.KALSEL, name: "Kota Banjarmasin" },
  { id: REGENCY.TANAH_LAUT, provinceId: PROVINCE.KALSEL, name: "Kabupaten Tanah Laut" },
  { id: REGENCY.MERAUKE, provinceId: PROVINCE.PAPUA_SELATAN, name: "Kabupaten Merauke" },
  { id: REGENCY.MALANG, provinceId: PROVINCE.JATIM, name: "Kabupaten Malang" },
  { id: REGENCY.KOTA_MALANG, provinceId: PROVINCE.JATIM, name: "Kota Malang" },
];

export const ENTITY = { TANAH_LAUT: 1, BANJARMASIN: 2, MERAUKE: 3, KEMENAG: 4, MALANG: 5, POLRES_TABALONG: 6 } as const;

const entities: { id: number; type: EntityType; name: string; slug: string; provinceId: number | null; aliases: string[] }[] = [
  { id: ENTITY.TANAH_LAUT, type: "PEMKAB", name: "Kabupaten Tanah Laut", slug: "pemkab-tanah-laut", provinceId: PROVINCE.KALSEL, aliases: ["Kab. Tanah Laut", "Tanah Laut"] },
  { id: ENTITY.BANJARMASIN, type: "PEMKOT", name: "Kota Banjarmasin", slug: "pemkot-banjarmasin", provinceId: PROVINCE.KALSEL, aliases: ["Banjarmasin"] },
  { id: ENTITY.MERAUKE, type: "PEMKAB", name: "Kabupaten Merauke", slug: "pemkab-merauke", provinceId: PROVINCE.PAPUA_SELATAN, aliases: ["Merauke"] },
  { id: ENTITY.KEMENAG, type: "KEMENTERIAN", name: "Kementerian Agama", slug: "kementerian-agama", provinceId: null, aliases: [] },
  { id: ENTITY.MALANG, type: "PEMKAB", name: "Kabupaten Malang", slug: "pemkab-malang", provinceId: PROVINCE.JATIM, aliases: ["Malang"] },
  { id: ENTITY.POLRES_TABALONG, type: "POLRES", name: "Polres Tabalong", slug: "polres-tabalong", provinceId: PROVINCE.KALSEL, aliases: [] },
];

export const STORED_SOURCE: SourceFields = {
  score: 9545,
  zone: "HIJAU",
  category: "A",
  opinion: null,
  nationalRank: 24,
  provinceRank: 1,
  sourceUrl: "https://x.test/banjarmasin-2024",
  notes: "",
  yearInferred: false,
  rankFromList: false,
  provinceRankWithinType: false,
  disputed: false,
};

/** Kota Banjarmasin 2024 as stored (one source), and Kabupaten Tanah Laut 2023, deleted. */
const existing: [string, ExistingResult][] = [
  [
    resultKey(ENTITY.BANJARMASIN, 2024),
    {
      id: 100,
      version: 1,
      deleted: false,
      fields: {
        provinceId: PROVINCE.KALSEL,
        score: 9545,
        publishedZone: "HIJAU",
        publishedCategory: "A",
        publishedOpinion: null,
        publishedNationalRank: 24,
        publishedProvinceRank: 1,
        sourceUrl: STORED_SOURCE.sourceUrl,
      },
      sources: new Set([sourceIdentity(STORED_SOURCE)]),
      underReview: true,
      hasRevision: false,
    },
  ],
  [
    resultKey(ENTITY.TANAH_LAUT, 2023),
    {
      id: 101,
      version: 2,
      deleted: true,
      fields: {
        provinceId: PROVINCE.KALSEL,
        score: 8000,
        publishedZone: null,
        publishedCategory: null,
        publishedOpinion: null,
        publishedNationalRank: null,
        publishedProvinceRank: null,
        sourceUrl: "https://x.test/tala-2023",
      },
      sources: new Set(),
      underReview: false,
      hasRevision: false,
    },
  ],
];

export function importContext(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    index: buildEntityIndex(
      entities.map((e) => ({ id: e.id, type: e.type, provinceId: e.provinceId, keys: [e.name, ...e.aliases].map((a) => entityKey(e.type, a)) })),
    ),
    entities: new Map(entities.map((e) => [e.id, { id: e.id, type: e.type, name: e.name, provinceId: e.provinceId, key: entityKey(e.type, e.name) }])),
    provinces: provinces.map((p) => ({ ...p, key: provinceKey(p.name) })),
    regencies: new Map(regencies.map((r) => [regencyKey(r.provinceId, entityKey("POLRES", r.name)), r.id])),
    methodologies: new Map([
      [2021, METHODOLOGY_2021],
      [2023, METHODOLOGY_2023],
      [2024, { ...METHODOLOGY_2023, year: 2024 }],
    ]),
    existing: new Map(existing),
    statements: new Map(),
    takenSlugs: new Set(entities.map((e) => e.slug)),
    createEntities: false,
    keepExisting: false,
    publish: false,
    mergeRepeatedRows: false,
    actor: ADMIN,
    ...overrides,
  };
}

/** A row of a results file; unnamed cells empty. */
export function row(line: number, cells: Partial<Record<ResultFileColumn, string>>): RawRow {
  const values = Object.fromEntries(RESULT_FILE_COLUMNS.map((c) => [c, cells[c] ?? ""])) as Record<ResultFileColumn, string>;
  return { line, values };
}
