import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";

/**
 * Printing the tables as they carry their sources: each row's source list prints the addresses
 * (once, not after every footnote number), "sumber berbeda" prints with its explanation open,
 * and what is for the screen (the link and citation box, filters) is left out.
 */
const PAGES = [
  { name: "provinsi-kalimantan-selatan-2024", path: "/provinsi/kalimantan-selatan?tahun=2024" },
  { name: "instansi-pemkot-banjarmasin", path: "/instansi/pemkot-banjarmasin" },
  { name: "peringkat-2024", path: "/peringkat?tahun=2024" },
];

for (const { name, path } of PAGES) {
  test(`print ${path}: source addresses and conflict explanations on paper, no screen-only boxes`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("[data-cite-share]")).toBeHidden();
    const row = page.locator("tr:has([data-figure=sources] a[href^='https://'])").first();
    const listed = row.locator("[data-figure=sources] a[href^='https://']").first();
    expect(await listed.evaluate((a) => getComputedStyle(a, "::after").content)).toContain("https://");
    const footnote = row.locator("sup a[href^='https://']").first();
    if ((await footnote.count()) > 0) expect(await footnote.evaluate((a) => getComputedStyle(a, "::after").content)).toBe("none");
    const conflict = page.locator("[data-sources-differ]").first();
    if ((await conflict.count()) > 0) {
      await expect(conflict.locator("summary")).toBeVisible();
      await expect(conflict.locator("> div")).toBeVisible();
    }
    mkdirSync("test-results/print", { recursive: true });
    const pdf = await page.pdf({ path: `test-results/print/${name}.pdf`, format: "A4", printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
}
