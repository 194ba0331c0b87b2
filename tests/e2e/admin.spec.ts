/**
 * Issue 5 end to end, in Chromium against the production build: sign in, enter a result with
 * a bad score (the error shows next to the field), fix it, publish the year's drafts of that
 * type, and see the result on the public entity page — absent from it while it is a draft.
 * The admin is created with `npm run admin:create` (password on stdin) on the e2e database.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const EMAIL = "e2e-admin@example.org";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: correct horse battery staple";
const YEAR = 2024;

interface Target {
  id: number;
  slug: string;
  name: string;
}

/** A Kalimantan Selatan land office with no result for YEAR yet (the run may repeat on one database). */
function freeEntity(): Target {
  const file = resolve(DATABASE_URL.replace(/^file:/, ""));
  const sqlite = new Database(file, { readonly: true });
  try {
    const row = sqlite
      .prepare(
        `SELECT e.id, e.slug, e.name FROM Entity e JOIN Province p ON p.id = e.provinceId
         WHERE p.code = '63' AND e.type = 'KANTOR_PERTANAHAN'
           AND NOT EXISTS (SELECT 1 FROM Result r WHERE r.entityId = e.id AND r.year = ?)
         ORDER BY e.id LIMIT 1`,
      )
      .get(YEAR) as Target | undefined;
    if (!row) throw new Error("no free entity left in the e2e database: delete it to start over");
    return row;
  } finally {
    sqlite.close();
  }
}

test.beforeAll(() => {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", EMAIL, "--name", "E2E Admin"], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  // A previous run on the same database already created it: that is fine.
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) {
    throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
  }
});

test("an admin signs in, enters a result (fixing a bad score), publishes it and sees it on the public page", async ({ page }) => {
  const target = freeEntity();

  // The admin area needs a session.
  await page.goto("/admin/hasil");
  await expect(page).toHaveURL(/\/admin\/masuk$/);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Kata sandi").fill("wrong password, surely");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator(`main [role="alert"]`)).toHaveText("Email atau kata sandi salah.");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hasil penilaian");
  await page.screenshot({ path: "test-results/screenshots/admin-results-list.png", fullPage: false });

  // Enter the result with a score of three decimals: refused, with the error by the field.
  await page.getByRole("link", { name: "Tambah hasil" }).click();
  await page.getByLabel("Ketik untuk mencari instansi").fill(target.name);
  await page.locator("#entityId").selectOption(String(target.id));
  await page.getByLabel("Tahun penilaian").selectOption(String(YEAR));
  await page.getByLabel("Nilai (0–100)").fill("91,666");
  await page.getByLabel("Tautan sumber").fill("https://ombudsman.go.id/contoh-e2e");
  await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
  await expect(page.locator("#score-error")).toHaveText("Nilai paling banyak dua angka di belakang koma.");
  await expect(page.getByLabel("Nilai (0–100)")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/screenshots/admin-result-error.png", fullPage: true });

  // Fix it: the computed zone and category show as it is typed.
  await page.getByLabel("Nilai (0–100)").fill("91,66");
  await expect(page.getByTestId("computed")).toContainText("Kualitas Tertinggi");
  await expect(page.getByTestId("computed")).toContainText("HIJAU, A");
  // A published category that disagrees is a visible warning to confirm.
  await page.getByLabel("Kategori yang dipublikasikan").selectOption("B");
  await expect(page.getByTestId("mismatch")).toContainText("berbeda dari hasil hitung");
  await page.getByLabel("Kategori yang dipublikasikan").selectOption("A");
  await expect(page.getByTestId("mismatch")).toHaveCount(0);
  await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil\/\d+\?disimpan=1$/);
  await expect(page.locator(`main [role="status"]`)).toContainText("draf");
  await page.screenshot({ path: "test-results/screenshots/admin-result-saved.png", fullPage: true });

  // A draft is not public.
  await page.goto(`/instansi/${target.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(target.name.replace(/^Kantor Pertanahan /, ""));
  await expect(page.locator(`tr[data-year="${YEAR}"]`)).toHaveCount(0);

  // Publish the year's drafts of land offices.
  await page.goto("/admin/publikasi");
  const row = page.locator(`section[data-year="${YEAR}"] tr[data-type="KANTOR_PERTANAHAN"]`);
  await expect(row).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/admin-publish.png", fullPage: false });
  await row.getByRole("button", { name: "Terbitkan" }).click();
  await expect(page.locator(`main [role="status"]`)).toContainText("hasil diperbarui");

  // Now it is on the public entity page.
  await page.goto(`/instansi/${target.slug}`);
  const publicRow = page.locator(`tr[data-year="${YEAR}"]`);
  await expect(publicRow).toContainText("91,66");
  await page.screenshot({ path: "test-results/screenshots/admin-public-entity.png", fullPage: false });

  // The history lists the creation and the publication.
  await page.goto("/admin/riwayat");
  await expect(page.locator('tr[data-action="PUBLISH"]').first()).toContainText(target.name);
  await expect(page.locator('tr[data-action="CREATE"]').first()).toContainText(target.name);
  await page.screenshot({ path: "test-results/screenshots/admin-history.png", fullPage: false });

  // Sign out: the admin area asks for a session again.
  await page.goto("/admin/hasil");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/admin\/masuk$/);
  await page.goto("/admin/hasil");
  await expect(page).toHaveURL(/\/admin\/masuk$/);
});
