/**
 * npm test — the whole suite: type check, lint, unit + integration (Vitest), e2e (Playwright
 * in Chromium). Every stage runs even if an earlier one fails; the last line printed is the
 * total over all suites, "N passed, N failed", and the exit code is non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, ROOT, scriptEnv } from "./lib";

interface Tally {
  name: string;
  passed: number;
  failed: number;
}

const OUT = join(ROOT, "test-results");
mkdirSync(OUT, { recursive: true });
const env = scriptEnv();
const tallies: Tally[] = [];

function stage(name: string, command: string, args: string[]): number {
  console.log(`\n=== ${name}: ${[command.replace(ROOT + "/", ""), ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  return result.status ?? 1;
}

function check(name: string, command: string, args: string[]): void {
  const ok = stage(name, command, args) === 0;
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

check("type check", bin("tsc"), ["--noEmit"]);
check("lint", bin("eslint"), ["."]);

const vitestJson = join(OUT, "vitest.json");
rmSync(vitestJson, { force: true });
const vitestStatus = stage("unit + integration", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson) as { numPassedTests: number; numFailedTests: number } | null;
tallies.push({
  name: "unit + integration",
  passed: vitest?.numPassedTests ?? 0,
  // A run that crashed before reporting counts as one failure, never as zero tests.
  failed: vitest ? vitest.numFailedTests + (vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0) : 1,
});

const e2eJson = join(OUT, "e2e.json");
rmSync(e2eJson, { force: true });
const e2eStatus = stage("e2e", bin("playwright"), ["test"]);
const e2e = readJson(e2eJson) as { stats: { expected: number; unexpected: number; flaky: number } } | null;
tallies.push({
  name: "e2e",
  passed: e2e ? e2e.stats.expected + e2e.stats.flaky : 0,
  failed: e2e ? e2e.stats.unexpected + (e2eStatus !== 0 && e2e.stats.unexpected === 0 ? 1 : 0) : 1,
});

console.log("\n=== summary");
for (const t of tallies) console.log(`  ${t.name.padEnd(20)} passed ${t.passed}, failed ${t.failed}`);
const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(join(OUT, "summary.txt"), line + "\n");
// .ci/run prints the total itself as its very last line (npm may print after this script).
if (!process.env.RAPOR_TOTAL_PRINTED_BY_CALLER) console.log(line);
process.exit(failed > 0 ? 1 : 0);
