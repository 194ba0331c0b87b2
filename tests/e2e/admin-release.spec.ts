/**
 * Issue 17 (3, 4) end to end, in Chromium against the production build and the real data:
 * Kalimantan Selatan's 2025 drafts (entered by the command-line importer, as drafts) are put in a
 * release on /admin/rilis — names and values listed before confirming — scheduled a short delay
 * ahead in WIB, and go public by the server's own timer with nobody acting; the release is
 * withdrawn as one action (one history entry); an editor of Kalimantan Selatan submits the drafts
 * and an admin approves them; the history shows the release as one entry with its results in
 * WIB and public values, and its revert asks for confirmation, saying what it will change, before
 * it withdraws the release again. Screenshots at 1366 and 390 px.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: release lantern river stone";
const ADMIN = "e2e-release-admin@example.org";
const EDITOR = "e2e-release-editor@example.org";
const YEAR = 2025;
/**
 * Kalimantan Selatan regencies without a 2025 result in the real data (in name order), with the
 * scores of the drafts this spec enters. In a whole run the column-mapping spec has entered 2025
 * drafts of its own for them first: those are used as they are, with their own scores (`shown`
 * is read from the database). Kabupaten Tabalong is left to the embargo spec, which needs a
 * Kalimantan Selatan regency without a 2025 result.
 */
const DRAFTS = [
  { name: "Banjar", score: "83,25", shown: "83,25" },
  { name: "Barito Kuala", score: "90,05", shown: "90,05" },
  { name: "Tapin", score: "77,10", shown: "77,10" },
];

function sql<T>(query: string, ...args: unknown[]): T[] {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly: true });
  try {
    return db.prepare(query).all(...args) as T[];
  } finally {
    db.close();
  }
}

const kalselId = () => sql<{ id: number }>("SELECT id FROM Province WHERE code = '63'")[0]!.id;
const draftSlugs = () =>
  sql<{ slug: string; status: string; name: string; score: number }>(
    `SELECT e.slug, r.status, e.name, r.score FROM Result r JOIN Entity e ON e.id = r.entityId WHERE r.year = ? AND e.type = 'PEMKAB' AND e.provinceId = ? AND e.name IN (${DRAFTS.map(() => "?").join(",")}) ORDER BY e.name`,
    YEAR,
    kalselId(),
    ...DRAFTS.map((d) => `Kabupaten ${d.name}`),
  );

function tool(args: string[], input?: string) {
  const run = spawnSync("node_modules/.bin/tsx", args, { input, env: { ...process.env, DATABASE_URL }, encoding: "utf8" });
  if (run.status !== 0 && !run.stderr.includes("sudah terdaftar")) throw new Error(`${args.join(" ")} failed: ${run.stderr}${run.stdout}`);
}

async function shoot(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
    // Readable at 390 px: nothing wider than the window.
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function signIn(browser: Browser, email: string, timezoneId = "Asia/Jakarta"): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId })).newPage();
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  return page;
}

/** The public entity page's row of YEAR, or null when the public sees none. */
async function publicRow(page: Page, slug: string): Promise<string | null> {
  await page.goto(`/instansi/${slug}`);
  const row = page.locator(`tr[data-year="${YEAR}"]`);
  return (await row.count()) ? await row.first().textContent() : null;
}

/** A row of one of this spec's regencies (not the land office named after it, "Kantor Pertanahan Kabupaten …"). */
const isOurs = (text: string) => DRAFTS.some((d) => text.includes(`Kabupaten ${d.name}`) && !text.includes(`Kantor Pertanahan Kabupaten ${d.name}`));

/** Keep only this spec's drafts ticked (other specs may leave drafts of their own in the year). */
async function pickOurs(page: Page) {
  const rows = page.getByTestId("release-rows").locator("tbody tr");
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const text = (await row.textContent()) ?? "";
    if (!isOurs(text)) await row.getByRole("checkbox").uncheck();
  }
}

/** A WIB wall-clock time `ms` from now, as a datetime-local field takes it (with seconds). */
const wibLocal = (ms: number) => new Date(Date.now() + ms + 7 * 3600_000).toISOString().slice(0, 19);

