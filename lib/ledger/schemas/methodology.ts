/**
 * A valid year's methodology: a score band, the bands together (covering 0–100 without gaps or
 * overlaps), a dimension and the dimensions together (distinct codes; weights that add up to
 * 100 % when every dimension has one). Used by the admin's methodology form (through its server
 * action) and by the seed's methodology file. Messages are Indonesian: they are shown next to
 * the fields.
 */
import { z } from "zod";
import { validateBands, type BandProblem } from "@/lib/domain/classify";
import { parseScore } from "@/lib/domain/score";
import { validateWeights, type WeightProblem } from "@/lib/domain/weights";
import { CATEGORIES, ZONES } from "@/lib/domain/types";

const percent = (h: number) => (h / 100).toFixed(2).replace(".", ",");

export function bandProblemMessage(p: BandProblem): string {
  switch (p.kind) {
    case "empty": return "Paling sedikit satu pita nilai.";
    case "inverted": return `Pita ke-${p.index + 1}: batas bawah lebih besar dari batas atas.`;
    case "gap": return `Ada celah: ${percent(p.from)}–${percent(p.to)} tidak tercakup.`;
    case "overlap": return `Pita tumpang tindih di ${percent(p.at)}.`;
    case "start": return `Pita harus mulai dari 0, bukan ${percent(p.min)}.`;
    case "end": return `Pita harus berakhir di 100, bukan ${percent(p.max)}.`;
  }
}

export function weightProblemMessage(p: WeightProblem): string {
  return p.kind === "over"
    ? `Jumlah bobot ${percent(p.total)} % melebihi 100 %.`
    : `Jumlah bobot harus tepat 100 % bila semua dimensi berbobot (sekarang ${percent(p.total)} %).`;
}

const bandLimit = (message: string) =>
  z.string().transform((v, ctx) => {
    const p = parseScore(v);
    if (!p.ok) ctx.addIssue({ code: "custom", message });
    return p.ok ? p.hundredths : 0;
  });

export const bandSchema = z.object({
  min: bandLimit("Batas bawah harus nilai 0–100 dengan paling banyak dua desimal."),
  max: bandLimit("Batas atas harus nilai 0–100 dengan paling banyak dua desimal."),
  zone: z.enum(ZONES, { error: "Zona tidak valid." }),
  category: z.preprocess((v) => (v === "" ? null : v), z.enum(CATEGORIES, { error: "Kategori harus A–E." }).nullable()),
  label: z.string().trim().min(1, { error: "Label wajib diisi." }).max(100),
});

/** Bands covering 0–100 exactly once (at least one). */
export function checkBandCoverage(bands: readonly z.output<typeof bandSchema>[], ctx: z.RefinementCtx): void {
  for (const problem of validateBands(bands)) ctx.addIssue({ code: "custom", message: bandProblemMessage(problem) });
}

export const bandsSchema = z.array(bandSchema).superRefine(checkBandCoverage);

export const dimensionSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "Kode dimensi: huruf kecil, angka atau garis bawah, diawali huruf." }),
  name: z.string().trim().min(1, { error: "Nama dimensi wajib diisi." }).max(200, { error: "Nama dimensi terlalu panjang." }),
  /** In percent; empty or null while not published. */
  weight: z.union([z.string(), z.null()]).transform((v, ctx) => {
    if (v === null || v.trim() === "") return null;
    const p = parseScore(v);
    if (!p.ok) ctx.addIssue({ code: "custom", message: "Bobot harus 0–100 (persen) dengan paling banyak dua desimal, atau kosong bila belum dipublikasikan." });
    return p.ok ? p.hundredths : null;
  }),
  verified: z.preprocess((v) => v === true || v === "on" || v === "1", z.boolean()),
  notes: z.string().trim().max(2000).default(""),
});

/** A year's dimensions: distinct codes, and weights adding up to exactly 100 % when every dimension has one. */
export const dimensionsSchema = z.array(dimensionSchema).superRefine((dims, ctx) => {
  const seen = new Set<string>();
  dims.forEach((d, i) => {
    if (seen.has(d.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: `Kode dimensi ${d.code} dipakai dua kali.` });
    seen.add(d.code);
  });
  const problem = validateWeights(dims.map((d) => d.weight));
  if (problem) ctx.addIssue({ code: "custom", path: [], message: weightProblemMessage(problem) });
});

/** What the admin sends for a year: its general fields, bands and (optionally) dimensions. */
export const methodologyInputSchema = z.object({
  name: z.string().trim().min(1, { error: "Nama wajib diisi." }).max(200),
  opinionName: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(200).nullable()),
  bandsVerified: z.preprocess((v) => v === true || v === "on", z.boolean()),
  notes: z.string().trim().max(4000).default(""),
  sources: z.string().trim().max(8000).default(""),
  bands: bandsSchema,
  // Optional: a caller that does not send dimensions leaves them as they are.
  dimensions: dimensionsSchema.optional(),
});
