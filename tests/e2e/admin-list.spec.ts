/**
 * Issue 17, item 5, end to end in Chromium on the real data: the admin's result list pages,
 * filters by province and status in the URL, downloads what it shows, links each published
 * result to its public page and reads at 390 px without sideways scrolling; the admin's
 * not-found and forbidden pages are Indonesian and keep the admin navigation; a score's error
 * says what is wrong and goes once the value is edited.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: list harbour copper kite";
const ADMIN = "e2e-list-admin@example.org";
const EDITOR = "e2e-list-editor@example.org";

function sqlite<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function createUser(email: string, extra: string[]) {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", email, "--name", "E2E Daftar", ...extra], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
}

async function signIn(page: Page, email: string) {
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
}

async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: `test-results/screenshots/${name}-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `test-results/screenshots/${name}-1366.png`, fullPage: true });
}

test.beforeAll(() => {
  createUser(ADMIN, []);
  createUser(EDITOR, ["--role", "EDITOR", "--province", "63"]);
});

test("the result list pages, filters by province and status, downloads what it shows and links to public pages", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, ADMIN);
  const total = sqlite((db) => (db.prepare("SELECT COUNT(*) AS n FROM Result").get() as { n: number }).n);
  await expect(page.getByText(`Baris 1–50 dari ${total} hasil.`)).toBeVisible();
  const pagination = page.getByRole("navigation", { name: "Halaman daftar hasil" });
  await expect(pagination).toContainText(`Halaman 1 dari ${Math.ceil(total / 50)}`);
  await pagination.getByRole("link", { name: "Berikutnya →" }).click();
  await expect(page).toHaveURL(/halaman=2$/);
  await expect(page.getByText(`Baris 51–100 dari ${total} hasil.`)).toBeVisible();

  // Province and status: kept in the URL, and in the pages' and the download's links.
  await page.locator("select[name=provinsi]").selectOption({ label: "Kalimantan Selatan" });
  await page.locator("select[name=status]").selectOption("PUBLISHED");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/provinsi=\d+.*status=PUBLISHED/);
  const kalsel = sqlite(
    (db) =>
      (db.prepare("SELECT COUNT(*) AS n FROM Result r JOIN Province p ON p.id = r.provinceId WHERE p.code = '63' AND r.status = 'PUBLISHED' AND r.deletedAt IS NULL").get() as { n: number }).n,
  );
  await expect(page.locator("[data-total]")).toHaveAttribute("data-total", String(kalsel));
  const rows = page.locator("tr[data-result-id]");
  expect(await rows.count()).toBe(Math.min(50, kalsel));
  for (const text of await rows.allTextContents()) expect(text).toContain("Kalimantan Selatan");
  await fitsPhone(page, "admin-results");

  // Every published result links to its public page.
  const link = rows.first().locator("[data-public-link]");
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/instansi\/[a-z0-9-]+$/);
  expect((await page.request.get(href)).status()).toBe(200);

  // The download: the rows of the filter, every page of them.
  const csvHref = (await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href"))!;
  expect(csvHref).toMatch(/^\/admin\/hasil\/unduh\?provinsi=\d+&status=PUBLISHED&format=csv$/);
  const csv = await page.request.get(csvHref);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trimEnd().split("\n");
  expect(lines[0]).toBe("id,tahun,jenis,instansi,provinsi,nilai,zona_hitung,kategori_hitung,status,revisi_menunggu,diubah,oleh,halaman_publik");
  expect(lines).toHaveLength(kalsel + 1);
  const xlsx = await page.request.get(csvHref.replace("format=csv", "format=xlsx"));
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
});

test("not found and forbidden: Indonesian pages inside the admin layout", async ({ page }) => {
  await signIn(page, EDITOR);
  // A result outside the editor's province: 404, in the admin layout, in Indonesian.
  const outside = sqlite(
    (db) => db.prepare("SELECT r.id FROM Result r JOIN Entity e ON e.id = r.entityId JOIN Province p ON p.id = e.provinceId WHERE p.code = '35' LIMIT 1").get() as { id: number },
  );
  const response = await page.goto(`/admin/hasil/${outside.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await expect(page.getByRole("navigation", { name: "Menu admin" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("This page could not be found");
  await fitsPhone(page, "admin-not-found");
  // An admin page: the forbidden page, with the editor's navigation.
  await page.goto("/admin/pengguna");
  await expect(page).toHaveURL(/\/admin\/terlarang\?larangan=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akses ditolak");
  await expect(page.getByText("Anda masuk sebagai editor")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu admin" })).toBeVisible();
});

test("a score out of range is said to be out of range, and the message goes once the value is edited", async ({ page }) => {
  await signIn(page, EDITOR);
  const draft = sqlite(
    (db) =>
      db
        .prepare("SELECT r.id FROM Result r JOIN Entity e ON e.id = r.entityId JOIN Province p ON p.id = e.provinceId WHERE p.code = '63' AND r.deletedAt IS NULL AND r.score IS NOT NULL LIMIT 1")
        .get() as { id: number },
  );
  await page.goto(`/admin/hasil/${draft.id}`);
  const score = page.locator("#score");
  await score.fill("8850");
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  const error = page.locator("#score-error");
  await expect(error).toHaveText("Nilai harus antara 0 dan 100.");
  await expect(score).toHaveAttribute("aria-invalid", "true");
  await score.fill("88,50");
  await expect(error).toHaveCount(0);
  await expect(score).not.toHaveAttribute("aria-invalid", "true");
});
