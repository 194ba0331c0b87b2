/**
 * Editing a year's methodology (ADMIN only): name, verification flag, notes, sources and the
 * score bands, which must cover 0–100 without gaps or overlaps (validateBands). The results
 * of the year get their computed zone/category again from the new bands, in the same transaction.
 */
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/auth/access";
import { classifyScore, validateBands, type BandProblem } from "@/lib/domain/classify";
import { parseScore } from "@/lib/domain/score";
import { CATEGORIES, ZONES, type Category, type Zone } from "@/lib/domain/types";
import { recordAudit } from "./audit";
import { db } from "./db";
import { forbidden, invalid, notFound, unauthenticated, type WriteOutcome } from "./write-outcome";

type Client = PrismaClient | Prisma.TransactionClient;

export interface MethodologySnapshot {
  name: string;
  opinionName: string | null;
  bandsVerified: boolean;
  notes: string;
  sources: string;
  bands: { min: number; max: number; zone: string; category: string | null; label: string }[];
}

export async function methodologySnapshot(prisma: Client, year: number): Promise<MethodologySnapshot | null> {
  const m = await prisma.methodology.findUnique({ where: { year }, include: { bands: { orderBy: { sortOrder: "asc" } } } });
  if (!m) return null;
  return {
    name: m.name,
    opinionName: m.opinionName,
    bandsVerified: m.bandsVerified,
    notes: m.notes,
    sources: m.sources,
    bands: m.bands.map((b) => ({ min: b.min, max: b.max, zone: b.zone, category: b.category, label: b.label })),
  };
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
  const methodology = {
    year,
    name: snap.name,
    bandsVerified: snap.bandsVerified,
    bands: ordered.map((b) => ({ ...b, zone: b.zone as Zone, category: b.category as Category | null })),
  };
  const results = await tx.result.findMany({ where: { year, score: { not: null } }, select: { id: true, score: true } });
  for (const r of results) {
    const c = classifyScore(r.score!, methodology);
    await tx.result.update({
      where: { id: r.id },
      data: { computedZone: c?.zone ?? null, computedCategory: c?.category ?? null, computedLabel: c?.label ?? null },
    });
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

export const methodologyInputSchema = z.object({
  name: z.string().trim().min(1, { error: "Nama wajib diisi." }).max(200),
  opinionName: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(200).nullable()),
  bandsVerified: z.preprocess((v) => v === true || v === "on", z.boolean()),
  notes: z.string().trim().max(4000).default(""),
  sources: z.string().trim().max(8000).default(""),
  bands: z.array(bandSchema).min(1, { error: "Paling sedikit satu pita nilai." }),
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
  const snap: MethodologySnapshot = { ...parsed.data, bands: parsed.data.bands };
  await prisma.$transaction(
    async (tx) => {
      await writeMethodology(tx, year, snap);
      await recordAudit(tx, actor, { action: "UPDATE", targetType: "METHODOLOGY", targetId: year, year, before, after: snap });
    },
    { timeout: 60_000 },
  );
  return { ok: true, value: null };
}
