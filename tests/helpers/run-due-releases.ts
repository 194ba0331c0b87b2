/**
 * One scheduler pass in its own process (as one app instance would run it), for the race test of
 * tests/integration/releases.test.ts: waits until AT (epoch ms) so that both processes start
 * together, runs the due releases as of NOW (epoch ms) and prints the ids it published as JSON.
 */
import { createPrismaClient } from "@/lib/db/client";
import { runDueReleases } from "@/lib/ledger/releases";

async function main(): Promise<void> {
  const [url, at, now] = [process.env.DATABASE_URL!, Number(process.argv[2]), Number(process.argv[3])];
  const prisma = createPrismaClient(url);
  await prisma.release.count();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
  try {
    console.log(JSON.stringify(await runDueReleases(prisma, new Date(now))));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
