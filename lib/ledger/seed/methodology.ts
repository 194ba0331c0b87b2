import { readFileSync } from "node:fs";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { validateBands } from "@/lib/domain/classify";
import { parseScore } from "@/lib/domain/score";
import { CATEGORIES, ZONES, type Band } from "@/lib/domain/types";

const hundredths = z.string().transform((text, ctx) => {
  const parsed = parseScore(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: `not a score: "${text}"` });
    return z.NEVER;
  }
  return parsed.hundredths;
});

const methodologyFileSchema = z.array(
  z.object({
    year: z.number().int(),
    name: z.string().min(1),
    opinionName: z.string().nullable(),
    bandsVerified: z.boolean(),
    notes: z.string(),
    sources: z.array(z.url()),
    bands: z.array(
      z.object({
        min: hundredths,
        max: hundredths,
        zone: z.enum(ZONES),
        category: z.enum(CATEGORIES).nullable(),
        label: z.string().min(1),
      }),
    ),
    dimensions: z.array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        weight: hundredths.nullable(),
        verified: z.boolean(),
        notes: z.string(),
      }),
    ),
  }),
);

export type MethodologySeed = z.infer<typeof methodologyFileSchema>[number];

export function readMethodologies(path: string): MethodologySeed[] {
  const seeds = methodologyFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  for (const m of seeds) {
    if (m.bands.length === 0) continue;
    const problems = validateBands(m.bands as Band[]);
    if (problems.length > 0) throw new Error(`${path}: bands of ${m.year} invalid: ${JSON.stringify(problems)}`);
  }
  return seeds;
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
