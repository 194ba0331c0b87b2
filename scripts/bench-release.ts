/**
 * npm run bench:release — how long a release takes to go public: on a fresh seeded SQLite file,
 * N drafts (BENCH_RELEASE_ROWS, default 30; then 500, of several years) are submitted as one release and
 * approved at once (publish now), and a scheduled one is carried out by `runDueReleases`; then
 * the release is withdrawn. Prints milliseconds per step (median of 5 runs each).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/ledger/access";
import { approveRelease, createRelease, runDueReleases } from "@/lib/ledger/releases";
import { withdrawRelease } from "@/lib/ledger/release-withdraw";
import { seedDatabase } from "@/lib/ledger/seed";
import { createUserWithPassword, actorForUser } from "@/lib/ledger/users";
import { migrate, scriptEnv } from "./lib";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rapor-bench-release-"));
  const url = `file:${join(dir, "bench.db")}`;
  migrate(scriptEnv({ DATABASE_URL: url }));
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma);
    const user = await createUserWithPassword({ email: "bench@example.org", role: "ADMIN", password: "bench release password 1" }, prisma);
    if (!user.ok) throw new Error(user.message);
    const admin = (await actorForUser(user.userId, "session", prisma)) as Actor;
    for (const rows of [Number(process.env.BENCH_RELEASE_ROWS ?? 30), 500]) {
      const times: Record<string, number[]> = { submit: [], publishNow: [], scheduled: [], withdraw: [] };
      for (let run = 0; run < 5; run++) {
        // Published results become drafts again: the release's content.
        const ids = (await prisma.result.findMany({ where: { status: "PUBLISHED", deletedAt: null }, select: { id: true }, orderBy: { id: "asc" }, take: rows })).map((r) => r.id);
        if (ids.length < rows) throw new Error(`only ${ids.length} published results`);
        await prisma.result.updateMany({ where: { id: { in: ids } }, data: { status: "DRAFT", publishedAt: null } });
        let t = performance.now();
        const submitted = await createRelease(admin, { name: `Bench ${rows}`, resultIds: ids, mode: "submit" }, prisma);
        if (!submitted.ok) throw new Error(submitted.message);
        times.submit!.push(performance.now() - t);
        t = performance.now();
        const approved = await approveRelease(admin, submitted.value.id, null, prisma);
        if (!approved.ok) throw new Error(approved.message);
        times.publishNow!.push(performance.now() - t);
        t = performance.now();
        const withdrawn = await withdrawRelease(admin, submitted.value.id, prisma);
        if (!withdrawn.ok) throw new Error(withdrawn.message);
        times.withdraw!.push(performance.now() - t);
        // The same drafts, scheduled, carried out by the scheduler's pass.
        const now = new Date();
        const scheduled = await createRelease(admin, { name: `Bench ${rows} terjadwal`, resultIds: ids, mode: "schedule", at: new Date(now.getTime() + 1000) }, prisma, now);
        if (!scheduled.ok) throw new Error(scheduled.message);
        t = performance.now();
        const done = await runDueReleases(prisma, new Date(now.getTime() + 2000));
        if (done.length !== 1) throw new Error("the scheduled release was not carried out");
        times.scheduled!.push(performance.now() - t);
      }
      console.log(`${rows} results: ${Object.entries(times).map(([k, v]) => `${k} ${median(v).toFixed(0)} ms`).join(", ")}`);
    }
  } finally {
    await prisma.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
