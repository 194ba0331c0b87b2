/**
 * The one derivation of a result's stored zone, category and label (the `computed*` columns)
 * from its score and its year's bands. Every writer — the form and API, the importer (and the
 * seed through it), a methodology edit, every revert, the benchmark generator — stores what
 * this returns, so a stored value always agrees with the bands in force. The public record
 * derives the same from the same function of the domain (lib/domain/classify.ts) when it reads.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { classifyScore } from "@/lib/domain/classify";
import type { Methodology } from "@/lib/domain/types";
import { loadMethodology } from "@/lib/db/methodologies";

export interface StoredClassification {
  computedZone: string | null;
  computedCategory: string | null;
  computedLabel: string | null;
}

export function storedClassification(score: number | null, methodology: Methodology | null | undefined): StoredClassification {
  const c = score === null ? null : classifyScore(score, methodology);
  return { computedZone: c?.zone ?? null, computedCategory: c?.category ?? null, computedLabel: c?.label ?? null };
}

/** The same, reading the year's bands from the database (inside the caller's transaction). */
export async function storedClassificationFor(
  client: PrismaClient | Prisma.TransactionClient,
  year: number,
  score: number | null,
): Promise<StoredClassification> {
  if (score === null) return storedClassification(null, null);
  return storedClassification(score, await loadMethodology(client, year));
}
