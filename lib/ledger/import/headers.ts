/**
 * The column-mapping step of an import from the screen: which column of a file is which field.
 * Headers are recognised by their Indonesian and English names and common variants (case, spaces
 * and punctuation aside); a row-number column ("No") is ignored with a notice; a header the admin
 * mapped before is mapped the same way again; the rest the admin maps on the screen. Pure.
 */
import { EXPORT_ONLY_COLUMNS, RESULT_FILE_COLUMNS, REQUIRED_RESULT_FILE_COLUMNS, type ResultFileColumn } from "@/lib/domain/results-file";

/** "Nama Instansi", " nama_instansi ", "NAMA-INSTANSI." → "nama instansi". */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The names each field goes by in files offices prepare, as headerKey() writes them. */
const HEADER_NAMES: Readonly<Record<ResultFileColumn, readonly string[]>> = {
  year: ["tahun", "year", "tahun penilaian", "periode", "tahun survei"],
  entity_type: ["jenis", "jenis instansi", "tipe", "tipe instansi", "jenis penyelenggara", "entity type", "type"],
  entity_name: ["nama instansi", "instansi", "nama", "nama penyelenggara", "penyelenggara", "nama unit", "entity name", "name", "entity"],
  province: ["provinsi", "prov", "province"],
  score: ["nilai", "skor", "score", "nilai akhir", "nilai kepatuhan", "total nilai", "nilai total"],
  zone: ["zona", "zone", "zona kepatuhan", "warna zona"],
  category: ["kategori", "category", "kategori nilai"],
  opinion: ["opini", "opinion", "predikat", "opini ombudsman", "opini pengawasan"],
  national_rank: ["peringkat nasional", "national rank", "ranking nasional", "rank nasional", "peringkat nas"],
  province_rank: ["peringkat provinsi", "province rank", "ranking provinsi", "rank provinsi", "peringkat prov"],
  source_url: ["sumber", "tautan", "tautan sumber", "link", "link sumber", "url", "url sumber", "source", "source url"],
  notes: ["catatan", "keterangan", "ket", "notes", "note"],
  year_inferred: ["year inferred", "tahun disimpulkan"],
  rank_from_list: ["rank from list", "peringkat dari daftar"],
  province_rank_within_type: ["province rank within type", "peringkat provinsi dalam jenis"],
  group_statement: ["group statement", "pernyataan kelompok"],
  disputed: ["disputed", "diperselisihkan"],
};

const ROW_NUMBER_NAMES = ["no", "nomor", "nomor urut", "no urut", "urut", "number", "nr"];
/** Headers that could be either rank: the admin says which. */
const EITHER_RANK = ["peringkat", "ranking", "rank", "rangking"];

const BY_NAME = new Map<string, ResultFileColumn>(
  (Object.entries(HEADER_NAMES) as [ResultFileColumn, readonly string[]][]).flatMap(([column, names]) => names.map((n) => [n, column] as const)),
);
const EXPORT_ONLY_KEYS = new Set(EXPORT_ONLY_COLUMNS.map(headerKey));

/** Where a column's mapping came from: the screen says so beside each. */
export type MappingSource = "recognised" | "remembered" | "chosen" | "row_number" | "export_only" | "unknown" | "ambiguous";

export interface ColumnMapping {
  index: number;
  header: string;
  key: string;
  /** The field it fills; null: ignored (a row number, an extra column, or not chosen yet). */
  column: ResultFileColumn | null;
  source: MappingSource;
}

export interface MappingProposal {
  columns: ColumnMapping[];
  /** Required fields no column fills (a source link may come from the screen's field instead). */
  missing: ResultFileColumn[];
  /** Fields two columns fill. */
  duplicates: ResultFileColumn[];
  /** A header that could be either rank and that no one chose for yet. */
  unresolved: ColumnMapping[];
  /** True when every required field has a column, none twice, and nothing waits for a choice. */
  complete: boolean;
}

/** What one header is by its name alone: a field, a row number, an export's extra, or unknown. */
export function recognizeHeader(header: string): ResultFileColumn | "row_number" | "export_only" | "either_rank" | null {
  const key = headerKey(header);
  if (key === "") return null;
  const column = BY_NAME.get(key);
  if (column) return column;
  if (ROW_NUMBER_NAMES.includes(key)) return "row_number";
  if (EITHER_RANK.includes(key)) return "either_rank";
  if (EXPORT_ONLY_KEYS.has(key)) return "export_only";
  return null;
}

export const isResultFileColumn = (value: string): value is ResultFileColumn => (RESULT_FILE_COLUMNS as readonly string[]).includes(value);

/**
 * The mapping of a file's header: the admin's choices on the screen first (by column position,
 * "" = ignore), then the admin's remembered mapping (by header key), then the names recognised.
 * An export read back keeps its meaning: its published_zone/published_category are the zone and
 * category the source published, and its own zone/category (computed by Rapor) are left out.
 * `sourceFromScreen`: a source link given for the whole file makes the link column optional.
 */
