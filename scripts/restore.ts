/**
 * npm run restore -- FILE [--yes]
 * Replace the database (DATABASE_URL) with a backup made by `npm run backup`. Refused while a
 * server runs on it, and for a file that is not a Rapor database at a migration this code knows.
 * Asks for confirmation (or --yes); the database replaced is first kept as a backup beside it.
 * Migrations the backup lacks are applied afterwards.
 */
import { existsSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, inspectDatabase, restoreDatabase } from "@/lib/db/backup";
import { liveServerOf } from "@/lib/db/server-marker";
import { sqliteFilePath } from "@/lib/db/sqlite";
import { databaseUrl } from "@/lib/db/url";
import { migrate, ROOT, runCli, scriptEnv } from "./lib";

async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === "ya" || answer === "yes";
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { yes: { type: "boolean", default: false } } });
  if (positionals.length !== 1) {
    console.error("usage: npm run restore -- FILE [--yes]");
    return 2;
  }
  const backup = resolve(positionals[0]!);
  const target = sqliteFilePath(databaseUrl(), ROOT);
  if (backup === target) {
    console.error("restore: the backup is the database itself");
    return 1;
  }
  const server = liveServerOf(target);
  if (server) {
    console.error(`restore: a server is running on ${target} (pid ${server.pid}, port ${server.port}); stop it first (nothing was changed)`);
    return 1;
  }
  const migrations = resolve(ROOT, "prisma", "migrations");
  const report = inspectDatabase(backup, migrations);
  if (!report.ok) {
    console.error(`restore: ${backup} cannot be restored: ${report.problems.join(" ")} (nothing was changed)`);
    return 1;
  }
  const current = existsSync(target) ? inspectDatabase(target, migrations) : null;
  const describe = `${backup}: ${report.results} results, migration ${report.applied.at(-1)}${report.pending.length ? ` (${report.pending.length} newer migration(s) will be applied)` : ""}`;
  console.error(`restore: ${describe}`);
  if (current) console.error(`restore: replaces ${target}: ${current.results ?? "?"} results`);
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      console.error("restore: confirm with --yes (no terminal to ask on; nothing was changed)");
      return 1;
    }
    if (!(await confirmed("Ganti basis data dengan cadangan ini? Ketik 'ya' untuk melanjutkan: "))) {
      console.error("restore: cancelled; nothing was changed");
      return 1;
    }
  }
  if (current) {
    // Nothing is lost: the database being replaced is kept as a backup first.
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const kept = join(dirname(target), `${basename(target)}.before-restore-${stamp}`);
    await backupDatabase(target, kept);
    console.error(`restore: the current database is kept in ${kept}`);
  }
  await restoreDatabase(backup, target);
  if (report.pending.length > 0) migrate(scriptEnv());
  const after = inspectDatabase(target, migrations);
  if (!after.ok || after.pending.length > 0) {
    console.error(`restore: the restored database does not check out: ${after.problems.join(" ")} ${after.pending.join(", ")}`);
    return 1;
  }
  console.log(`restore: ${target} restored from ${backup}: ${after.results} results, migration ${after.applied.at(-1)}`);
  return 0;
}

runCli("restore", main);