test.beforeAll(() => {
  tool(["scripts/admin-create.ts", "--email", ADMIN, "--name", "E2E Rilis"], PASSWORD + "\n");
  tool(["scripts/admin-create.ts", "--email", EDITOR, "--name", "E2E Editor Kalsel", "--role", "EDITOR", "--province", "63"], PASSWORD + "\n");
  const present = new Set(draftSlugs().map((d) => d.name));
  const missing = DRAFTS.filter((d) => !present.has(`Kabupaten ${d.name}`));
  if (missing.length > 0) {
    // The office's drafts, through the command-line importer without --publish: drafts.
    mkdirSync("tests/.tmp", { recursive: true });
    const header = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";
    const lines = missing.map((d) => `${YEAR},PEMKAB,${d.name},KALIMANTAN SELATAN,${d.score.replace(",", ".")},,,,,,https://kalsel.ombudsman.go.id/penilaian-2025,`);
    writeFileSync("tests/.tmp/kalsel-2025-drafts.csv", [header, ...lines].join("\n") + "\n");
    tool(["scripts/import.ts", "tests/.tmp/kalsel-2025-drafts.csv"]);
  }
  const drafts = draftSlugs();
  expect(drafts.map((d) => d.status)).toEqual(["DRAFT", "DRAFT", "DRAFT"]);
  // Each draft's score as the pages write it (hundredths, decimal comma).
  for (const [i, d] of DRAFTS.entries()) d.shown = (drafts[i]!.score / 100).toFixed(2).replace(".", ",");
});

test("a release of Kalimantan Selatan's 2025 drafts, scheduled in WIB, goes public by itself and is withdrawn as one action", async ({ browser }) => {
  test.setTimeout(180_000);
  const slugs = draftSlugs().map((d) => d.slug);
  const admin = await signIn(browser, ADMIN);
  for (const slug of slugs) expect(await publicRow(admin, slug)).toBeNull();

  // Pick by year and province: every name and value is listed before confirming.
  await admin.goto("/admin/rilis");
  await admin.locator('select[name="tahun"]').selectOption(String(YEAR));
  await admin.locator('select[name="provinsi"]').selectOption({ label: "Kalimantan Selatan" });
  await admin.getByRole("button", { name: "Tampilkan" }).click();
  const rows = admin.getByTestId("release-rows");
  for (const d of DRAFTS) {
    const row = rows.locator("tr").filter({ hasText: `Kabupaten ${d.name}` }).filter({ hasNotText: "Kantor Pertanahan" });
    await expect(row).toContainText(d.shown);
    await expect(row).toContainText("Draf baru");
    await expect(row).toContainText("belum terbit");
  }
  await expect(admin.getByLabel("Nama rilis")).toHaveValue(`Kalimantan Selatan ${YEAR}`);
  await pickOurs(admin);
  await admin.getByLabel("Jadwalkan pada").check();
  await admin.getByLabel("Tanggal dan jam terbit (WIB, Asia/Jakarta)").fill(wibLocal(20_000));
  await shoot(admin, "admin-release-new");
  await admin.getByRole("button", { name: "Buat rilis" }).click();
  await expect(admin.getByRole("status")).toContainText("Rilis dijadwalkan");
  await expect(admin.getByTestId("release-status")).toHaveAttribute("data-status", "SCHEDULED");
  await expect(admin.getByTestId("release-status")).toContainText("WIB");
  const releaseUrl = admin.url().split("?")[0]!;
  // In WIB nothing is added; an admin in WITA (Makassar) also sees the time in their own zone.
  await expect(admin.getByTestId("own-zone-time")).toHaveCount(0);
  const inWita = await signIn(browser, ADMIN, "Asia/Makassar");
  await inWita.goto(releaseUrl);
  await expect(inWita.getByTestId("release-status").getByTestId("own-zone-time")).toContainText(/WITA, zona waktu Anda\)$/);
  await inWita.context().close();
  await shoot(admin, "admin-release-scheduled");

  // Nobody acts: the server's timer publishes it at its time.
  const reader = await (await browser.newContext()).newPage();
  await expect.poll(() => publicRow(reader, slugs[0]!), { timeout: 90_000, intervals: [2000] }).toContain(DRAFTS[0]!.shown);
  for (const [i, slug] of slugs.entries()) expect(await publicRow(reader, slug)).toContain(DRAFTS[i]!.shown);
  await admin.goto(releaseUrl);
  await expect(admin.getByTestId("release-status")).toHaveAttribute("data-status", "PUBLISHED");
  expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM AuditLog WHERE targetType = 'RELEASE' AND action = 'PUBLISH' AND targetId = ?", releaseUrl.split("/").pop())[0]!.n).toBe(1);

  // Withdrawn as one action, after a confirmation step: drafts again, one history entry.
  await admin.getByRole("link", { name: "Tarik rilis ini…" }).click();
  await admin.getByRole("button", { name: "Ya, tarik 3 hasil dari halaman publik" }).click();
  await expect(admin.getByRole("status")).toContainText("Rilis ditarik");
  for (const slug of slugs) expect(await publicRow(reader, slug)).toBeNull();
  expect(draftSlugs().map((d) => d.status)).toEqual(["DRAFT", "DRAFT", "DRAFT"]);
  expect(sql<{ n: number }>("SELECT COUNT(*) AS n FROM AuditLog WHERE targetType = 'RELEASE' AND action = 'UNPUBLISH' AND targetId = ?", releaseUrl.split("/").pop())[0]!.n).toBe(1);
});

