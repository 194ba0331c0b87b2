/**
 * The one definition of a valid result, shared by the admin form, the write API and the file
 * importer (whose row schema, ./result-row.ts, checks each published field with these rules).
 * The field rules are pure; the rules that need the database (the year has a
 * methodology, the entity exists, no second result for the entity and year) are asked through
 * a ResultCheckContext, so the same schema runs anywhere. Messages are Indonesian: they are
 * shown next to the fields.
 */
import { z } from "zod";
import { categoryMismatch, type CategoryMismatch } from "@/lib/domain/disagreement";
import { parseId, parseWholeNumber, YEAR_RANGE } from "@/lib/domain/numbers";
import { parseScore, type ParseScoreResult } from "@/lib/domain/score";
import { CATEGORIES, ZONES, type Methodology } from "@/lib/domain/types";

const SCORE_MESSAGES: Record<Exclude<ParseScoreResult, { ok: true }>["reason"], string> = {
  empty: "Nilai wajib diisi.",
  format: "Nilai harus berupa angka, misalnya 91,66 atau 91.66.",
  decimals: "Nilai paling banyak dua angka di belakang koma.",
  range: "Nilai harus antara 0 dan 100.",
};

/** "91,66" | "91.66" | 91.66 → hundredths; "" / null / undefined → null. */
function scoreField(label: string) {
  return z
    .union([z.string(), z.number(), z.null(), z.undefined()])
    .transform((value, ctx): number | null => {
      if (value === null || value === undefined) return null;
      const text = typeof value === "number" ? String(value) : value;
      if (text.trim() === "") return null;
      const parsed = parseScore(text);
      if (parsed.ok) return parsed.hundredths;
      // "8850" or "-5" is a number, out of range: say so, not that it is no number.
      const reason = parsed.reason === "format" && /^-?\d+(?:[.,]\d+)?$/.test(text.trim()) ? "range" : parsed.reason;
      ctx.addIssue({ code: "custom", message: label + SCORE_MESSAGES[reason] });
      return z.NEVER;
    });
}

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** An id: decimal digits only (never "1e3" or "0x22d"), within the column's range. */
const intField = (message: string) =>
  z.unknown().transform((value, ctx): number => {
    const id = parseId(typeof value === "string" ? value.trim() : value);
    if (id !== null) return id;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });

const checkbox = z.preprocess(
  (value) => value === true || value === "on" || value === "true" || value === "1",
  z.boolean(),
);

/**
 * The rules of what a source publishes about a result, one per field: the form, the API and a
 * row of an import file (lib/ledger/schemas/result-row.ts) all check a field with these.
 */
export const publishedFieldRules = {
  score: scoreField(""),
  publishedZone: z.preprocess(blankToNull, z.enum(ZONES, { error: "Zona tidak valid." }).nullish()).transform((v) => v ?? null),
  publishedCategory: z
    .preprocess(blankToNull, z.enum(CATEGORIES, { error: "Kategori harus A–E." }).nullish())
    .transform((v) => v ?? null),
  publishedOpinion: z
    .preprocess(blankToNull, z.string().trim().max(200, { error: "Opini paling panjang 200 karakter." }).nullish())
    .transform((v) => v ?? null),
  sourceUrl: z
    .preprocess(
      blankToNull,
      z
        .url({ protocol: /^https?$/, error: "Tautan sumber harus alamat http(s) yang lengkap." })
        .max(2000, { error: "Tautan terlalu panjang." })
        .nullish(),
    )
    .transform((v) => v ?? null),
  notes: z.preprocess(
    (v) => (v === null || v === undefined ? "" : v),
    z.string().trim().max(2000, { error: "Catatan paling panjang 2000 karakter." }),
  ),
};

/** Sources sometimes publish only an opinion or predicate ("Kepatuhan Tinggi"): real data too, but not nothing at all. */
export const NOTHING_PUBLISHED_MESSAGE = "Isi nilai, atau zona/kategori/opini yang dipublikasikan bila sumber tidak memuat nilai.";

