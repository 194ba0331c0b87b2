import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("Beranda: overview of a year", () => {
  test("shows the year's zone distribution, national trend, tile map and methodology note", async ({ page }) => {
    await page.goto("/?tahun=2024");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ringkasan penilaian 2024");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    const pemkot = page.locator('tr[data-type="PEMKOT"]');
    await expect(pemkot.getByRole("rowheader")).toHaveText("Pemerintah Kota");
    // Recorded against the 98 kota assessed: partial, and the published national count beside it.
    await expect(pemkot).toContainText(/\d+ dari 98/);
    await expect(pemkot).toContainText("sebagian");
    await expect(pemkot).toContainText("Zona hijau 94");
    // National trend: published counts (2024: 494 hijau, 70 kuning, 23 merah), 2025 from recorded results only.
    await page.getByText("Lihat tabel").first().click();
    const trend = page.locator("figure#tren, figure").filter({ hasText: "Jumlah instansi per zona secara nasional" });
    await expect(trend.getByRole("row", { name: /2024/ })).toContainText("494");
    await expect(trend.getByRole("row", { name: /2024/ })).toContainText("23");
    await expect(trend.getByRole("row", { name: /2021/ })).toContainText("316");
    await expect(trend.getByRole("row", { name: /2025/ })).toContainText("hanya");
    await expect(page.getByText("Tahun bertanda bintang")).toBeVisible();
    // The chart itself loads once it comes near the screen (recharts is not first-load JS).
    await trend.scrollIntoViewIfNeeded();
    await expect(trend.locator(".recharts-surface").last()).toBeVisible();
    // Tile map: Kalimantan Selatan coloured by its published Pemda average.
    await expect(page.locator('a[data-province="kalimantan-selatan"]')).toHaveAttribute("aria-label", /Kalimantan Selatan: rata-rata Pemda 93,64, Zona hijau \(rata-rata menurut sumber\)/);
    await expect(page.locator("a[data-province]")).toHaveCount(38);
    await expect(page.getByText("Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik. Batas nilai:")).toBeVisible();
    await expect(page.getByText("Lima teratas").first()).toBeVisible();
  });

  test("opens on the newest year with a meaningful share of results and says why; the newest is one click away; keeps the year in the URL", async ({ page }) => {
    await page.goto("/");
    // 2025 has about a third of the results of the best-covered year: the page opens on 2024.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ringkasan penilaian 2024");
    await expect(page.locator("[data-year-choice]")).toContainText("Menampilkan 2024");
    await expect(page.getByRole("navigation", { name: "Tahun penilaian" }).getByRole("link", { name: /2025 \(\d+ hasil tercatat/ })).toBeVisible();
    await page.locator("[data-year-choice]").getByRole("link", { name: "lihat 2025" }).click();
    await expect(page).toHaveURL(/\?tahun=2025$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ringkasan penilaian 2025");
    await expect(page.getByText("Batas nilai tahun ini belum terverifikasi.")).toBeVisible();
    await page.getByRole("navigation", { name: "Tahun penilaian" }).getByRole("link", { name: "2023" }).click();
    await expect(page).toHaveURL(/\?tahun=2023$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ringkasan penilaian 2023");
  });

  test("the tile map is keyboard-usable: focus shows the tooltip, Enter opens the province", async ({ page }) => {
    await page.goto("/?tahun=2024");
    // The map is interactive once hydrated.
    await page.waitForLoadState("networkidle");
    const kalsel = page.locator('a[data-province="kalimantan-selatan"]');
    await kalsel.focus();
    await expect(kalsel).toBeFocused();
    // The tooltip box comes first; the same text sits in the (closed) table alternative.
    await expect(page.getByText("Kalimantan Selatan: rata-rata Pemda 93,64").first()).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.locator("a[data-province]:focus")).toHaveCount(1);
    await kalsel.focus();
    await page.keyboard.press("Enter");
    // The tile keeps the map's year (issue: context was lost, the province opened on the latest year).
    await expect(page).toHaveURL(/\/provinsi\/kalimantan-selatan\?tahun=2024$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Provinsi Kalimantan Selatan");
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    await page.goto("/?tahun=2024");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});