test("an editor's submission is approved by an admin; the history shows it as one entry and its revert asks for confirmation", async ({ browser }) => {
  test.setTimeout(120_000);
  const slugs = draftSlugs().map((d) => d.slug);
  const editor = await signIn(browser, EDITOR);
  await editor.goto("/admin/rilis");
  await editor.locator('select[name="tahun"]').selectOption(String(YEAR));
  await editor.getByRole("button", { name: "Tampilkan" }).click();
  for (const d of DRAFTS) await expect(editor.getByTestId("release-rows")).toContainText(`Kabupaten ${d.name}`);
  await pickOurs(editor);
  // An editor can only submit.
  await expect(editor.getByLabel("Terbitkan sekarang")).toHaveCount(0);
  await expect(editor.getByLabel("Ajukan untuk ditinjau admin")).toBeChecked();
  await editor.getByLabel("Nama rilis").fill(`Kalsel ${YEAR} dari kantor perwakilan`);
  await editor.getByRole("button", { name: "Buat rilis" }).click();
  await expect(editor.getByRole("status")).toContainText("menunggu persetujuan admin");
  const releaseUrl = editor.url().split("?")[0]!;
  const releaseId = releaseUrl.split("/").pop()!;
  for (const slug of slugs) expect(await publicRow(editor, slug)).toBeNull();

  const admin = await signIn(browser, ADMIN);
  await admin.goto(releaseUrl);
  await expect(admin.getByTestId("release-status")).toContainText("Menunggu persetujuan");
  await expect(admin.getByTestId("release-status")).toContainText(EDITOR);
  await shoot(admin, "admin-release-review");
  await admin.getByLabel("Terbitkan sekarang").check();
  await admin.getByRole("button", { name: "Setujui" }).click();
  await expect(admin.getByRole("status")).toContainText("Rilis terbit");
  for (const [i, slug] of slugs.entries()) expect(await publicRow(admin, slug)).toContain(DRAFTS[i]!.shown);

  // The history: one entry for the release, its results in a table with public values, WIB times.
  await admin.goto("/admin/riwayat?jenis=RELEASE");
  const entry = admin.locator('tr[data-action="PUBLISH"]').filter({ hasText: `Kalsel ${YEAR} dari kantor perwakilan` }).first();
  await expect(entry).toContainText("Terbitkan rilis");
  await expect(entry).toContainText("WIB");
  await expect(entry.getByTestId("entry-rows").locator("tbody tr")).toHaveCount(3);
  await expect(entry).toContainText(`Kabupaten ${DRAFTS[0]!.name} ${YEAR}`);
  await expect(entry).toContainText(DRAFTS[0]!.shown);
  await shoot(admin, "admin-history-release");

  // "Changes since the last release" starts at this release's entry.
  await admin.getByRole("link", { name: "Perubahan sejak rilis terakhir" }).click();
  await expect(admin.getByTestId("since-release")).toContainText("rilis terakhir");
  await expect(admin).toHaveURL(/sejak=rilis/);
  await expect(admin.locator(`tr[data-audit-id]`).last()).toContainText("Terbitkan rilis");

  // The revert asks first, saying what it will change; filters are kept after it.
  await admin.goto("/admin/riwayat?jenis=RELEASE");
  await entry.getByRole("button", { name: "Batalkan perubahan ini" }).click();
  await expect(admin).toHaveURL(/\/admin\/riwayat\/batalkan\/\d+/);
  await expect(admin.getByTestId("revert-effect")).toContainText("Rilis ini akan ditarik: 3 hasil");
  // Nothing changed yet.
  for (const slug of slugs) expect(await reader(admin, slug)).toBe(true);
  await shoot(admin, "admin-history-confirm");
  await admin.getByRole("button", { name: "Ya, batalkan perubahan ini" }).click();
  await expect(admin).toHaveURL(/\/admin\/riwayat\?jenis=RELEASE&dibatalkan=\d+/);
  await expect(admin.getByRole("status")).toContainText("dibatalkan");
  // Marked as undone, its button gone.
  const undone = admin.locator('tr[data-action="PUBLISH"]').filter({ hasText: `Kalsel ${YEAR} dari kantor perwakilan` }).first();
  await expect(undone).toHaveAttribute("data-reverted", "1");
  await expect(undone.getByRole("button", { name: "Batalkan perubahan ini" })).toHaveCount(0);
  for (const slug of slugs) expect(await publicRow(admin, slug)).toBeNull();
  expect(sql<{ status: string }>("SELECT status FROM Release WHERE id = ?", Number(releaseId))[0]!.status).toBe("WITHDRAWN");
});

/** Is the result of `slug` public in YEAR right now (read in a fresh tab, the admin's page stays)? */
async function reader(page: Page, slug: string): Promise<boolean> {
  const tab = await page.context().newPage();
  try {
    return (await publicRow(tab, slug)) !== null;
  } finally {
    await tab.close();
  }
}
