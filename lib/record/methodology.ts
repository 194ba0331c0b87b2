import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MethodologyRecord } from "@/lib/db/methodologies";
import { getPublicDataset, type PublicDataset } from "./dataset";

export type MethodologyDetail = Omit<MethodologyRecord, "dimensionCodes">;

/** Every year's method as stored (newest first), for the methodology page and the API. */
export function methodologyDetails(dataset: PublicDataset): MethodologyDetail[] {
  return [...dataset.methodologies.values()]
    .sort((a, b) => b.year - a.year)
    .map((m) => ({ year: m.year, name: m.name, bandsVerified: m.bandsVerified, bands: m.bands, opinionName: m.opinionName, notes: m.notes, sources: m.sources, dimensions: m.dimensions }));
}

export async function getMethodologyDetails(prisma?: PrismaClient): Promise<MethodologyDetail[]> {
  return methodologyDetails(await getPublicDataset(prisma));
}
