/**
 * Editing a year's methodology (ADMIN only): name, verification flag, notes, sources, the
 * score bands and the dimensions with their weights, valid as lib/ledger/schemas/methodology.ts
 * says (a dimension results have scores for cannot be removed either). The results of the year get their computed zone/category again from the new
 * bands, in the same transaction.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import type { Category, Zone } from "@/lib/domain/types";
import { methodologyInputSchema } from "./schemas/methodology";
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

export async function updateMethodology(actor: Actor | null, year: number, raw: unknown, prisma: PrismaClient = db()): Promise<WriteOutcome<null>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mengubah metodologi.");
  const before = await methodologySnapshot(prisma, year);
  if (!before) return notFound("Metodologi tidak ditemukan.");
  const parsed = methodologyInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
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
