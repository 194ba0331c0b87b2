import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = [
  { name: "beranda", path: "/?tahun=2024" },
  { name: "peringkat", path: "/peringkat?tahun=2024" },
  { name: "provinsi", path: "/provinsi/kalimantan-selatan" },
  { name: "instansi", path: "/instansi/pemkot-banjarmasin" },
  { name: "bandingkan", path: "/bandingkan?instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah,polres-balangan" },
  { name: "metodologi", path: "/metodologi" },
  { name: "en-peringkat", path: "/en/peringkat?tahun=2025" },
  { name: "404", path: "/provinsi/atlantis" },
];

for (const { name, path } of PAGES) {
  test.describe(`${name} (${path})`, () => {
    test("has no serious or critical accessibility violations", async ({ page }) => {
      await page.goto(path);
      await page.locator("main").waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    });

    test("fits a 360 px phone without horizontal page scroll, and looks right on desktop", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(path);
      await page.locator("main").waitFor();
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `test-results/screenshots/${name}-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await page.screenshot({ path: `test-results/screenshots/${name}-360.png`, fullPage: true });
    });
  });
}
