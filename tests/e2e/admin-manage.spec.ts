/**
 * Issue 5 end to end, in Chromium against the production build: the admin pages that manage
 * the catalogue and the accounts — entities (search, rename keeps an alias, merge, and the
 * merge reverted from the history), methodology (a band gap shows its error by the bands; a
 * valid edit with a new dimension saves and is reverted), users (an editor with a province
 * scope cannot write outside it), API tokens (shown once, used, revoked → 401) and the
 * password change. Users are created with `npm run admin:create` like in admin.spec.ts; names
 * carry a run id so the spec can run again on the same database.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const ADMIN = "e2e-admin@example.org";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: correct horse battery staple";
const RUN = Date.now().toString(36);
const SHOTS = "test-results/screenshots";

function adminCreate(email: string, password: string, extra: string[] = []): void {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", email, "--name", email, ...extra], {
    input: password + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
}

function sqlite(readonly = true): Database.Database {
  return new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly });
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/admin\/masuk$/);
}

const status = (page: Page) => page.locator(`main [role="status"]`);
const alert = (page: Page) => page.locator(`main [role="alert"]`);

test.beforeAll(() => {
  adminCreate(ADMIN, PASSWORD);
});

test("entities: search, rename keeps the old name as an alias, merge a duplicate; the merge is reverted from the history", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD);
  const kept = `Polres Uji ${RUN}`;
  const dup = `Polres Uji ${RUN} Ganda`;
  await page.goto("/admin/instansi");
  const create = page.getByRole("form", { name: "Tambah instansi" });
  for (const name of [kept, dup]) {
    await create.getByLabel("Nama").fill(name);
    await create.getByLabel("Jenis").selectOption("POLRES");
    await create.getByLabel("Provinsi").selectOption({ label: "Kalimantan Selatan" });
    await create.getByRole("button", { name: "Tambah" }).click();
    // Saved: the page now lists the new entity (searched by its name).
    await expect(page.locator("li[data-entity]").first().getByLabel("Nama")).toHaveValue(name);
    await expect(status(page)).toHaveText("Tersimpan.");
  }
  // The duplicate has a result, which the merge moves.
  const db = sqlite(false);
  const dupId = (db.prepare("SELECT id FROM Entity WHERE name = ?").get(dup) as { id: number }).id;
  const keptId = (db.prepare("SELECT id FROM Entity WHERE name = ?").get(kept) as { id: number }).id;
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO Result (entityId, year, provinceId, score, status, createdBy, updatedBy, createdAt, updatedAt)
     SELECT ?, 2023, provinceId, 8123, 'DRAFT', 'e2e', 'e2e', ?, ? FROM Entity WHERE id = ?`,
  ).run(dupId, now, now, dupId);
  db.close();

  // Search finds both; rename the kept one: its old name stays as an alias.
  await page.getByRole("searchbox", { name: "Cari instansi (nama atau alias)" }).fill(`Uji ${RUN}`);
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.locator("li[data-entity]")).toHaveCount(2);
  const keptRow = page.locator("li[data-entity]").filter({ hasText: `#${keptId}` });
  await keptRow.getByLabel("Nama").fill(`${kept} Baru`);
  await keptRow.getByRole("button", { name: "Simpan" }).click();
  await expect(status(page)).toHaveText("Tersimpan.");
  await page.goto(`/admin/instansi?q=${encodeURIComponent(`Uji ${RUN}`)}`);
  const renamed = page.locator("li[data-entity]").filter({ hasText: `#${keptId}` });
  await expect(renamed.getByLabel("Nama")).toHaveValue(`${kept} Baru`);
  await expect(renamed.getByTestId("entity-summary")).toContainText(`alias: ${kept}`);
  // Searching by the old name still finds it (through the alias).
  await page.goto(`/admin/instansi?q=${encodeURIComponent(kept)}`);
  await expect(page.locator("li[data-entity]").filter({ hasText: `#${keptId}` })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/admin-entities.png`, fullPage: true });

  // Merge the duplicate into the kept entity.
  const merge = page.getByRole("form", { name: "Gabungkan duplikat" });
  await merge.getByLabel("Sumber (#id)").fill(String(dupId));
  await merge.getByLabel("Tujuan (#id)").fill(String(keptId));
  await merge.getByRole("button", { name: "Gabungkan" }).click();
  await expect(status(page)).toHaveText("Tersimpan.");
  await page.goto(`/admin/instansi?q=${encodeURIComponent(`Uji ${RUN}`)}`);
  await expect(page.locator("li[data-entity]")).toHaveCount(1);
  await expect(page.getByTestId("entity-summary")).toContainText("1 hasil");
  await expect(page.getByTestId("entity-summary")).toContainText(dup);

  // Revert the merge from the history: the duplicate is back with its result.
  await page.goto("/admin/riwayat?tindakan=MERGE");
  const row = page.locator('tr[data-action="MERGE"]').filter({ hasText: `(#${keptId})` });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Batalkan perubahan ini" }).click();
  // The revert asks for confirmation first (issue 17): confirm on its page.
  await page.getByRole("button", { name: "Ya, batalkan perubahan ini" }).click();
  await expect(status(page)).toContainText("dibatalkan");
  await page.screenshot({ path: `${SHOTS}/admin-history-merge-reverted.png`, fullPage: false });
  await page.goto(`/admin/instansi?q=${encodeURIComponent(`Uji ${RUN}`)}`);
  await expect(page.locator("li[data-entity]")).toHaveCount(2);
  const back = page.locator("li[data-entity]").filter({ hasText: `#${dupId}` });
  await expect(back.getByLabel("Nama")).toHaveValue(dup);
  await expect(back.getByTestId("entity-summary")).toContainText("1 hasil");
  await expect(page.locator("li[data-entity]").filter({ hasText: `#${keptId}` }).getByTestId("entity-summary")).toContainText("0 hasil");
});

test("methodology: a band gap shows its error by the bands; a valid edit with a new dimension saves, and is reverted", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD);
  await page.goto("/admin/metodologi?tahun=2021");
  await expect(page.getByLabel("Maks pita 2")).toHaveValue("80.99");
  await page.getByLabel("Maks pita 2").fill("79,99");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.locator("#bands-error")).toHaveText("Ada celah: 80,00–80,99 tidak tercakup.");
  await expect(page.getByLabel("Maks pita 2")).toHaveValue("79,99");
  await expect(page.getByLabel("Maks pita 2")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: `${SHOTS}/admin-methodology-gap.png`, fullPage: true });

  // Fix it, and add a dimension: first with a weight that is not a number.
  await page.getByLabel("Maks pita 2").fill("80,99");
  await page.getByRole("button", { name: "Tambah dimensi" }).click();
  await page.getByLabel("Kode dimensi 1").fill("uji_e2e");
  await page.getByLabel("Nama dimensi 1").fill("Dimensi uji");
  await page.getByLabel("Bobot (%) dimensi 1").fill("seratus");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.locator('[id="dimensions.0.weight-error"]')).toContainText("Bobot harus 0–100");
  await expect(page.locator("#bands-error")).toHaveCount(0);
  await page.getByLabel("Bobot (%) dimensi 1").fill("100");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(/tahun=2021&disimpan=1$/);
  await expect(status(page)).toContainText("Tersimpan");
  await expect(page.getByLabel("Kode dimensi 1")).toHaveValue("uji_e2e");
  await expect(page.getByLabel("Bobot (%) dimensi 1")).toHaveValue("100.00");
  await page.screenshot({ path: `${SHOTS}/admin-methodology-saved.png`, fullPage: true });

  // Undo the edit from the history: 2021 has no dimension again.
  await page.goto("/admin/riwayat?jenis=METHODOLOGY&tahun=2021");
  await page.locator('tr[data-action="UPDATE"]').first().getByRole("button", { name: "Batalkan perubahan ini" }).click();
  // The revert asks for confirmation first (issue 17): confirm on its page.
  await page.getByRole("button", { name: "Ya, batalkan perubahan ini" }).click();
  await expect(status(page)).toContainText("dibatalkan");
  await page.goto("/admin/metodologi?tahun=2021");
  await expect(page.getByText("Tahun ini belum punya dimensi.")).toBeVisible();
});

test("users: an admin creates an editor of one province, who signs in and cannot write outside it", async ({ page }) => {
  const editor = `e2e-editor-${RUN}@example.org`;
  await signIn(page, ADMIN, PASSWORD);
  await page.goto("/admin/pengguna");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Buat pengguna" }) });
  await form.getByLabel("Email").fill(editor);
  await form.getByLabel("Peran").selectOption("EDITOR");
  await form.getByLabel("Provinsi (untuk editor)").selectOption({ label: "Kalimantan Selatan" });
  await form.getByLabel("Kata sandi awal").fill(PASSWORD);
  await form.getByRole("button", { name: "Buat pengguna" }).click();
  await expect(status(page)).toHaveText("Pengguna dibuat.");
  const row = page.locator(`tr[data-email="${editor}"]`);
  await expect(row.getByLabel("Peran")).toHaveValue("EDITOR");
  await expect(row.getByLabel("Provinsi (untuk editor)").locator("option:checked")).toHaveText(["Kalimantan Selatan"]);
  await page.screenshot({ path: `${SHOTS}/admin-users.png`, fullPage: false });
  await signOut(page);

  await signIn(page, editor, PASSWORD);
  await expect(page.getByText("Masuk sebagai " + editor + " (editor)")).toBeVisible();
  // Admin pages are not the editor's.
  await page.goto("/admin/pengguna");
  await expect(page).toHaveURL(/larangan=1/);
  // The editor's entity list holds its province only.
  await page.goto("/admin/instansi?q=Kediri");
  await expect(page.getByText("Tidak ada instansi yang cocok.")).toBeVisible();
  await page.goto("/admin/instansi?q=Balangan");
  await expect(page.locator("li[data-entity]").first()).toBeVisible();
  // An entity outside the scope is refused on the server.
  await page.goto("/admin/instansi");
  const create = page.getByRole("form", { name: "Tambah instansi" });
  await create.getByLabel("Nama").fill(`Polres Luar ${RUN}`);
  await create.getByLabel("Provinsi").selectOption({ label: "Jawa Timur" });
  await create.getByRole("button", { name: "Tambah" }).click();
  await expect(alert(page)).toContainText("di luar provinsi yang boleh Anda ubah");
  // A result outside the scope cannot be opened for editing.
  const db = sqlite();
  const outside = db
    .prepare("SELECT r.id FROM Result r JOIN Entity e ON e.id = r.entityId JOIN Province p ON p.id = e.provinceId WHERE p.code = '35' LIMIT 1")
    .get() as { id: number };
  db.close();
  const response = await page.goto(`/admin/hasil/${outside.id}`);
  expect(response?.status()).toBe(404);
});

test("API tokens: shown once, accepted by POST /api/v1/results, and refused (401) once revoked", async ({ page, request }) => {
  await signIn(page, ADMIN, PASSWORD);
  await page.goto("/admin/token");
  const name = `otomasi ${RUN}`;
  await page.getByLabel("Nama token").fill(name);
  await page.getByLabel("Pengguna").selectOption({ label: ADMIN });
  await page.getByRole("button", { name: "Buat token" }).click();
  const token = (await status(page).locator("code").textContent())!.trim();
  expect(token).toMatch(/^rpr_/);
  await page.screenshot({ path: `${SHOTS}/admin-token-created.png`, fullPage: false });
  // Shown once: the list shows only its prefix.
  await page.goto("/admin/token");
  await expect(page.getByText(token)).toHaveCount(0);
  const row = page.locator("tr").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 10));

  const db = sqlite();
  const free = db
    .prepare(
      `SELECT e.id FROM Entity e JOIN Province p ON p.id = e.provinceId WHERE p.code = '63' AND e.type = 'PEMKAB'
       AND NOT EXISTS (SELECT 1 FROM Result r WHERE r.entityId = e.id AND r.year = 2022) ORDER BY e.id LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  db.close();
  if (!free) throw new Error("no free entity left in the e2e database: delete it to start over");
  const body = { entityId: free.id, year: 2022, score: "80,00", sourceUrl: "https://ombudsman.go.id/e2e-token" };
  const created = await request.post("/api/v1/results", { data: body, headers: { authorization: `Bearer ${token}` } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ status: "DRAFT" });

  await page.reload();
  await row.getByRole("button", { name: "Cabut" }).click();
  await expect(page.locator("tr").filter({ hasText: name })).toContainText("dicabut");
  const refused = await request.post("/api/v1/results", { data: { ...body, year: 2023 }, headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});

test("account: a wrong current password is refused; after a change the old password fails and the new one works", async ({ page, browser, baseURL }) => {
  const email = `e2e-akun-${RUN}@example.org`;
  const newPassword = "e2e only: a brand new passphrase 7";
  adminCreate(email, PASSWORD, ["--role", "EDITOR", "--province", "63"]);
  // Signed in elsewhere too: that session ends with the change.
  const elsewhere = await browser.newContext({ baseURL });
  const otherPage = await elsewhere.newPage();
  await signIn(otherPage, email, PASSWORD);
  await signIn(page, email, PASSWORD);
  await page.goto("/admin/akun");
  await page.getByLabel("Kata sandi sekarang").fill("not my password at all");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(newPassword);
  await page.getByLabel("Ulangi kata sandi baru").fill(newPassword);
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(alert(page)).toHaveText("Kata sandi sekarang salah.");
  await page.screenshot({ path: `${SHOTS}/admin-account-wrong.png`, fullPage: false });

  await page.getByLabel("Kata sandi sekarang").fill(PASSWORD);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(newPassword);
  await page.getByLabel("Ulangi kata sandi baru").fill(newPassword);
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(status(page)).toContainText("Kata sandi diganti");
  await page.screenshot({ path: `${SHOTS}/admin-account-changed.png`, fullPage: false });
  // This session goes on; the other one is over.
  await page.goto("/admin/akun");
  await expect(page).toHaveURL(/\/admin\/akun$/);
  await otherPage.goto("/admin/hasil");
  await expect(otherPage).toHaveURL(/\/admin\/masuk$/);
  await elsewhere.close();
  await signOut(page);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(alert(page)).toHaveText("Email atau kata sandi salah.");
  await page.getByLabel("Kata sandi").fill(newPassword);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
});

test("drafts stay off the public pages: an entity with only a draft shows no result, and a draft score is not on the province page", async ({ page }) => {
  const name = `Polres Draf ${RUN}`;
  const db = sqlite(false);
  const now = new Date().toISOString();
  const kalsel = (db.prepare("SELECT id FROM Province WHERE code = '63'").get() as { id: number }).id;
  const slug = `polres-draf-${RUN}`;
  const entityId = Number(
    db.prepare("INSERT INTO Entity (type, name, slug, provinceId, createdAt, updatedAt) VALUES ('POLRES', ?, ?, ?, ?, ?)").run(name, slug, kalsel, now, now).lastInsertRowid,
  );
  // 12,34 is a score no published Kalimantan Selatan result has.
  db.prepare(
    "INSERT INTO Result (entityId, year, provinceId, score, status, createdBy, updatedBy, createdAt, updatedAt) VALUES (?, 2024, ?, 1234, 'DRAFT', 'e2e', 'e2e', ?, ?)",
  ).run(entityId, kalsel, now, now);
  db.close();

  const entityPage = await page.goto(`/instansi/${slug}`);
  // The entity is reference data (like every kabupaten without a result); its draft is not shown.
  if (entityPage?.status() !== 404) {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("tr[data-year]")).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText("12,34");
  }
  await page.screenshot({ path: `${SHOTS}/public-draft-entity.png`, fullPage: false });
  await page.goto("/provinsi/kalimantan-selatan");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kalimantan Selatan");
  await expect(page.locator("main")).not.toContainText(name);
  await expect(page.locator("main")).not.toContainText("12,34");
  await page.goto("/peringkat?tahun=2024&provinsi=kalimantan-selatan&jenis=polres");
  await expect(page.locator("main")).not.toContainText(name);
  await expect(page.locator("main")).not.toContainText("12,34");
});
