/**
 * Issue 15 (2) end to end, in Chromium against the production build: an admin edits a
 * published result in the form; the public page keeps the published score while the change
 * waits, shown with its diff on the result's page and on /admin/publikasi; the admin publishes
 * it from the result's page (now public), reverts that publication from the history (the
 * published score is back, the change waits again) and discards it. Screenshots at 1366 and 390 px.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const EMAIL = "e2e-review@example.org";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: review staple battery horse";
const SLUG = "pemprov-kalimantan-selatan";
const YEAR = 2024;

function resultId(): number {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly: true });
  try {
    const row = db.prepare("SELECT r.id, r.score FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.slug = ? AND r.year = ?").get(SLUG, YEAR) as { id: number; score: number };
    expect(row.score).toBe(9458);
    return row.id;
  } finally {
    db.close();
  }
}

async function shoot(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** The score the public entity page shows for YEAR. */
async function publicScore(page: Page): Promise<string> {
  await page.goto(`/instansi/${SLUG}`);
  return (await page.locator(`tr[data-year="${YEAR}"]`).first().textContent()) ?? "";
}

test.beforeAll(() => {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", EMAIL, "--name", "E2E Review"], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
});

test("an edit of a published result waits for review, is published from its page, reverted from the history and discarded", async ({ page }) => {
  test.setTimeout(120_000);
  const id = resultId();
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);

  // The form says a published result's change waits for review; the change is saved as such.
  await page.goto(`/admin/hasil/${id}`);
  await expect(page.getByText("Hasil ini sudah terbit: perubahan yang Anda simpan")).toBeVisible();
  await page.getByLabel("Nilai (0–100)").fill("77,77");
  await page.getByLabel("Saya sudah memeriksa sumbernya").check();
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/hasil/${id}\\?disimpan=tinjau$`));
  await expect(page.locator('main [role="status"]')).toContainText("menunggu tinjauan admin");
  const revision = page.getByTestId("pending-revision");
  await expect(revision.locator('tr[data-field="score"]')).toContainText("94,58");
  await expect(revision.locator('tr[data-field="score"]')).toContainText("77,77");
  await expect(revision.locator('tr[data-field="zone"]')).toContainText("Zona hijau");
  await expect(revision.locator('tr[data-field="zone"]')).toContainText("Zona kuning");
  await expect(revision.locator('tr[data-field="category"]')).toContainText("C");
  await shoot(page, "admin-revision-pending");

  // Public: still 94,58.
  expect(await publicScore(page)).toContain("94,58");
  expect(await publicScore(page)).not.toContain("77,77");

  // The publishing page lists it with the same diff.
  await page.goto("/admin/publikasi");
  const listed = page.locator(`[data-testid="pending-revisions"] li[data-result-id="${id}"]`);
  await expect(listed).toContainText("Provinsi Kalimantan Selatan 2024");
  await expect(listed.locator('tr[data-field="score"]')).toContainText("77,77");
  await expect(page.locator(`section[data-year="${YEAR}"] h2`)).toContainText(/Revisi: [1-9]/);
  await shoot(page, "admin-publish-revisions");

  // Published from its page: now public.
  await page.goto(`/admin/hasil/${id}`);
  await page.getByRole("button", { name: "Terbitkan revisi" }).click();
  await expect(page.getByTestId("pending-revision")).toHaveCount(0);
  expect(await publicScore(page)).toContain("77,77");

  // Reverted from the history: 94,58 is public again and the change waits again; then discarded.
  await page.goto(`/admin/riwayat?id=${id}&tindakan=PUBLISH`);
  const publication = page.locator('tr[data-action="PUBLISH"]').first();
  // The history lists values as the public sees them (issue 17: no longer stored hundredths).
  await expect(publication).toContainText("94,58");
  await expect(publication).toContainText("77,77");
  await publication.getByRole("button", { name: "Batalkan perubahan ini" }).click();
  // The revert asks for confirmation first (issue 17): confirm on its page.
  await page.getByRole("button", { name: "Ya, batalkan perubahan ini" }).click();
  await expect(page.getByText(/Perubahan #\d+ dibatalkan\./)).toBeVisible();
  expect(await publicScore(page)).toContain("94,58");
  await page.goto(`/admin/hasil/${id}`);
  await expect(page.getByTestId("pending-revision").locator('tr[data-field="score"]')).toContainText("77,77");
  await page.getByRole("button", { name: "Buang revisi" }).click();
  await expect(page.getByTestId("pending-revision")).toHaveCount(0);
  expect(await publicScore(page)).toContain("94,58");
  await page.goto(`/admin/riwayat?id=${id}&tindakan=DISCARD`);
  await expect(page.locator('tr[data-action="DISCARD"]').first()).toContainText("Buang revisi");
});
