/**
 * npm run backup -- FILE
 * A consistent copy of the database (DATABASE_URL) into FILE, taken online with SQLite's backup
 * API: the server keeps serving and writing meanwhile. FILE must not exist yet.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { backupDatabase, inspectDatabase } from "@/lib/db/backup";
import { sqliteFilePath } from "@/lib/db/sqlite";
import { databaseUrl } from "@/lib/db/url";
import { ROOT, runCli } from "./lib";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    console.error("usage: npm run backup -- FILE");
    return 2;
  }
  const destination = resolve(args[0]!);
  if (existsSync(destination)) {
    console.error(`backup: ${destination} already exists; choose a new file name (nothing was overwritten)`);
    return 1;
  }
  const source = sqliteFilePath(databaseUrl(), ROOT);
  const started = Date.now();
  await backupDatabase(source, destination);
  const report = inspectDatabase(destination, resolve(ROOT, "prisma", "migrations"));
  if (!report.ok) {
    console.error(`backup: the copy is not usable: ${report.problems.join(" ")}`);
    return 1;
  }
  console.log(`backup: ${source} → ${destination}: ${report.results} results, migration ${report.applied.at(-1) ?? "(none)"} (${Date.now() - started} ms)`);
  return 0;
}

runCli("backup", main);
