import { join } from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadMethodologies } from "@/lib/db/methodologies";
import { seedFacts } from "./facts";
import { readMethodologies, seedMethodologies } from "./methodology";
import { seedReference } from "./reference";
import { seedResults } from "./results";

export const SEED_DIR = join(process.cwd(), "data", "seed");

export interface SeedSummary {
  results: number;
  sources: number;
  facts: number;
  createdEntities: number;
}

/**
 * Load the reference data, methodologies, published results and aggregate facts. Idempotent:
 * a second run adds nothing. Any row that cannot be matched aborts the whole seed with its
 * line number (the transaction leaves the database as it was).
 */
export async function seedDatabase(prisma: PrismaClient, dir: string = SEED_DIR): Promise<SeedSummary> {
  const methodologySeeds = readMethodologies(join(dir, "methodology.json"));
  return prisma.$transaction(
    async (tx) => {
      const client = tx as unknown as PrismaClient;
      await seedReference(client);
      await seedMethodologies(client, methodologySeeds);
      const methodologies = await loadMethodologies(client);
      const r = await seedResults(client, join(dir, "results.csv"), methodologies, "results.csv");
      const facts =
        (await seedFacts(client, join(dir, "aggregates.csv"), "aggregates.csv")) +
        (await seedFacts(client, join(dir, "supplement-aggregates.csv"), "supplement-aggregates.csv"));
      return { results: r.results, sources: r.sources, facts, createdEntities: r.createdEntities };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