/** The field rules alone (no database): what the form can check by itself. */
export const resultFieldsSchema = z
  .object({
    entityId: intField("Pilih instansi."),
    year: z.preprocess(
      (value) => {
        const text = typeof value === "string" ? value.trim() : value;
        if (text === "" || text === null || text === undefined) return undefined;
        // Digits only; a number that is not a whole number within range stays itself and fails below.
        return parseWholeNumber(text, { min: 0, max: 99_999 }) ?? (typeof text === "number" ? text : NaN);
      },
      // abort: a year out of range must stop here. zod runs the object's refinements after
      // continuable issues, and resultSchema's would ask the database for year 2^63 (a 500).
      z
        .number({ error: (issue) => (issue.input === undefined ? "Tahun wajib diisi." : "Tahun harus bilangan bulat.") })
        .int({ error: "Tahun harus bilangan bulat.", abort: true })
        .min(YEAR_RANGE.min, { error: "Tahun tidak valid.", abort: true })
        .max(YEAR_RANGE.max, { error: "Tahun tidak valid.", abort: true }),
    ),
    score: publishedFieldRules.score,
    dimensionScores: z
      .record(z.string().regex(/^[a-z0-9_]+$/i, { error: "Kode dimensi tidak valid." }), scoreField("Nilai dimensi: "))
      .nullish()
      .transform((scores) => {
        if (!scores) return null;
        const kept = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== null)) as Record<string, number>;
        return Object.keys(kept).length > 0 ? kept : null;
      }),
    publishedZone: publishedFieldRules.publishedZone,
    publishedCategory: publishedFieldRules.publishedCategory,
    publishedOpinion: publishedFieldRules.publishedOpinion,
    sourceUrl: publishedFieldRules.sourceUrl,
    notes: publishedFieldRules.notes,
    /** The admin saw the published category disagree with the computed one and keeps it. */
    confirmCategoryMismatch: checkbox.default(false),
  })
  .superRefine((input, ctx) => {
    if (input.score === null && input.publishedZone === null && input.publishedCategory === null && input.publishedOpinion === null) {
      ctx.addIssue({ code: "custom", path: ["score"], message: NOTHING_PUBLISHED_MESSAGE });
    }
  });

export type ResultInput = z.output<typeof resultFieldsSchema>;

// The rule itself is pure and zod-free (the admin form runs it in the browser).
export { categoryMismatch, type CategoryMismatch };

/** What the checks that need data ask; lib/ledger/results.ts answers from the database. */
export interface ResultCheckContext {
  methodology(year: number): Promise<(Methodology & { dimensionCodes: readonly string[] }) | null>;
  entityExists(entityId: number): Promise<boolean>;
  /** The id of the result the entity already has for the year (deleted ones included), or null. */
  existingResultId(entityId: number, year: number): Promise<number | null>;
  /** When editing: the result being edited (its own entity-year is no duplicate). */
  currentResultId?: number;
}

/** Issue params marking "a second result for the same entity and year" (the API answers 409). */
export const DUPLICATE_PARAM = "duplicateResultId";

/** The full schema: field rules plus the rules that need data. Use with safeParseAsync. */
export function resultSchema(context: ResultCheckContext) {
  return resultFieldsSchema.superRefine(async (input, ctx) => {
    const [methodology, entityExists] = await Promise.all([
      context.methodology(input.year),
      context.entityExists(input.entityId),
    ]);
    if (!entityExists) ctx.addIssue({ code: "custom", path: ["entityId"], message: "Instansi tidak ditemukan." });
    if (!methodology) {
      ctx.addIssue({ code: "custom", path: ["year"], message: `Tahun ${input.year} belum punya metodologi.` });
    } else {
      for (const code of Object.keys(input.dimensionScores ?? {})) {
        if (!methodology.dimensionCodes.includes(code)) {
          ctx.addIssue({
            code: "custom",
            path: ["dimensionScores", code],
            message: `Metodologi ${input.year} tidak punya dimensi "${code}".`,
          });
        }
      }
      const mismatch = categoryMismatch(input, methodology);
      if (mismatch && !input.confirmCategoryMismatch) {
        ctx.addIssue({
          code: "custom",
          path: [mismatch.category ? "publishedCategory" : "publishedZone"],
          message: `Berbeda dari hasil hitung dengan pita nilai ${input.year} (${mismatch.computed.label}). Periksa sumbernya, lalu centang konfirmasi bila memang begitu dipublikasikan.`,
        });
      }
    }
    if (entityExists) {
      const existing = await context.existingResultId(input.entityId, input.year);
      if (existing !== null && existing !== context.currentResultId) {
        ctx.addIssue({
          code: "custom",
          path: ["year"],
          message: `Instansi ini sudah punya hasil tahun ${input.year} (termasuk yang terhapus): ubah hasil itu.`,
          params: { [DUPLICATE_PARAM]: existing },
        });
      }
    }
  });
}

/** Field errors keyed by path ("score", "dimensionScores.input"), first message per field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}
