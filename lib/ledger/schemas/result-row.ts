/**
 * A row of a results file (lib/domain/results-file.ts) as the importer checks it: every cell is
 * text. The published figures (score, zone, category, opinion, source, notes) are checked by the
 * result schema's own rules (./result.ts), so a value is valid in a file exactly when it is valid
 * in the admin form and the write API. What needs the database — the year has a methodology,
 * the entity exists, the importer may write it — is checked by the import plan's steps.
 */
import { z } from "zod";
import type { ResultFileColumn } from "@/lib/domain/results-file";
import { ENTITY_TYPES, type EntityType } from "@/lib/domain/types";
import { ENTITY_TYPE_WORDS, entityTypeFromText } from "./entity-type-words";
import { NOTHING_PUBLISHED_MESSAGE, publishedFieldRules } from "./result";

/** Types whose results need no province: they are national. */
export const NATIONAL_TYPES: readonly EntityType[] = ["KEMENTERIAN", "LEMBAGA", "OTHER"];

const POSITIVE_INTEGER = /^[1-9]\d*$/;

const rankCell = (column: ResultFileColumn) =>
  z.string().transform((text, ctx): number | null => {
    if (text === "") return null;
    if (POSITIVE_INTEGER.test(text)) return Number(text);
    ctx.addIssue({ code: "custom", message: `${column} "${text}" harus bilangan bulat positif.` });
    return z.NEVER;
  });

const YES = ["ya", "y", "yes", "true", "1", "x"];
const NO = ["", "tidak", "t", "no", "n", "false", "0"];

/** A fact about the source row (lib/domain/results-file.ts: SOURCE_FACT_COLUMNS): "ya" or empty. */
const factCell = (column: ResultFileColumn) =>
  z.string().transform((text, ctx): boolean => {
    const value = text.trim().toLowerCase();
    if (YES.includes(value)) return true;
    if (NO.includes(value)) return false;
    ctx.addIssue({ code: "custom", message: `${column} "${text}" harus "ya" atau kosong.` });
    return z.NEVER;
  });

/** Zone and category as sources and spreadsheets write them ("hijau", "a"): the form's rule on the upper case. */
const upperCase = <T extends z.ZodType>(rule: T) => z.preprocess((text) => (typeof text === "string" ? text.toUpperCase() : text), rule);

export const resultRowSchema = z.object({
  year: z.string().transform((text, ctx) => {
    if (/^\d{4}$/.test(text)) return Number(text);
    ctx.addIssue({ code: "custom", message: `Tahun "${text}" tidak valid.` });
    return z.NEVER;
  }),
  entity_type: z.string().transform((text, ctx) => {
    // The code (KANTOR_PERTANAHAN) or the words offices write ("Kantor Pertanahan", "Kabupaten").
    const type = entityTypeFromText(text);
    if (type) return type;
    const words = ENTITY_TYPES.map((t) => ENTITY_TYPE_WORDS[t]).join(", ");
    ctx.addIssue({ code: "custom", message: `Jenis instansi "${text}" tidak dikenal. Tulis salah satu: ${words}.` });
    return z.NEVER;
  }),
  entity_name: z.string().min(1, { error: "Nama instansi kosong." }),
  /** Empty for a national entity. */
  province: z.string(),
  score: publishedFieldRules.score,
  zone: upperCase(publishedFieldRules.publishedZone),
  category: upperCase(publishedFieldRules.publishedCategory),
  opinion: publishedFieldRules.publishedOpinion,
  national_rank: rankCell("national_rank"),
  province_rank: rankCell("province_rank"),
  source_url: publishedFieldRules.sourceUrl.transform((url, ctx) => {
    if (url !== null) return url;
    ctx.addIssue({ code: "custom", message: "Tautan sumber wajib diisi: setiap hasil mencantumkan sumbernya." });
    return z.NEVER;
  }),
  notes: publishedFieldRules.notes,
  year_inferred: factCell("year_inferred"),
  rank_from_list: factCell("rank_from_list"),
  province_rank_within_type: factCell("province_rank_within_type"),
  group_statement: factCell("group_statement"),
  disputed: factCell("disputed"),
} satisfies Record<ResultFileColumn, z.ZodType>);

export type ResultRow = z.output<typeof resultRowSchema>;

export interface CellIssue {
  column: ResultFileColumn;
  message: string;
}

export interface CheckedRow {
  /** The cells that passed their rule, converted (a score in hundredths, a rank as a number). */
  cells: Partial<ResultRow>;
  issues: CellIssue[];
}

const COLUMNS = Object.keys(resultRowSchema.shape) as ResultFileColumn[];

/**
 * Check every cell by its own rule — a bad score does not hide an unknown type, so a row's
 * every problem is reported at once — then the rules across cells.
 */
export function checkResultRow(values: Readonly<Record<ResultFileColumn, string>>): CheckedRow {
  const cells: Partial<Record<ResultFileColumn, unknown>> = {};
  const issues: CellIssue[] = [];
  for (const column of COLUMNS) {
    const parsed = resultRowSchema.shape[column].safeParse(values[column]);
    if (parsed.success) cells[column] = parsed.data;
    else for (const issue of parsed.error.issues) issues.push({ column, message: issue.message });
  }
  const row = cells as Partial<ResultRow>;
  if (row.entity_type && !NATIONAL_TYPES.includes(row.entity_type) && row.province === "") {
    issues.push({ column: "province", message: `Provinsi wajib diisi untuk ${row.entity_type}.` });
  }
  // A source may publish only a rank ("peringkat 3") or only an opinion: real data, but not nothing at all.
  const published = ["score", "zone", "category", "opinion", "national_rank", "province_rank"] as const;
  if (published.every((column) => column in row && row[column] === null)) {
    issues.push({ column: "score", message: NOTHING_PUBLISHED_MESSAGE });
  }
  // A group statement gives the group's zone, category or opinion; a score or rank is one entity's own.
  if (row.group_statement && (row.score != null || row.national_rank != null || row.province_rank != null)) {
    issues.push({ column: "group_statement", message: "Pernyataan kelompok hanya memuat zona, kategori atau opini kelompok; nilai dan peringkat satu instansi ditulis di baris biasa." });
  }
  if (row.rank_from_list && row.national_rank == null && row.province_rank == null) {
    issues.push({ column: "rank_from_list", message: "rank_from_list diisi \"ya\" tetapi baris tidak memuat peringkat." });
  }
  if (row.province_rank_within_type && row.province_rank == null) {
    issues.push({ column: "province_rank_within_type", message: "province_rank_within_type diisi \"ya\" tetapi baris tidak memuat province_rank." });
  }
  return { cells: row, issues };
}
