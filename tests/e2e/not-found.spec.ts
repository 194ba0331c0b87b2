import { expect, test } from "@playwright/test";

/**
 * The public 404 page without JavaScript: a path no page answers is rendered by the catch-all
 * route itself (content, header, footer and the one skip link in the HTML), with a 404 status.
 */
test.describe("the 404 page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("has its heading, its way home and one skip link, with a 404 status, in both languages", async ({ page }) => {
    const response = await page.goto("/halaman-tidak-ada");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    await expect(page.getByRole("link", { name: "Langsung ke konten" })).toHaveCount(1);
    await expect(page.locator("main#konten").getByRole("link", { name: "Kembali ke beranda" })).toHaveAttribute("href", "/");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    const en = await page.goto("/en/no-such-page/at-all");
    expect(en?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.locator("main#konten").getByRole("link", { name: "Back to the overview" })).toHaveAttribute("href", "/en");
  });

  test("an unknown entity or province address has the same page, with a 404 status, in both languages", async ({ page }) => {
    const entity = await page.goto("/instansi/instansi-yang-tidak-ada");
    expect(entity?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    await expect(page.getByRole("link", { name: "Langsung ke konten" })).toHaveCount(1);
    await expect(page).toHaveURL(/\/instansi\/instansi-yang-tidak-ada$/);

    const province = await page.goto("/en/provinsi/atlantis?tahun=2024");
    expect(province?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });

  test("the pages that exist keep their status", async ({ request }) => {
    for (const path of ["/", "/peringkat", "/en/metodologi", "/cari?q=hss", "/provinsi/kalimantan-selatan", "/instansi/pemkot-banjarmasin", "/en/instansi/polres-balangan?tahun=2025"]) {
      expect((await request.get(path)).status(), path).toBe(200);
    }
  });
});
