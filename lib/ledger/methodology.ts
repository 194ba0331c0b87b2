/**
 * Editing a year's methodology (ADMIN only): name, verification flag, notes, sources, the
 * score bands, which must cover 0–100 without gaps or overlaps (validateBands), and the
 * dimensions with their weights (validateWeights; a dimension results have scores for cannot
 * be removed). The results of the year get their computed zone/category again from the new
 * bands, in the same transaction.
 */
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { validateBands, type BandProblem } from "@/lib/domain/classify";
import { parseScore } from "@/lib/domain/score";
import { validateWeights, type WeightProblem } from "@/lib/domain/weights";
import { CATEGORIES, ZONES, type Category, type Zone } from "@/lib/domain/types";
import { recordAudit } from "./audit";
import { storedClassification } from "./classification";
import { db } from "@/lib/db/client";
import { forbidden, invalid, notFound, unauthenticated, type WriteOutcome } from "./outcome";

type Client = PrismaClient | Prisma.TransactionClient;

export interface MethodologySnapshot {
  name: string;
  opinionName: string | null;
  bandsVerified: boolean;
  notes: string;
  sources: string;
  bands: { min: number; max: number; zone: string; category: string | null; label: string }[];
  /** Absent in audit rows written before dimensions were editable: then they are left as they are. */
  dimensions?: DimensionSnapshot[];
}

export interface DimensionSnapshot {
  code: string;
  name: string;
  /** Hundredths of a percent; null when not published. */
  weight: number | null;
  verified: boolean;
  notes: string;
}

export async function methodologySnapshot(prisma: Client, year: number): Promise<MethodologySnapshot | null> {
  const m = await prisma.methodology.findUnique({
    where: { year },
    include: { bands: { orderBy: { sortOrder: "asc" } }, dimensions: { orderBy: { sortOrder: "asc" } } },
  });
  if (!m) return null;
  return {
    name: m.name,
    opinionName: m.opinionName,
    bandsVerified: m.bandsVerified,
    notes: m.notes,
    sources: m.sources,
    bands: m.bands.map((b) => ({ min: b.min, max: b.max, zone: b.zone, category: b.category, label: b.label })),
    dimensions: m.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight, verified: d.verified, notes: d.notes })),
  };
}

/** The dimension codes of `codes` that results of the year have scores for, with how many. */
export async function dimensionsInUse(prisma: Client, year: number, codes: readonly string[]): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  if (codes.length === 0) return used;
  const rows = await prisma.result.findMany({ where: { year, dimensionScores: { not: null } }, select: { dimensionScores: true } });
  for (const row of rows) {
    const scores = JSON.parse(row.dimensionScores!) as Record<string, unknown>;
    for (const code of codes) if (code in scores) used.set(code, (used.get(code) ?? 0) + 1);
  }
  return used;
}

/** Codes the new snapshot drops that results still use: such a change is refused. */
export async function removedDimensionsInUse(prisma: Client, year: number, before: MethodologySnapshot, next: MethodologySnapshot): Promise<string[]> {
  if (!next.dimensions) return [];
  const kept = new Set(next.dimensions.map((d) => d.code));
  const removed = (before.dimensions ?? []).map((d) => d.code).filter((c) => !kept.has(c));
  const used = await dimensionsInUse(prisma, year, removed);
  return [...used].map(([code, n]) => `Dimensi ${code} dipakai oleh ${n} hasil tahun ${year}: tidak dapat dihapus.`);
}

/** Write a snapshot over the year's methodology and recompute the year's results. */
export async function writeMethodology(tx: Prisma.TransactionClient, year: number, snap: MethodologySnapshot): Promise<void> {
  await tx.methodology.update({
    where: { year },
    data: { name: snap.name, opinionName: snap.opinionName, bandsVerified: snap.bandsVerified, notes: snap.notes, sources: snap.sources },
  });
  await tx.methodologyBand.deleteMany({ where: { year } });
  const ordered = [...snap.bands].sort((a, b) => b.min - a.min);
  await tx.methodologyBand.createMany({ data: ordered.map((b, i) => ({ year, ...b, sortOrder: i })) });
  if (snap.dimensions) {
    await tx.methodologyDimension.deleteMany({ where: { year } });
    await tx.methodologyDimension.createMany({ data: snap.dimensions.map((d, i) => ({ year, ...d, sortOrder: i })) });
  }
  const methodology = {
    year,
    name: snap.name,
    bandsVerified: snap.bandsVerified,
    bands: ordered.map((b) => ({ ...b, zone: b.zone as Zone, category: b.category as Category | null })),
  };
  const results = await tx.result.findMany({ where: { year, score: { not: null } }, select: { id: true, score: true } });
  for (const r of results) {
    await tx.result.update({ where: { id: r.id }, data: storedClassification(r.score, methodology) });
  }
}

