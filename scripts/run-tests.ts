/**
 * npm test — the whole suite: type check, lint, unit + integration (Vitest) on SQLite, e2e
 * (Playwright in Chromium) on SQLite, then on PostgreSQL: the integration suite again and the
 * two-instance e2e test, on a throwaway server (scripts/postgres/throwaway.ts) unless
 * RAPOR_TEST_POSTGRES_URL names one. Every stage runs even if an earlier one fails; the last
 * line printed is the total over all suites, "N passed, N failed", and the exit code is non-zero
 * on any failure. Without PostgreSQL installed its stages are skipped, and fail under CI.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, ROOT, scriptEnv } from "./lib";
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from "./postgres/throwaway";

interface Tally {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
  note?: string;
}

const OUT = join(ROOT, "test-results");
mkdirSync(OUT, { recursive: true });
const env = scriptEnv();
// The SQLite stages run on SQLite even when the caller names a PostgreSQL server for the others.
delete env.RAPOR_TEST_POSTGRES_URL;
const tallies: Tally[] = [];

let stageStarted = Date.now();
const elapsed = () => Math.round((Date.now() - stageStarted) / 1000);

function stage(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  console.log(`\n=== ${name}: ${[command.replace(ROOT + "/", ""), ...args].join(" ")}`);
  stageStarted = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function check(name: string, command: string, args: string[]): void {
  const ok = stage(name, command, args) === 0;
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: elapsed() });
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
}

/** A Vitest run counted from its JSON report; a run that crashed before reporting is one failure. */
function vitestStage(name: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const json = join(OUT, `vitest-${name.replace(/\W+/g, "-")}.json`);
  rmSync(json, { force: true });
  const status = stage(name, bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${json}`], extraEnv);
  const report = readJson(json) as VitestJson | null;
  tallies.push({
    name,
    passed: report?.numPassedTests ?? 0,
    // Never zero tests for a run that crashed.
    failed: report ? report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0) : 1,
    seconds: elapsed(),
  });
}

/** A Playwright run counted from its JSON report (E2E_JSON). */
function playwrightStage(name: string, args: string[], json: string, extraEnv: Record<string, string> = {}): void {
  rmSync(json, { force: true });
  const status = stage(name, bin("playwright"), ["test", ...args], { E2E_JSON: json, ...extraEnv });
  const report = readJson(json) as { stats: { expected: number; unexpected: number; flaky: number } } | null;
  tallies.push({
    name,
    passed: report ? report.stats.expected + report.stats.flaky : 0,
    failed: report ? report.stats.unexpected + (status !== 0 && report.stats.unexpected === 0 ? 1 : 0) : 1,
    seconds: elapsed(),
  });
}

/** The PostgreSQL server for its stages: RAPOR_TEST_POSTGRES_URL, or a throwaway one. */
async function postgresForTests(): Promise<{ url: string; server: ThrowawayPostgres | null } | { skipped: string }> {
  const given = process.env.RAPOR_TEST_POSTGRES_URL?.trim();
  if (given) return { url: given, server: null };
  if (!findPostgresBin()) return { skipped: "PostgreSQL is not installed (Debian: apt-get install postgresql)" };
  console.log("\n=== starting a throwaway PostgreSQL server on loopback");
  const server = await startThrowawayPostgres();
  console.log(`    ${server.url} in ${server.dir}`);
  return { url: server.url, server };
}

async function main(): Promise<number> {
  check("type check", bin("tsc"), ["--noEmit"]);
  check("lint", bin("eslint"), ["."]);
  vitestStage("unit + integration", []);
  playwrightStage("e2e", [], join(OUT, "e2e.json"));

  const postgres = await postgresForTests();
  if ("skipped" in postgres) {
    // CI must run both databases; a developer without PostgreSQL is told what was not run.
    const ci = Boolean(process.env.CI);
    console.log(`\n=== PostgreSQL stages ${ci ? "FAILED" : "skipped"}: ${postgres.skipped}`);
    tallies.push({ name: "PostgreSQL", passed: 0, failed: ci ? 1 : 0, seconds: 0, note: postgres.skipped });
  } else {
    const stop = () => postgres.server?.stop();
    process.once("exit", stop);
    try {
      const pgEnv = { RAPOR_TEST_POSTGRES_URL: postgres.url };
      vitestStage("integration on PostgreSQL", ["--project", "integration"], pgEnv);
      playwrightStage("two instances on PostgreSQL", ["-c", "tests/e2e-postgresql/playwright.config.ts"], join(OUT, "e2e-postgresql.json"), {
        E2E_POSTGRES_URL: postgres.url,
      });
    } finally {
      stop();
    }
  }

  console.log("\n=== summary");
  for (const t of tallies) {
    console.log(`  ${t.name.padEnd(30)} passed ${String(t.passed).padStart(3)}, failed ${t.failed}  (${t.seconds} s)${t.note ? `  ${t.note}` : ""}`);
  }
  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
  const line = `${passed} passed, ${failed} failed`;
  writeFileSync(join(OUT, "summary.txt"), line + "\n");
  // .ci/run prints the total itself as its very last line (npm may print after this script).
  if (!process.env.RAPOR_TOTAL_PRINTED_BY_CALLER) console.log(line);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm test: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    writeFileSync(join(OUT, "summary.txt"), "0 passed, 1 failed\n");
    if (!process.env.RAPOR_TOTAL_PRINTED_BY_CALLER) console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
