/**
 * Two app instances on one PostgreSQL database (issue 16), against the production build:
 * instance A is started by the same `npm start` path as everywhere (migrate, load the real
 * data, build if needed, serve), instance B by the server alone on the same database, the
 * same build and the same session secret, as a second machine behind a load balancer would.
 *
 * E2E_POSTGRES_URL names the PostgreSQL server (npm test starts a throwaway one); each run gets
 * a database of its own, dropped afterwards. E2E_INSTANCE_PORTS="A,B" (default 3111,3112).
 */
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { defineConfig } from "@playwright/test";

const server = process.env.E2E_POSTGRES_URL;
if (!server) throw new Error("E2E_POSTGRES_URL must name a PostgreSQL server (npm test starts one)");
// Computed once in the runner and inherited by its workers through the environment.
process.env.E2E_PG_DATABASE_URL ??= (() => {
  const url = new URL(server);
  url.pathname = `/rapor_two_instances_${Date.now()}`;
  return url.toString();
})();
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_INSTANCE_PORTS ??= "3111,3112";
const [portA, portB] = process.env.E2E_INSTANCE_PORTS.split(",").map(Number) as [number, number];

const ROOT = resolve(__dirname, "..", "..");
const env = {
  DATABASE_URL: process.env.E2E_PG_DATABASE_URL,
  BETTER_AUTH_SECRET: process.env.E2E_AUTH_SECRET,
  NEXT_TELEMETRY_DISABLED: "1",
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
};

export default defineConfig({
  testDir: ".",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e-postgresql-artifacts",
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? "test-results/e2e-postgresql.json" }]],
  globalTeardown: "./drop-database.ts",
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // Started one after the other: B only once A has migrated, loaded and built.
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/db-migrate.ts --create-database && node_modules/.bin/tsx scripts/start.ts",
      url: `http://127.0.0.1:${portA}/api/health`,
      cwd: ROOT,
      env: { ...env, PORT: String(portA) },
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: "node_modules/.bin/tsx scripts/server.ts",
      url: `http://127.0.0.1:${portB}/api/health`,
      cwd: ROOT,
      env: { ...env, PORT: String(portB) },
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