const bandSchema = z.object({
  min: z.string().transform((v, ctx) => {
    const p = parseScore(v);
    if (!p.ok) ctx.addIssue({ code: "custom", message: "Batas bawah harus nilai 0–100 dengan paling banyak dua desimal." });
    return p.ok ? p.hundredths : 0;
  }),
  max: z.string().transform((v, ctx) => {
    const p = parseScore(v);
    if (!p.ok) ctx.addIssue({ code: "custom", message: "Batas atas harus nilai 0–100 dengan paling banyak dua desimal." });
    return p.ok ? p.hundredths : 0;
  }),
  zone: z.enum(ZONES, { error: "Zona tidak valid." }),
  category: z.preprocess((v) => (v === "" ? null : v), z.enum(CATEGORIES, { error: "Kategori harus A–E." }).nullable()),
  label: z.string().trim().min(1, { error: "Label wajib diisi." }).max(100),
});

const dimensionSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "Kode dimensi: huruf kecil, angka atau garis bawah, diawali huruf." }),
  name: z.string().trim().min(1, { error: "Nama dimensi wajib diisi." }).max(200, { error: "Nama dimensi terlalu panjang." }),
  weight: z.string().transform((v, ctx) => {
    if (v.trim() === "") return null;
    const p = parseScore(v);
    if (!p.ok) ctx.addIssue({ code: "custom", message: "Bobot harus 0–100 (persen) dengan paling banyak dua desimal, atau kosong bila belum dipublikasikan." });
    return p.ok ? p.hundredths : null;
  }),
  verified: z.preprocess((v) => v === true || v === "on" || v === "1", z.boolean()),
  notes: z.string().trim().max(2000).default(""),
});

export function weightProblemMessage(p: WeightProblem): string {
  const f = (h: number) => (h / 100).toFixed(2).replace(".", ",");
  return p.kind === "over"
    ? `Jumlah bobot ${f(p.total)} % melebihi 100 %.`
    : `Jumlah bobot harus tepat 100 % bila semua dimensi berbobot (sekarang ${f(p.total)} %).`;
}

export const methodologyInputSchema = z.object({
  name: z.string().trim().min(1, { error: "Nama wajib diisi." }).max(200),
  opinionName: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(200).nullable()),
  bandsVerified: z.preprocess((v) => v === true || v === "on", z.boolean()),
  notes: z.string().trim().max(4000).default(""),
  sources: z.string().trim().max(8000).default(""),
  bands: z.array(bandSchema).min(1, { error: "Paling sedikit satu pita nilai." }),
  // Optional: a caller that does not send dimensions leaves them as they are.
  dimensions: z
    .array(dimensionSchema)
    .optional()
    .superRefine((dims, ctx) => {
      if (!dims) return;
      const seen = new Set<string>();
      dims.forEach((d, i) => {
        if (seen.has(d.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: `Kode dimensi ${d.code} dipakai dua kali.` });
        seen.add(d.code);
      });
      const problem = validateWeights(dims.map((d) => d.weight));
      if (problem) ctx.addIssue({ code: "custom", path: [], message: weightProblemMessage(problem) });
    }),
});

export function bandProblemMessage(p: BandProblem): string {
  const f = (h: number) => (h / 100).toFixed(2).replace(".", ",");
  switch (p.kind) {
    case "empty": return "Paling sedikit satu pita nilai.";
    case "inverted": return `Pita ke-${p.index + 1}: batas bawah lebih besar dari batas atas.`;
    case "gap": return `Ada celah: ${f(p.from)}–${f(p.to)} tidak tercakup.`;
    case "overlap": return `Pita tumpang tindih di ${f(p.at)}.`;
    case "start": return `Pita harus mulai dari 0, bukan ${f(p.min)}.`;
    case "end": return `Pita harus berakhir di 100, bukan ${f(p.max)}.`;
  }
}

export async function updateMethodology(actor: Actor | null, year: number, raw: unknown, prisma: PrismaClient = db()): Promise<WriteOutcome<null>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mengubah metodologi.");
  const before = await methodologySnapshot(prisma, year);
  if (!before) return notFound("Metodologi tidak ditemukan.");
  const parsed = methodologyInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
  const problems = validateBands(parsed.data.bands.map((b) => ({ ...b, category: b.category as Category | null })));
  if (problems.length > 0) {
    return invalid(problems.map((p) => ({ code: "custom" as const, path: ["bands"], message: bandProblemMessage(p), input: undefined })));
  }
  const snap: MethodologySnapshot = { ...parsed.data, bands: parsed.data.bands, dimensions: parsed.data.dimensions };
  if (snap.dimensions === undefined) delete snap.dimensions;
  const inUse = await removedDimensionsInUse(prisma, year, before, snap);
  if (inUse.length > 0) return invalid(inUse.map((message) => ({ code: "custom" as const, path: ["dimensions"], message, input: undefined })));
  await prisma.$transaction(
    async (tx) => {
      await writeMethodology(tx, year, snap);
      const after = await methodologySnapshot(tx, year);
      await recordAudit(tx, actor, { action: "UPDATE", targetType: "METHODOLOGY", targetId: year, year, before, after });
    },
    { timeout: 60_000 },
  );
  return { ok: true, value: null };
}
