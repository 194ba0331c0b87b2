/**
 * Methodology rows as the rest of the code uses them: the one mapping from the database's
 * Methodology / MethodologyBand / MethodologyDimension rows to the domain's Methodology, read
 * alike by the public record (lib/record) and the write side (lib/ledger).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Category, Methodology, Zone } from "@/lib/domain/types";

export interface MethodologyDimensionRecord {
  code: string;
  name: string;
  /** Hundredths of a percent (21,85 % → 2185); null when not published. */
  weight: number | null;
  verified: boolean;
  notes: string;
}

/** A year's method with everything stored about it. */
export interface MethodologyRecord extends Methodology {
  opinionName: string | null;
  notes: string;
  sources: string[];
  dimensions: MethodologyDimensionRecord[];
  dimensionCodes: string[];
}

export const METHODOLOGY_INCLUDE = {
  bands: { orderBy: { sortOrder: "asc" } },
  dimensions: { orderBy: { sortOrder: "asc" } },
} as const satisfies Prisma.MethodologyInclude;

type MethodologyRow = Prisma.MethodologyGetPayload<{ include: typeof METHODOLOGY_INCLUDE }>;

export function methodologyFromRow(m: MethodologyRow): MethodologyRecord {
  const dimensions = m.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight, verified: d.verified, notes: d.notes }));
  return {
    year: m.year,
    name: m.name,
    bandsVerified: m.bandsVerified,
    bands: m.bands.map((b) => ({ min: b.min, max: b.max, zone: b.zone as Zone, category: b.category as Category | null, label: b.label })),
    opinionName: m.opinionName,
    notes: m.notes,
    sources: m.sources.split("\n").map((s) => s.trim()).filter(Boolean),
    dimensions,
    dimensionCodes: dimensions.map((d) => d.code),
  };
}

type Client = PrismaClient | Prisma.TransactionClient;

/** Every year's methodology (or only the years given), by year. */
export async function loadMethodologies(prisma: Client, years?: readonly number[]): Promise<Map<number, MethodologyRecord>> {
  const rows = await prisma.methodology.findMany({
    where: years ? { year: { in: [...years] } } : undefined,
    include: METHODOLOGY_INCLUDE,
    orderBy: { year: "asc" },
  });
  return new Map(rows.map((m) => [m.year, methodologyFromRow(m)]));
}

export async function loadMethodology(prisma: Client, year: number): Promise<MethodologyRecord | null> {
  const row = await prisma.methodology.findUnique({ where: { year }, include: METHODOLOGY_INCLUDE });
  return row ? methodologyFromRow(row) : null;
}
