import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("Beranda: national ranking from the database", () => {
  test("shows Kota Banjarmasin 2024 with 95,45, zona hijau, kategori A and its source", async ({ page }) => {
    await page.goto("/?tahun=2024");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peringkat nasional 2024");
    const row = page.locator('tr[data-entity="pemkot-banjarmasin"]');
    await expect(row.getByRole("rowheader")).toContainText("Kota Banjarmasin");
    await expect(row).toContainText("Kalimantan Selatan");
    await expect(row).toContainText("95,45");
    await expect(row).toContainText("Zona hijau");
    await expect(row).toContainText("A");
    await expect(row).toContainText("Kualitas Tertinggi");
    // 22 of 98 kota are recorded: the rank stated is the source's, not a computed one.
    await expect(row).toContainText("24 dari 98 dinilai, menurut sumber");
    await expect(row).toContainText(/urutan \d+ dari \d+ hasil yang tercatat/);
    await expect(row.getByRole("link", { name: /sumber/ })).toHaveAttribute("href", /^https:\/\//);
    await page.screenshot({ path: "test-results/screenshots/beranda-2024.png", fullPage: false });
  });

  test("defaults to the latest year and keeps the year in the URL", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peringkat nasional 2025");
    await expect(page.getByText("belum terverifikasi").first()).toBeVisible();
    await page.getByRole("navigation", { name: "Tahun penilaian" }).getByRole("link", { name: "2023" }).click();
    await expect(page).toHaveURL(/\?tahun=2023$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peringkat nasional 2023");
    const row = page.locator('tr[data-entity="pemkot-banjarmasin"]');
    await expect(row).toContainText("88,02");
    await expect(row).toContainText("Sumber berbeda");
  });

  test("shows a zone-only result without a score or rank (Kota Palangka Raya 2024)", async ({ page }) => {
    await page.goto("/?tahun=2024");
    const row = page.locator('tr[data-entity="pemkot-palangkaraya"]');
    await expect(row).toContainText("tanpa nilai — tidak diperingkat");
    await expect(row).toContainText("Zona hijau");
    await expect(row).toContainText("menurut sumber");
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    await page.goto("/?tahun=2024");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});
