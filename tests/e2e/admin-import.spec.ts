/**
 * Issue 6 end to end, in Chromium against the production build: an admin signs in, downloads
 * the import template, uploads a file with one bad row (sees its line and the Indonesian reason;
 * nothing is written), uploads the fixed file, sees the preview counts, commits it published
 * while the progress bar goes to done, finds the value on the public entity page, and reverts
 * the import from /admin/riwayat — after which the value is gone again.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const EMAIL = "e2e-import@example.org";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: import staple battery horse";
// A year with verified bands, and land offices that have no result for it in the real data.
const YEAR = 2023;
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";

interface Target {
  id: number;
  slug: string;
  name: string;
}

function sqlite<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Two Kalimantan Selatan land offices with no result for YEAR (the run may repeat on one database). */
function freeEntities(): [Target, Target] {
  const rows = sqlite(
    (db) =>
      db
        .prepare(
          `SELECT e.id, e.slug, e.name FROM Entity e JOIN Province p ON p.id = e.provinceId
           WHERE p.code = '63' AND e.type = 'KANTOR_PERTANAHAN'
             AND NOT EXISTS (SELECT 1 FROM Result r WHERE r.entityId = e.id AND r.year = ?)
           ORDER BY e.id DESC LIMIT 2`,
        )
        .all(YEAR) as Target[],
  );
  if (rows.length < 2) throw new Error("no free entities left in the e2e database: delete it to start over");
  return [rows[0]!, rows[1]!];
}

const resultCount = (ids: number[]) =>
  sqlite((db) => (db.prepare(`SELECT COUNT(*) AS n FROM Result WHERE year = ? AND entityId IN (${ids.map(() => "?").join(",")})`).get(YEAR, ...ids) as { n: number }).n);

const csvFile = (name: string, lines: string[]) => ({ name, mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines].join("\n") + "\n", "utf8") });

async function shoot(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeAll(() => {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", EMAIL, "--name", "E2E Import"], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) {
    throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
  }
});

test("an admin imports a file: template, a bad row refused, the fixed file committed with progress, public, reverted", async ({ page }) => {
  test.setTimeout(120_000);
  const [a, b] = freeEntities();
  const good = `${YEAR},KANTOR_PERTANAHAN,${a.name},KALIMANTAN SELATAN,"81,25",,,,,,https://ombudsman.go.id/contoh-impor-e2e-a,`;
  const bad = `${YEAR},KANTOR_PERTANAHAN,${b.name},KALIMANTAN SELATAN,101,,,,,,https://ombudsman.go.id/contoh-impor-e2e-b,`;
  const fixed = `${YEAR},KANTOR_PERTANAHAN,${b.name},KALIMANTAN SELATAN,79.5,,,,,,https://ombudsman.go.id/contoh-impor-e2e-b,`;

  // The import page needs a session.
  await page.goto("/admin/impor");
  await expect(page).toHaveURL(/\/admin\/masuk$/);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  await page.goto("/admin/impor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impor hasil");

  // The template: a CSV with the import columns.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh templat CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("templat-impor-rapor.csv");
  const template = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  // The import columns, with the optional facts about a source row after them.
  expect(template.split("\n")[0]).toBe(`${HEADER},year_inferred,rank_from_list,province_rank_within_type,group_statement,disputed`);

  // A file with one bad row: its line and the reason in Indonesian; no commit offered; nothing written.
  await page.locator("#file").setInputFiles(csvFile("impor-salah.csv", [good, bad]));
  await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();
  const progress = page.locator("progress#import-progress");
  const progressText = page.locator("#import-progress-text");
  await expect(progressText).toHaveText("Selesai: pratinjau siap di bawah.");
  await expect(progress).toHaveAttribute("value", "100");
  const issue = page.getByRole("table", { name: "Kesalahan dan peringatan per baris" }).locator("tbody tr");
  await expect(issue).toHaveCount(1);
  await expect(issue.locator("td").nth(0)).toHaveText("3");
  await expect(issue).toContainText("Nilai harus antara 0 dan 100.");
  await expect(page.getByText("1 baris salah", { exact: true })).toBeVisible();
  await expect(page.getByText("Impor belum dapat diterapkan")).toBeVisible();
  await expect(page.getByRole("button", { name: "Terapkan impor" })).toHaveCount(0);
  expect(resultCount([a.id, b.id])).toBe(0);
  await shoot(page, "admin-import-bad-row");

  // The fixed file: the preview counts, then commit (published) and watch the progress reach done.
  // Publishing is an option of the check: ticked after it, the commit would need a new check.
  await page.locator("#file").setInputFiles(csvFile("impor-benar.csv", [good, fixed]));
  await page.getByLabel("Langsung terbitkan hasil impor (tanpa tahap draf)").check();
  await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();
  await expect(page.getByRole("heading", { name: "Pratinjau impor-benar.csv" })).toBeVisible();
  await expect(page.getByText("2 baris baru", { exact: true })).toBeVisible();
  await expect(page.getByText("0 baris salah", { exact: true })).toBeVisible();
  await expect(page.getByText("Semua 2 baris dapat diterapkan.", { exact: false })).toBeVisible();
  expect(resultCount([a.id, b.id])).toBe(0);
  await page.getByRole("button", { name: "Terapkan impor" }).click();
  await expect(progressText).toHaveText("Selesai: impor diterapkan.");
  await expect(progress).toHaveAttribute("value", "100");
  // The stages heard, in order: the upload, then the server's events through committing to done.
  await expect(page.locator("[data-stages]")).toHaveAttribute("data-stages", "upload received parsed validated committing done");
  const committed = page.locator('[role="status"]').filter({ hasText: "impor-benar.csv diterapkan" });
  await expect(committed).toContainText("2 hasil baru, 0 diubah, 0 tetap.");
  await expect(committed).toContainText("Hasil baru langsung terbit.");
  const auditId = Number((await committed.textContent())!.match(/entri #(\d+)/)![1]);
  expect(resultCount([a.id, b.id])).toBe(2);
  await shoot(page, "admin-import-committed");

  // Public at once.
  await page.goto(`/instansi/${a.slug}`);
  await expect(page.locator(`tr[data-year="${YEAR}"]`)).toContainText("81,25");
  await page.goto(`/instansi/${b.slug}`);
  await expect(page.locator(`tr[data-year="${YEAR}"]`)).toContainText("79,50");

  // Revert the import from the history: gone from the public page again.
  await page.goto("/admin/riwayat");
  const entry = page.locator(`tr[data-audit-id="${auditId}"]`);
  await expect(entry).toHaveAttribute("data-action", "IMPORT");
  await expect(entry).toContainText("Impor berkas:");
  await entry.getByRole("button", { name: "Batalkan perubahan ini" }).click();
  // The revert asks for confirmation first (issue 17): confirm on its page.
  await page.getByRole("button", { name: "Ya, batalkan perubahan ini" }).click();
  await expect(page.getByText(`Perubahan #${auditId} dibatalkan.`)).toBeVisible();
  expect(resultCount([a.id, b.id])).toBe(0);
  await page.goto(`/instansi/${a.slug}`);
  await expect(page.locator(`tr[data-year="${YEAR}"]`)).toHaveCount(0);
});

test("the upload route refuses a request without a session: 401 JSON", async ({ request }) => {
  const response = await request.post("/admin/impor/unggah", {
    multipart: { intent: "commit", file: csvFile("x.csv", [`${YEAR},KANTOR_PERTANAHAN,X,KALIMANTAN SELATAN,80,,,,,,https://x.test/,`]) },
  });
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(((await response.json()) as { error: string }).error).toBe("unauthenticated");
});
