/**
 * Issue 15 (1), the cross-origin column of the authorization matrix over HTTP: with an admin's
 * valid session cookie, a request from another origin to any state-changing entry point — each
 * server action of the build (its manifest lists them with their files) and each route handler
 * exporting POST/PATCH/PUT/DELETE — changes nothing. The same requests from this origin do reach
 * their targets (a sign-out action, a write route's validation), so the refusals are not an
 * artefact of how they are sent.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const EMAIL = "e2e-cross-origin@example.org";
const PASSWORD = "e2e only: cross origin admin password";
const EVIL = "http://evil.example";

function fingerprint(): string {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly: true });
  try {
    const hash = createHash("sha256");
    for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]) {
      if (name === "RateLimit" || name === "SignInThrottle") continue;
      hash.update(name);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row));
    }
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

const sessions = () => {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE u.email = ?`).get(EMAIL) as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Sign in on the sign-in page (a server action: not subject to the per-IP limit of the HTTP endpoint); the session cookie. */
async function adminCookie(page: Page): Promise<string> {
  await page.context().clearCookies();
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Server actions of the build, with a page that loads each (dynamic segments filled in). */
function serverActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(join(DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page = "/" + worker.replace(/^app\//, "").replace(/\/page$/, "").replace(/\[[^\]]+\]/g, "1");
    return { id, name: `${entry.filename}#${entry.exportedName}`, page };
  });
}

/** Route handlers with a state-changing method, from the app folder. */
function routeWrites(): { path: string; method: string }[] {
  const found: { path: string; method: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/^route\.tsx?$/.test(entry.name)) {
        for (const m of readFileSync(path, "utf8").matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(POST|PUT|PATCH|DELETE)\b/g)) {
          const url = "/" + dir.replace(/^app\/?/, "").replace(/\[\.\.\.[^\]]+\]/g, "sign-out").replace(/\[[^\]]+\]/g, "1");
          found.push({ path: url, method: m[1]! });
        }
      }
    }
  };
  visit("app");
  return found;
}

test.beforeAll(() => {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", EMAIL, "--name", "E2E Cross Origin"], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
});

test("every server action and every write route refuses another origin, even with an admin's cookie", async ({ page, request, baseURL }) => {
  const actions = serverActions();
  const routes = routeWrites();
  // The build has as many actions as the code has "use server" exports (the integration matrix lists them).
  expect(actions.length).toBeGreaterThanOrEqual(17);
  expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
    ["DELETE /api/v1/results/1", "PATCH /api/v1/results/1", "POST /admin/impor/unggah", "POST /api/auth/sign-out", "POST /api/v1/results"].sort(),
  );
  const cookie = await adminCookie(page);
  const before = fingerprint();
  const refusals: Record<string, number> = {};
  for (const action of actions) {
    const response = await request.post(action.page, {
      headers: { cookie, origin: EVIL, "sec-fetch-site": "cross-site", "next-action": action.id, "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    refusals[action.name] = response.status();
    expect(response.status(), action.name).toBeGreaterThanOrEqual(400);
  }
  for (const route of routes) {
    const response = await request.fetch(route.path, {
      method: route.method,
      headers: { cookie, origin: EVIL, "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      data: '{"entityId":367,"year":2024,"score":"50"}',
      maxRedirects: 0,
    });
    refusals[`${route.method} ${route.path}`] = response.status();
    expect(response.status(), `${route.method} ${route.path}`).toBe(403);
  }
  expect(fingerprint()).toBe(before);
  const open = sessions();
  expect(open).toBeGreaterThan(0);
  test.info().annotations.push({ type: "refusals", description: JSON.stringify(refusals) });

  // The same requests from this origin reach their targets: sign-out by server action, and by route.
  const signOut = actions.find((a) => a.name.endsWith("#signOutAction"))!;
  const own = await request.post(signOut.page, {
    headers: { cookie, origin: baseURL!, "next-action": signOut.id, "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(own.status()).toBeLessThan(400);
  expect(sessions()).toBe(open - 1);
  // A write route from this origin reaches its handler: an empty body is a 422 there, not a 403.
  const second = await adminCookie(page);
  const reached = await request.post("/api/v1/results", { headers: { cookie: second, origin: baseURL!, "content-type": "application/json" }, data: {} });
  expect(reached.status()).toBe(422);
});
