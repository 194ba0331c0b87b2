/**
 * Issue 15 (4, 5) through the browser against the production build:
 * - five wrong passwords on the sign-in form are five answers (no HTTP 500), and the sixth
 *   attempt, with the right password, is refused: the account is locked;
 * - a Windows-1252 CSV uploaded in the import form is previewed with its accents and a notice
 *   saying how it was read (screenshots at 1366 and 390 px).
 */
import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const PASSWORD = "e2e only: lockout staple battery";
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";

function createUser(email: string, role = "ADMIN"): void {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", email, "--name", "E2E Lockout", "--role", role], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
}

async function shoot(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the sign-in form locks an account after five wrong passwords, without an error page", async ({ page }) => {
  // A fresh account each run (the lock lasts five minutes on a database kept between runs).
  const email = `e2e-lockout-${Date.now()}@example.org`;
  createUser(email);
  const statuses: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST" && new URL(response.url()).pathname === "/admin/masuk") statuses.push(response.status());
  });
  await page.goto("/admin/masuk");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill(`wrong password number ${i}`);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.locator(`main [role="alert"]`)).toHaveText("Email atau kata sandi salah.");
    await expect.poll(() => statuses.length).toBe(i);
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator(`main [role="alert"]`)).toHaveText("Terlalu banyak percobaan gagal. Coba lagi dalam 5 menit.");
  await expect(page).toHaveURL(/\/admin\/masuk$/);
  expect(statuses).toHaveLength(6);
  expect(statuses.every((s) => s === 200)).toBe(true);
  await shoot(page, "sign-in-locked");
  // The lock holds for a new page load too (it is the account's, not the browser's).
  await page.goto("/admin/hasil");
  await expect(page).toHaveURL(/\/admin\/masuk$/);
});

test("a Windows-1252 CSV is previewed with its accents and a notice saying how it was read", async ({ page }) => {
  const email = "e2e-encoding@example.org";
  createUser(email);
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  await page.goto("/admin/impor");
  const text = `${HEADER}\n2025,POLRES,Façade Müller,KALIMANTAN SELATAN,88.10,,,,,,https://sumber.example/latin1,catatan é\n`;
  await page.locator("#file").setInputFiles({ name: "dari-excel.csv", mimeType: "text/csv", buffer: Buffer.from(text, "latin1") });
  await page.getByLabel(/Buat instansi baru/).check();
  await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();
  const notice = page.locator('[data-encoding="Windows-1252"]');
  await expect(notice).toContainText("Windows-1252 (Latin-1)");
  await expect(page.getByText("Façade Müller").first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText("\uFFFD");
  await shoot(page, "import-encoding-notice");
});
