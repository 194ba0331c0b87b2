import { expect, test, type Page } from "@playwright/test";

/**
 * Read on a phone (390 × 844): no page scrolls sideways, and the first rows of every results
 * table show the entity, its score and its zone on screen, without scrolling a table sideways.
 * The tables stay tables for assistive technology, and the tile map shows all 38 provinces.
 */
const PHONE = { width: 390, height: 844 };

const PAGES = [
  { name: "peringkat", path: "/peringkat?tahun=2024", table: "table.phone-rows" },
  { name: "provinsi", path: "/provinsi/kalimantan-selatan?tahun=2024", table: "table.phone-rows:has([data-entity])" },
  { name: "instansi", path: "/instansi/pemkot-banjarmasin", table: "table.phone-rows:has([data-year])" },
  { name: "beranda", path: "/?tahun=2024", table: "table.phone-rows" },
  { name: "bandingkan", path: "/bandingkan?instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah,polres-balangan", table: "table.phone-rows" },
];

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  // Nor inside a table's own scrolling box.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("table.phone-rows")]
      .filter((t) => t.parentElement && t.parentElement.scrollWidth > t.parentElement.clientWidth + 1)
      .map((t) => t.querySelector("caption")?.textContent ?? t.outerHTML.slice(0, 80)),
  );
  expect(wide).toEqual([]);
}

/** The element lies within the phone's width and, scrolled to, within the screen. */
async function onScreen(page: Page, selector: ReturnType<Page["locator"]>) {
  await selector.scrollIntoViewIfNeeded();
  await expect(selector).toBeInViewport();
  const box = (await selector.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: PHONE });

  for (const { name, path, table } of PAGES) {
    test(`${name}: no sideways scroll, the first rows' entity, score and zone on screen`, async ({ page }) => {
      await page.goto(path);
      await page.locator("main").waitFor();
      await page.waitForLoadState("networkidle");
      await noSidewaysScroll(page);
      const rows = page.locator(`${table} tbody tr`);
      expect(await rows.count()).toBeGreaterThan(0);
      for (let i = 0; i < Math.min(3, await rows.count()); i++) {
        const row = rows.nth(i);
        await onScreen(page, row.locator("th[scope=row]"));
        const score = row.locator("[data-figure=score]");
        if ((await score.count()) > 0) {
          await onScreen(page, score);
          await expect(score).toHaveText(/\d+,\d\d|—|–/);
          await onScreen(page, row.locator("[data-figure=zone]"));
        }
      }
      await page.screenshot({ path: `test-results/screenshots/phone-${name}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.reload();
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `test-results/screenshots/phone-${name}-1366.png`, fullPage: true });
    });
  }

  test("the rankings stay a table: rows, row headers, cells and column headers for assistive technology", async ({ page }) => {
    await page.goto("/peringkat?tahun=2024");
    const table = page.getByRole("table").first();
    await expect(table).toBeVisible();
    const first = table.getByRole("row").nth(1);
    await expect(first.getByRole("rowheader")).toHaveCount(1);
    expect(await first.getByRole("cell").count()).toBeGreaterThanOrEqual(8);
    expect(await table.getByRole("columnheader").count()).toBe(9);
    // The sort links stay on screen.
    await onScreen(page, table.getByRole("columnheader", { name: /Nilai/ }).getByRole("link"));
  });

  test("a conflict mark opens its explanation within the screen, and the source links are reachable", async ({ page }) => {
    await page.goto("/provinsi/kalimantan-selatan?tahun=2024");
    const row = page.locator('table.phone-rows tr[data-entity="pemkot-banjarmasin"]').first();
    const mark = row.locator("[data-sources-differ] summary").first();
    await onScreen(page, mark);
    await mark.click();
    const explanation = row.locator("[data-sources-differ][open] > div").first();
    await expect(explanation).toBeVisible();
    await onScreen(page, explanation);
    const source = row.locator("[data-figure=sources] a[href^='https://']").first();
    await onScreen(page, source);
  });

  test("the tile map shows all 38 provinces within the width, the eastern ones included, and tabs through them", async ({ page }) => {
    await page.goto("/?tahun=2024");
    const tiles = page.locator("a[data-province]");
    await expect(tiles).toHaveCount(38);
    for (const slug of ["aceh", "papua-selatan", "maluku-utara", "nusa-tenggara-timur", "kalimantan-selatan"]) {
      await onScreen(page, page.locator(`a[data-province="${slug}"]`));
    }
    const boxes = await tiles.evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, width: r.width })));
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
      expect(box.width).toBeGreaterThanOrEqual(40);
    }
    // Keyboard: focus moves from tile to tile and names the province.
    await tiles.first().focus();
    await page.keyboard.press("Tab");
    await expect(tiles.nth(1)).toBeFocused();
    await expect(page.locator("a[data-province]:focus")).toHaveAttribute("aria-label", /.+/);
    await page.locator("section[aria-labelledby=peta]").screenshot({ path: "test-results/screenshots/phone-map-390.png" });
  });
});
