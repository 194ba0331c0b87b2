import { readFileSync } from "node:fs";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bandSchema, checkBandCoverage, dimensionsSchema } from "../schemas/methodology";

/**
 * data/seed/methodology.json: each year's method, with the same rules for a band and a
 * dimension as the admin's methodology form. A year whose bands are not known yet has none.
 */
const methodologyFileSchema = z.array(
  z.object({
    year: z.number().int(),
    name: z.string().min(1),
    opinionName: z.string().nullable(),
    bandsVerified: z.boolean(),
    notes: z.string(),
    sources: z.array(z.url()),
    bands: z.array(bandSchema).superRefine((bands, ctx) => {
      if (bands.length > 0) checkBandCoverage(bands, ctx);
    }),
    dimensions: dimensionsSchema,
  }),
);

export type MethodologySeed = z.infer<typeof methodologyFileSchema>[number];

export function readMethodologies(path: string): MethodologySeed[] {
  const parsed = methodologyFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Create the methodology of each year that has none. An admin's later edits are kept. */
export async function seedMethodologies(prisma: PrismaClient, seeds: readonly MethodologySeed[]): Promise<void> {
  const existing = new Set((await prisma.methodology.findMany({ select: { year: true } })).map((m) => m.year));
  for (const m of seeds) {
    if (existing.has(m.year)) continue;
    await prisma.methodology.create({
      data: {
        year: m.year,
        name: m.name,
        opinionName: m.opinionName,
        bandsVerified: m.bandsVerified,
        notes: m.notes,
        sources: m.sources.join("\n"),
        bands: {
          create: m.bands.map((b, i) => ({ ...b, sortOrder: i })),
        },
        dimensions: {
          create: m.dimensions.map((d, i) => ({ ...d, sortOrder: i })),
        },
      },
    });
  }
}
