/**
 * Issue 17, items 1 and 2, end to end in Chromium on the real data: a 30-row Kalimantan Selatan
 * file for 2025 as an office prepares it — Indonesian headers, ";" and decimal commas, a "No"
 * column, a "Peringkat" column the admin must place, links in an unrecognised column for some
 * rows and one link for the rest given on the screen, entity types in words, a misspelled regency
 * and a Polres not known yet — imports after the mapping step and one correction on the screen.
 * The preview shows old → new for a published result ("sudah terbit"); after the commit the
 * public page keeps the published value (the change waits for review). A check's options are
 * bound to its commit on the server.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const EMAIL = "e2e-import-map@example.org";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: mapping lantern river stone";
const SOURCE = "https://kalsel.ombudsman.go.id/berita/hasil-penilaian-2025";

function sqlite<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const REGENCIES = ["Balangan", "Banjar", "Barito Kuala", "Hulu Sungai Selatan", "Hulu Sungai Tengah", "Hulu Sungai Utara", "Kotabaru", "Tabalong", "Tanah Bumbu", "Tanah Laut", "Tapin"];
const CITIES = ["Banjarbaru", "Banjarmasin"];

/** The file's rows after its header: [jenis, nama, nilai, opini, peringkat, link]. */
function rows(): string[][] {
  const out: string[][] = [];
  const score = (i: number) => `${80 + (i % 15)},${String((i * 7) % 100).padStart(2, "0")}`;
  // Kabupaten Tabalong is left out: other specs need a regency of Kalimantan Selatan without a 2025 result.
  REGENCIES.filter((name) => name !== "Tabalong").forEach((name, i) =>
    out.push(["Pemerintah Kabupaten", name === "Tanah Laut" ? "Kabupaten Tanah Lout" : `Kabupaten ${name}`, score(i), "", "", ""]),
  );
  CITIES.forEach((name, i) => out.push(["Pemerintah Kota", `Kota ${name}`, score(20 + i), "", "", ""]));
  out.push(["Pemerintah Provinsi", "Provinsi Kalimantan Selatan", "93,10", "Sangat Baik", "", ""]);
  [...REGENCIES.map((r) => `Kantor Pertanahan Kabupaten ${r}`), ...CITIES.map((c) => `Kantor Pertanahan Kota ${c}`)].forEach((name, i) =>
    out.push(["Kantor Pertanahan", name, score(40 + i), "", "", i < 3 ? `https://kalsel.ombudsman.go.id/berita/kantah-${i + 1}` : ""]),
  );
  // Published already at 91,66 (the real data): the file changes it.
  out.push(["Polres", "Polres Balangan", "91,70", "Sangat Baik", "2", "https://kalsel.ombudsman.go.id/berita/polres-2025"]);
  out.push(["Polres", "Polres Hulu Sungai Selatan", "90,05", "Sangat Baik", "3", "https://kalsel.ombudsman.go.id/berita/polres-2025"]);
  // Not in the reference data: created with the screen's checkbox.
  out.push(["Polres", "Polres Tapin", "88,40", "Baik", "4", "https://kalsel.ombudsman.go.id/berita/polres-2025"]);
  out.push(["Polresta", "Polres Tabalong", "87,15", "Baik", "5", "https://kalsel.ombudsman.go.id/berita/polres-2025"]);
  return out;
}