export function proposeMapping(
  header: readonly string[],
  remembered: ReadonlyMap<string, string> = new Map(),
  chosen: ReadonlyMap<number, string> = new Map(),
  sourceFromScreen = false,
): MappingProposal {
  const keys = header.map(headerKey);
  const exported = keys.includes("published zone") || keys.includes("published category");
  const columns: ColumnMapping[] = header.map((raw, index) => {
    const key = keys[index]!;
    const base = { index, header: raw.trim(), key };
    const automatic = automaticMapping(base, exported, remembered);
    const choice = chosen.get(index);
    const column = choice !== undefined && isResultFileColumn(choice) ? choice : null;
    // A select left as the file's names or the memory gave it is no new decision.
    if (choice !== undefined && column !== automatic.column) return { ...base, column, source: "chosen" };
    if (choice !== undefined && automatic.source === "ambiguous") return { ...base, column, source: "chosen" };
    return automatic;
  });
  return summarizeMapping(columns, sourceFromScreen);
}

/** A column's mapping without the screen's choice: remembered, else by its name. */
function automaticMapping(base: { index: number; header: string; key: string }, exported: boolean, remembered: ReadonlyMap<string, string>): ColumnMapping {
  const { key, header: raw } = base;
  const memory = remembered.get(key);
  if (memory !== undefined && key !== "") return { ...base, column: isResultFileColumn(memory) ? memory : null, source: "remembered" };
  if (exported && (key === "published zone" || key === "published category")) {
    return { ...base, column: key === "published zone" ? "zone" : "category", source: "recognised" };
  }
  if (exported && (key === "zone" || key === "category")) return { ...base, column: null, source: "export_only" };
  const known = recognizeHeader(raw);
  if (known === "row_number") return { ...base, column: null, source: "row_number" };
  if (known === "export_only") return { ...base, column: null, source: "export_only" };
  if (known === "either_rank") return { ...base, column: null, source: "ambiguous" };
  if (known) return { ...base, column: known, source: "recognised" };
  return { ...base, column: null, source: "unknown" };
}

function summarizeMapping(columns: ColumnMapping[], sourceFromScreen: boolean): MappingProposal {
  const filled = columns.flatMap((c) => (c.column ? [c.column] : []));
  const required = REQUIRED_RESULT_FILE_COLUMNS.filter((c) => !(sourceFromScreen && c === "source_url"));
  const missing = required.filter((c) => !filled.includes(c));
  const duplicates = [...new Set(filled.filter((c, i) => filled.indexOf(c) !== i))];
  const unresolved = columns.filter((c) => c.source === "ambiguous");
  return { columns, missing, duplicates, unresolved, complete: missing.length === 0 && duplicates.length === 0 && unresolved.length === 0 };
}

/** The Indonesian name of each field, as the screen's selects and the template's headers write it. */
export const FIELD_LABELS: Readonly<Record<ResultFileColumn, string>> = {
  year: "Tahun",
  entity_type: "Jenis Instansi",
  entity_name: "Nama Instansi",
  province: "Provinsi",
  score: "Nilai",
  zone: "Zona",
  category: "Kategori",
  opinion: "Opini",
  national_rank: "Peringkat Nasional",
  province_rank: "Peringkat Provinsi",
  source_url: "Tautan Sumber",
  notes: "Catatan",
  year_inferred: "Tahun Disimpulkan",
  rank_from_list: "Peringkat dari Daftar",
  province_rank_within_type: "Peringkat Provinsi dalam Jenis",
  group_statement: "Pernyataan Kelompok",
  disputed: "Diperselisihkan",
};

/** Notices about the columns left out, in the screen's words. */
export function mappingNotices(proposal: MappingProposal): string[] {
  const notices: string[] = [];
  for (const c of proposal.columns) {
    const name = c.header === "" ? `kolom ${c.index + 1}` : `"${c.header}"`;
    if (c.source === "row_number") notices.push(`Kolom ${name} dibaca sebagai nomor urut dan diabaikan.`);
    else if (c.source === "unknown") notices.push(`Kolom ${name} tidak dikenali dan diabaikan; pilih isinya di tabel pemetaan bila perlu diimpor.`);
    else if (c.source === "ambiguous") notices.push(`Kolom ${name} bisa berarti peringkat nasional atau peringkat provinsi: pilih salah satu di tabel pemetaan.`);
    else if (c.source === "export_only") notices.push(`Kolom ${name} berasal dari unduhan Rapor (dihitung ulang saat terbit) dan diabaikan.`);
    else if (c.column === null && c.source !== "chosen") notices.push(`Kolom ${name} diabaikan.`);
  }
  for (const m of proposal.missing) {
    notices.push(
      m === "source_url"
        ? `Tidak ada kolom untuk ${FIELD_LABELS[m]}: pilih kolomnya di tabel pemetaan, atau isi "Tautan sumber untuk seluruh berkas".`
        : `Tidak ada kolom untuk ${FIELD_LABELS[m]}: pilih kolomnya di tabel pemetaan.`,
    );
  }
  for (const d of proposal.duplicates) notices.push(`${FIELD_LABELS[d]} dipetakan dari dua kolom: pilih satu, abaikan yang lain.`);
  return notices;
}

const TECHNICAL_NAMES = new RegExp(`\\b(${RESULT_FILE_COLUMNS.filter((c) => c.includes("_")).sort((a, b) => b.length - a.length).join("|")})\\b`, "g");

/** A plan message in the screen's words: a technical column name ("national_rank") becomes the field's name on the screen. */
export function inScreenWords(message: string): string {
  return message.replace(TECHNICAL_NAMES, (name) => FIELD_LABELS[name as ResultFileColumn]);
}
