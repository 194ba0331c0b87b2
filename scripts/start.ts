/**
 * npm start — apply migrations, load the real data into an empty database, build if the
 * sources changed since the last build, and serve on PORT (default 3000).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { replicaUrl } from "@/lib/db/replica";
import { databaseProvider, redactUrl } from "@/lib/db/url";
import { seedDatabase } from "@/lib/ledger/seed";
import { bin, buildIsCurrent, distDir, migrate, ROOT, run, scriptEnv, serverArgs, sourceFingerprint } from "./lib";

async function main(): Promise<void> {
  const env = scriptEnv();
  process.env.DATABASE_URL = env.DATABASE_URL;
  console.log(`rapor: database ${redactUrl(env.DATABASE_URL!)}`);
  if (databaseProvider(env.DATABASE_URL) === "postgresql" && !env.BETTER_AUTH_SECRET?.trim()) {
    // Checked before building: every instance on one database must sign sessions alike.
    throw new Error("BETTER_AUTH_SECRET is not set: on PostgreSQL every instance must sign sessions with the same secret (e.g. openssl rand -base64 32)");
  }
  replicaUrl();
  const args = serverArgs(env);
  migrate(env);

  const prisma = createPrismaClient(env.DATABASE_URL);
  try {
    if ((await prisma.result.count()) === 0) {
      console.log("rapor: empty database, loading the published results…");
      const summary = await seedDatabase(prisma);
      console.log(`rapor: loaded ${summary.results} results from ${summary.sources} source rows, ${summary.facts} published facts`);
    }
  } finally {
    await prisma.$disconnect();
  }

  if (!buildIsCurrent()) {
    console.log("rapor: building the app (first start or sources changed)…");
    const fingerprint = sourceFingerprint();
    run(bin("next"), ["build"], { env });
    writeFileSync(join(distDir(), "rapor-source-fingerprint"), fingerprint);
  }

  const port = process.env.PORT ?? "3000";
  console.log(`rapor: serving on http://localhost:${port}`);
  // Next.js behind the response cache (scripts/server.ts); no host argument: with one, Next
  // 16.2.6+ answers the i18n proxy's locale rewrites with a 307 loop (vercel/next.js#94342).
  // Node with tsx's loader, not the tsx command: that wrapper relays a signal and, when a busy
  // server does not acknowledge it within 30 ms, kills it outright (cutting off its requests).
  const server = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...env, PORT: port } });
  // Pass SIGTERM/SIGINT on once, then wait for the server to finish its requests and exit
  // (scripts/server.ts drains them). `npm start` runs this with exec, so npm's signal reaches us.
  let forwarded = false;
  const stop = (signal: NodeJS.Signals) => {
    if (forwarded) return;
    forwarded = true;
    server.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(`rapor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
