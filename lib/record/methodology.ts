import type { PrismaClient } from "@/lib/generated/prisma/client";
import { publicDb } from "@/lib/db/replica";
import { loadMethodologies, type MethodologyRecord } from "@/lib/db/methodologies";

export type MethodologyDetail = Omit<MethodologyRecord, "dimensionCodes">;

/** Every year's method as stored (newest first), for the methodology page and the API. */
export async function getMethodologyDetails(prisma: PrismaClient = publicDb()): Promise<MethodologyDetail[]> {
  const all = await loadMethodologies(prisma);
  return [...all.values()].sort((a, b) => b.year - a.year).map(({ dimensionCodes: _codes, ...rest }) => {
    void _codes;
    return rest;
  });
}
