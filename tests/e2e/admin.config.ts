/**
 * The e2e config with a longer server start-up and reuse of a running server, for running the
 * admin spec while the shared tree changes (each change means a new production build, which
 * takes minutes on two cores): start `scripts/start.ts` on E2E_PORT once, then run
 * `npx playwright test -c tests/e2e/admin.config.ts tests/e2e/admin.spec.ts`.
 */
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

export default defineConfig({
  ...base,
  testDir: ".",
  // E2E_EXTERNAL_SERVER=1: the server on E2E_PORT is already running; start none.
  webServer: process.env.E2E_EXTERNAL_SERVER
    ? undefined
    : base.webServer && !Array.isArray(base.webServer)
      ? { ...base.webServer, timeout: 900_000, reuseExistingServer: true }
      : base.webServer,
});