function officeFile(): { name: string; mimeType: string; buffer: Buffer } {
  const header = "No;Tahun;Jenis;Nama Instansi;Provinsi;Nilai;Opini;Peringkat;Ket. Sumber";
  const lines = rows().map(([type, name, score, opinion, rank, link], i) => [i + 1, 2025, type, name, "Kalimantan Selatan", score, opinion, rank, link].join(";"));
  return { name: "hasil-kalsel-2025.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...lines].join("\r\n") + "\r\n", "utf8") };
}

async function shoot(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
    // Readable at 390 px: nothing wider than the viewport.
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test.beforeAll(() => {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", EMAIL, "--name", "E2E Pemetaan"], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
  const existing = sqlite((db) => db.prepare("SELECT COUNT(*) AS n FROM Entity WHERE name IN ('Polres Tapin', 'Polres Tabalong')").get() as { n: number });
  if (existing.n > 0) throw new Error("the Polres this spec creates exist already in the e2e database: delete it to start over");
});

test("a 30-row office file imports after the mapping step and one correction; a published result keeps its value", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  await page.goto("/admin/impor");
  await expect(page.getByText("kolom results.csv")).toHaveCount(0);

  const started = Date.now();
  // The styled file input: the native control is replaced by a labelled one that still takes the file.
  await expect(page.locator("label[for=file]")).toHaveText("Pilih berkas…");
  await page.locator("#file").setInputFiles(officeFile());
  await expect(page.locator("#file-name")).toHaveText("hasil-kalsel-2025.csv");
  await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();

  // The mapping step: recognised columns, the row number ignored, the rank and the links to place.
  const mapping = page.locator("[data-mapping-stage]");
  await expect(mapping).toHaveAttribute("data-mapping-stage", "mapping");
  await expect(mapping).toContainText('Kolom "No" dibaca sebagai nomor urut dan diabaikan.');
  await expect(mapping).toContainText('Kolom "Peringkat" bisa berarti peringkat nasional atau peringkat provinsi');
  await expect(mapping.locator('tr[data-column="Nama Instansi"] select')).toHaveValue("entity_name");
  await expect(mapping.locator('tr[data-column="Nilai"] select')).toHaveValue("score");
  await expect(mapping.locator('tr[data-column="Jenis"] select')).toHaveValue("entity_type");
  await expect(page.getByRole("button", { name: "Terapkan impor" })).toHaveCount(0);
  await shoot(page, "import-mapping");

  await page.getByLabel("Diimpor sebagai: Peringkat").selectOption("province_rank");
  await page.getByLabel("Diimpor sebagai: Ket. Sumber").selectOption("source_url");
  await page.getByLabel("Tautan sumber untuk seluruh berkas").fill(SOURCE);
  await page.getByLabel(/Buat instansi baru untuk Polres/).check();
  await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();

  // One error: the misspelled regency, with the screen's correction offered (never a command-line flag).
  await expect(page.getByRole("heading", { name: "Pratinjau hasil-kalsel-2025.csv" })).toBeVisible();
  await expect(page.getByText("1 baris salah", { exact: true })).toBeVisible();
  const issue = page.locator('tr[data-line="10"]').filter({ hasText: "Tanah Lout" });
  await expect(issue).toContainText("Mungkin maksud Anda: Kabupaten Tanah Laut?");
  await expect(page.locator("body")).not.toContainText("--create-entities");
  await issue.getByLabel("Ganti nama dengan").selectOption({ label: "Kabupaten Tanah Laut" });
  // A change after the check: no commit until checked again.
  await expect(page.locator("[data-stale]")).toBeVisible();
  await expect(page.getByRole("button", { name: "Terapkan impor" })).toHaveCount(0);
  await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();

  // The preview: totals per kind, old → new of the published result, the new Polres.
  await expect(page.getByText("0 baris salah", { exact: true })).toBeVisible();
  await expect(page.getByText("27 baris baru", { exact: true })).toBeVisible();
  await expect(page.getByText(/^3 baris mengubah \(3 di antaranya sudah terbit\)$/)).toBeVisible();
  await expect(page.getByText("Semua 30 baris dapat diterapkan.", { exact: false })).toBeVisible();
  await expect(page.getByText("2 instansi baru akan dibuat: Polres Tapin, Polres Tabalong")).toBeVisible();
  const balangan = page.locator('tr[data-line="28"]');
  await expect(balangan).toHaveAttribute("data-status", "update");
  await expect(balangan.locator("[data-published]")).toHaveText("sudah terbit");
  await expect(balangan.locator('[data-field="score"]')).toHaveText("Nilai: 91,66 → 91,70");
  await expect(page.locator('tr[data-line="2"]')).toHaveAttribute("data-status", "create");
  await shoot(page, "import-preview");

  // The server binds the check to its options: the same token with "publish" ticked is refused.
  const token = await page.locator('input[name="previewedHash"]').inputValue();
  const form = officeFile();
  const forged = await page.request.post("/admin/impor/unggah", {
    headers: { origin: new URL(page.url()).origin },
    multipart: {
      intent: "commit",
      previewedHash: token,
      publish: "on",
      createEntities: "on",
      sourceUrl: SOURCE,
      "map.7": "province_rank",
      "map.8": "source_url",
      "fix.10": String(sqlite((db) => (db.prepare("SELECT id FROM Entity WHERE slug = 'pemkab-tanah-laut'").get() as { id: number }).id)),
      file: form,
    },
  });
  const forgedState = JSON.parse((await forged.text()).trim().split("\n").pop()!) as { state: { stage: string; message?: string } };
  expect(forgedState.state.stage).toBe("preview");
  expect(forgedState.state.message).toContain("Pilihan impor berubah sejak pemeriksaan");

  await page.getByRole("button", { name: "Terapkan impor" }).click();
  const committed = page.locator('[role="status"]').filter({ hasText: "hasil-kalsel-2025.csv diterapkan" });
  await expect(committed).toContainText("27 hasil baru, 3 diubah, 0 tetap.");
  const seconds = (Date.now() - started) / 1000;
  console.log(`30-row file: upload to committed (drafts and 3 pending revisions) in ${seconds.toFixed(1)} s, mapping and one correction included`);

  const stored = sqlite((db) => ({
    tanahLaut: db.prepare("SELECT r.score, r.status FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.slug = 'pemkab-tanah-laut' AND r.year = 2025").get() as { score: number; status: string },
    tapin: db.prepare("SELECT e.type, r.score, r.sourceUrl FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.name = 'Polres Tapin' AND r.year = 2025").get() as { type: string; score: number; sourceUrl: string },
    kantah: db.prepare("SELECT r.sourceUrl FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.name = 'Kantor Pertanahan Kota Banjarmasin' AND r.year = 2025").get() as { sourceUrl: string },
    balangan: db.prepare("SELECT r.score, v.score AS pending FROM Result r JOIN Entity e ON e.id = r.entityId JOIN ResultRevision v ON v.resultId = r.id WHERE e.slug = 'polres-balangan' AND r.year = 2025").get() as { score: number; pending: number },
    remembered: db.prepare("SELECT headerKey, \"column\" FROM ImportMapping m JOIN User u ON u.id = m.userId WHERE u.email = ? ORDER BY headerKey").all(EMAIL),
  }));
  expect(stored.tanahLaut).toEqual({ score: 8856, status: "DRAFT" });
  expect(stored.tapin).toEqual({ type: "POLRES", score: 8840, sourceUrl: "https://kalsel.ombudsman.go.id/berita/polres-2025" });
  expect(stored.kantah.sourceUrl).toBe(SOURCE);
  expect(stored.balangan).toEqual({ score: 9166, pending: 9170 });
  expect(stored.remembered).toEqual([
    { headerKey: "ket sumber", column: "source_url" },
    { headerKey: "peringkat", column: "province_rank" },
  ]);

  // Public at its published value until the change is released.
  await page.goto("/instansi/polres-balangan");
  await expect(page.locator('tr[data-year="2025"]')).toContainText("91,66");
  await expect(page.locator('tr[data-year="2025"]')).not.toContainText("91,70");

  // The next file with the same headers is mapped as remembered: straight to the preview.
  await page.goto("/admin/impor");
  await page.locator("#file").setInputFiles(officeFile());
  await page.getByLabel("Tautan sumber untuk seluruh berkas").fill(SOURCE);
  await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();
  await expect(page.locator("[data-mapping-stage]")).toHaveAttribute("data-mapping-stage", "preview");
  await expect(page.locator('tr[data-column="Peringkat"]')).toHaveAttribute("data-source", "remembered");
});
