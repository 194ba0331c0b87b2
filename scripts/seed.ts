/** npm run db:seed — load the real published data into DATABASE_URL (idempotent). */
import { createPrismaClient } from "@/lib/db/client";
import { seedDatabase } from "@/lib/ledger/seed";

async function main(): Promise<void> {
  const prisma = createPrismaClient();
  try {
    const started = Date.now();
    const summary = await seedDatabase(prisma);
    console.log(
      `seed: ${summary.results} results, ${summary.sources} source rows, ${summary.statements} group statements, ${summary.facts} published facts, ` +
        `${summary.createdEntities} entities created (${Date.now() - started} ms)`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
