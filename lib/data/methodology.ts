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
