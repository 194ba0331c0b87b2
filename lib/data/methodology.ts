import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Category, Methodology, Zone } from "@/lib/domain/types";
import { db } from "./db";

/** Every year's methodology with its bands, as the domain core uses it. */
export async function getMethodologies(prisma: PrismaClient = db()): Promise<Map<number, Methodology>> {
  const rows = await prisma.methodology.findMany({ include: { bands: { orderBy: { sortOrder: "asc" } } } });
  return new Map(
    rows.map((m) => [
      m.year,
      {
        year: m.year,
        name: m.name,
        bandsVerified: m.bandsVerified,
        bands: m.bands.map((b) => ({
          min: b.min,
          max: b.max,
          zone: b.zone as Zone,
          category: b.category as Category | null,
          label: b.label,
        })),
      },
    ]),
  );
}

export interface MethodologyDetail {
  year: number;
  name: string;
  opinionName: string | null;
  bandsVerified: boolean;
  notes: string;
  sources: string[];
  bands: { min: number; max: number; zone: Zone; category: Category | null; label: string }[];
  dimensions: { code: string; name: string; weight: number | null; verified: boolean; notes: string }[];
}

/** Every year's method as stored (newest first), for the methodology page. */
export async function getMethodologyDetails(prisma: PrismaClient = db()): Promise<MethodologyDetail[]> {
  const rows = await prisma.methodology.findMany({
    orderBy: { year: "desc" },
    include: { bands: { orderBy: { sortOrder: "asc" } }, dimensions: { orderBy: { sortOrder: "asc" } } },
  });
  return rows.map((m) => ({
    year: m.year,
    name: m.name,
    opinionName: m.opinionName,
    bandsVerified: m.bandsVerified,
    notes: m.notes,
    sources: m.sources.split("\n").map((s) => s.trim()).filter(Boolean),
    bands: m.bands.map((b) => ({ min: b.min, max: b.max, zone: b.zone as Zone, category: b.category as Category | null, label: b.label })),
    dimensions: m.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight, verified: d.verified, notes: d.notes })),
  }));
}
