import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";

/** Type into the header's search box and wait for its suggestions. */
async function suggest(page: Page, text: string) {
  await page.waitForLoadState("networkidle");
  const box = page.getByRole("combobox", { name: "Telusuri instansi atau provinsi" });
  await box.fill(text);
  const list = page.getByRole("listbox", { name: "Saran pencarian" });
  await expect(list).toBeVisible();
  return { box, list, options: list.getByRole("option") };
}

test.describe("One search, everywhere", () => {
  test("hss → Kabupaten Hulu Sungai Selatan; the arrow keys and Enter open it", async ({ page }) => {
    await page.goto("/");
    const { box, options } = await suggest(page, "hss");
    await expect(options.first()).toContainText("Kabupaten Hulu Sungai Selatan");
    await expect(options.first()).toContainText("Pemerintah Kabupaten · Kalimantan Selatan · Hasil: 2023–2025");
    await expect(page.getByRole("status").filter({ hasText: /saran; gunakan panah/ })).toHaveText(/^\d+ saran/);
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/instansi\/pemkab-hulu-sungai-selatan$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kabupaten Hulu Sungai Selatan");
  });

  test("kota bjm and the typo banjrmasin → Kota Banjarmasin", async ({ page }) => {
    await page.goto("/peringkat");
    for (const text of ["kota bjm", "banjrmasin"]) {
      const { options } = await suggest(page, text);
      await expect(options.first()).toContainText("Kota Banjarmasin");
      await expect(options.first()).toContainText("Pemerintah Kota · Kalimantan Selatan · Hasil: 2021–2024");
    }
    const { options } = await suggest(page, "kota bjm");
    await options.first().click();
    await expect(page).toHaveURL(/\/instansi\/pemkot-banjarmasin$/);
  });

  test("kalsel → the province first, then its entities", async ({ page }) => {
    await page.goto("/");
    const { options } = await suggest(page, "kalsel");
    await expect(options.first()).toContainText("Kalimantan Selatan");
    await expect(options.first()).toContainText("Provinsi · Hasil: 2021–2025");
    await expect(options.nth(1)).toContainText("Kalimantan Selatan");
    await expect(options.filter({ hasText: "Provinsi Kalimantan Selatan" })).toHaveCount(1);
    await options.first().click();
    await expect(page).toHaveURL(/\/provinsi\/kalimantan-selatan$/);
  });

  test("polres balangan from the 2024 rankings page: the header shows its year, the name filter says which year has it", async ({ page }) => {
    await page.goto("/peringkat?tahun=2024");
    const { options } = await suggest(page, "polres balangan");
    await expect(options.first()).toContainText("Polres Balangan");
    await expect(options.first()).toContainText("Polres · Kalimantan Selatan · Hasil: 2025");
    await page.keyboard.press("Escape");
    await page.getByRole("searchbox", { name: "Cari nama" }).fill("polres balangan");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page.getByText("Tidak ada hasil penilaian 2024 yang cocok dengan saringan ini.")).toBeVisible();
    const other = page.locator("[data-other-years]");
    await expect(other).toContainText("“polres balangan” ada di tahun lain:");
    await other.getByRole("link", { name: "2025 (1 hasil)" }).click();
    await expect(page).toHaveURL(/tahun=2025/);
    await expect(page.locator('tr[data-entity="polres-balangan"]')).toContainText("91,66");
  });

  test("the rankings' name filter finds abbreviations too", async ({ page }) => {
    await page.goto("/peringkat?tahun=2024&q=kab.%20hss");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator('tr[data-entity="pemkab-hulu-sungai-selatan"]')).toContainText("96,52");
  });

  test("without JavaScript the search is a plain form to the results page", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/peringkat");
    await page.getByRole("combobox", { name: "Telusuri instansi atau provinsi" }).fill("hss");
    await page.getByRole("button", { name: "Telusuri" }).click();
    await expect(page).toHaveURL(/\/cari\?q=hss$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cari instansi atau provinsi");
    const first = page.locator("ol li").first();
    await expect(first.getByRole("link", { name: "Kabupaten Hulu Sungai Selatan", exact: true })).toHaveAttribute("href", "/instansi/pemkab-hulu-sungai-selatan");
    await expect(first).toContainText("Pemerintah Kabupaten · Kalimantan Selatan");
    await expect(first.getByRole("link", { name: "Kabupaten Hulu Sungai Selatan, 2024" })).toHaveAttribute("href", "/instansi/pemkab-hulu-sungai-selatan?tahun=2024");
    await page.goto("/en/cari?q=kota%20bjm");
    await expect(page.locator("ol li").first()).toContainText("Kota Banjarmasin");
    await context.close();
  });

  test("the suggestions come from a documented, cached JSON route", async ({ request }) => {
    const response = await request.get("/api/v1/search?q=hss&limit=3");
    expect(response.status()).toBe(200);
    expect(response.headers()["etag"]).toBeTruthy();
    const body = (await response.json()) as { data: { slug: string; years: number[]; path: string }[] };
    expect(body.data[0]).toMatchObject({ slug: "pemkab-hulu-sungai-selatan", years: [2023, 2024, 2025], path: "/instansi/pemkab-hulu-sungai-selatan" });
    expect(body.data.length).toBeLessThanOrEqual(3);
    // The production server keeps the answer until the data changes.
    expect((await request.get("/api/v1/search?q=hss&limit=3")).headers()["x-rapor-cache"]).toBe("hit");
    expect((await request.get("/api/v1/search")).status()).toBe(400);
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(doc.paths["/api/v1/search"].get.operationId).toBe("search");
  });

  test("screenshots of the header search with suggestions at 1366 and 390 px, accessible", async ({ page }) => {
    mkdirSync("test-results/screenshots", { recursive: true });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto("/peringkat?tahun=2024");
      const { box } = await suggest(page, width > 400 ? "hss" : "kota bjm");
      await box.press("ArrowDown");
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await page.screenshot({ path: `test-results/screenshots/search-${width}.png` });
    }
    const axe = await new AxeBuilder({ page }).include("header").analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});

test.describe("Addresses that forgive", () => {
  test("another name of an entity redirects permanently to its address", async ({ page, request }) => {
    const response = await request.get("/instansi/pemkot-palangka-raya", { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers()["location"]).toMatch(/\/instansi\/pemkot-palangkaraya$/);
    const kota = await request.get("/instansi/kota-banjarmasin?tahun=2024", { maxRedirects: 0 });
    expect(kota.status()).toBe(308);
    expect(kota.headers()["location"]).toMatch(/\/instansi\/pemkot-banjarmasin\?tahun=2024$/);
    await page.goto("/instansi/pemkot-palangka-raya");
    await expect(page).toHaveURL(/\/instansi\/pemkot-palangkaraya$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kota Palangkaraya");
    await page.goto("/provinsi/kalsel");
    await expect(page).toHaveURL(/\/provinsi\/kalimantan-selatan$/);
  });

  test("?tahun=abc: the page names the value, what it shows instead and the address of the view", async ({ page }) => {
    await page.goto("/peringkat?tahun=abc&jenis=pemkot");
    const notice = page.getByRole("region", { name: "Alamat disesuaikan" });
    // The year the page opens on (lib/record/years.ts): 2024, since 2025 has too few results yet.
    await expect(notice).toContainText("Nilai “abc” untuk tahun tidak valid. Ditampilkan: tahun 2024.");
    await expect(notice.getByRole("link", { name: "/peringkat?tahun=2024&jenis=pemkot" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2024");
    await page.goto("/peringkat?tahun=2030&provinsi=atlantis");
    await expect(notice).toContainText("Belum ada hasil yang dipublikasikan untuk tahun 2030. Ditampilkan: tahun 2024.");
    await expect(notice).toContainText("Provinsi “atlantis” tidak dikenal. Ditampilkan: semua provinsi.");
    await page.goto("/peringkat?jenis=sekolah");
    await expect(notice).toContainText("Nilai “sekolah” untuk jenis tidak valid. Ditampilkan: semua jenis.");
    await page.goto("/provinsi/kalimantan-selatan?tahun=abc");
    await expect(notice).toContainText("Nilai “abc” untuk tahun tidak valid.");
    // A year without results on the province page and the home page: the year each opens on.
    await page.goto("/provinsi/kalimantan-selatan?tahun=2030");
    await expect(notice).toContainText("Belum ada hasil yang dipublikasikan untuk tahun 2030. Ditampilkan: tahun 2024.");
    await expect(notice.getByRole("link", { name: "/provinsi/kalimantan-selatan?tahun=2024" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Penilaian 2024" })).toBeVisible();
    await page.goto("/?tahun=2030");
    await expect(notice).toContainText("Belum ada hasil yang dipublikasikan untuk tahun 2030. Ditampilkan: tahun 2024.");
    await expect(notice.getByRole("link", { name: "/?tahun=2024" })).toBeVisible();
    await page.goto("/peringkat?tahun=2024");
    await expect(notice).toHaveCount(0);
  });

  test("/bandingkan says when it keeps only the first four", async ({ page }) => {
    await page.goto("/bandingkan?instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah,polres-balangan,pemkot-banjarbaru,pemkab-tanah-laut,pemkab-banjar");
    const notice = page.getByRole("region", { name: "Alamat disesuaikan" });
    await expect(notice).toContainText("Perbandingan memuat paling banyak empat instansi: “pemkab-tanah-laut” tidak ditampilkan. Ditampilkan: empat instansi pertama.");
    await expect(notice).toContainText("“pemkab-banjar” tidak ditampilkan.");
  });
});

test.describe("Keep the context", () => {
  test("a map tile click keeps the year; the province page's links keep it too", async ({ page }) => {
    await page.goto("/?tahun=2024");
    await page.waitForLoadState("networkidle");
    await page.locator('a[data-province="kalimantan-selatan"]').click();
    await expect(page).toHaveURL(/\/provinsi\/kalimantan-selatan\?tahun=2024$/);
    await expect(page.getByRole("heading", { name: "Penilaian 2024" })).toBeVisible();
    await page.locator('#tahun-2024 tr[data-entity="pemkot-banjarmasin"]').getByRole("link", { name: "Kota Banjarmasin" }).click();
    await expect(page).toHaveURL(/\/instansi\/pemkot-banjarmasin\?tahun=2024$/);
    await expect(page.locator('tr[data-year="2024"]')).toHaveAttribute("aria-current", "true");
    await page.getByRole("link", { name: "Kalimantan Selatan" }).first().click();
    await expect(page).toHaveURL(/\/provinsi\/kalimantan-selatan\?tahun=2024$/);
    await page.goto("/instansi/pemkot-banjarmasin?tahun=2024");
    await page.getByRole("link", { name: "Peringkat 2024" }).click();
    await expect(page).toHaveURL(/\/peringkat\?tahun=2024&jenis=pemkot$/);
    await page.locator('tr[data-entity="pemkot-banjarmasin"]').getByRole("link", { name: "Kalimantan Selatan" }).click();
    await expect(page).toHaveURL(/\/provinsi\/kalimantan-selatan\?tahun=2024$/);
  });

  test("top lists link the entity on the year shown", async ({ page }) => {
    await page.goto("/?tahun=2023");
    // The entities' links (a leader's published rank comes first, with its source's footnote link).
    const links = page.locator("#teratas").locator("..").locator('a[href*="/instansi/"]');
    await expect(links.first()).toHaveAttribute("href", /\/instansi\/[a-z0-9-]+\?tahun=2023$/);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) expect(href).toMatch(/\/instansi\/[a-z0-9-]+\?tahun=2023$/);
  });
});

test.describe("Ready for a report", () => {
  test("the XLSX has Indonesian headers and labels from the Indonesian pages, English from the English ones", async ({ page, request }) => {
    await page.goto("/peringkat?tahun=2024&jenis=pemkot");
    const href = (await page.getByRole("navigation", { name: "Unduh tabel ini" }).getByRole("link", { name: "Excel (XLSX)" }).getAttribute("href"))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await request.get(href)).body()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Hasil")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(["Tahun", "Jenis instansi", "Instansi", "Provinsi", "Nilai"]);
    const column = (name: string) => headers.indexOf(name) + 1;
    let banjarmasin: ExcelJS.Row | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(column("Instansi")).value === "Kota Banjarmasin") banjarmasin = row;
    });
    const row = banjarmasin as unknown as ExcelJS.Row;
    expect(row.getCell(column("Jenis instansi")).value).toBe("Pemerintah Kota");
    expect(row.getCell(column("Zona (menurut batas nilai tahun itu)")).value).toBe("Zona Hijau");
    // A number, shown with two decimals (a comma in an Indonesian Excel).
    expect(row.getCell(column("Nilai")).value).toBe(95.45);
    expect(sheet.getColumn(column("Nilai")).numFmt).toBe("0.00");
    expect(row.getCell(column("Dasar peringkat nasional")).value).toBe("menurut sumber");
    const info = workbook.getWorksheet("Keterangan")!;
    const infoRows = (info.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).join(" "));
    expect(infoRows.join("\n")).toContain("Saringan Tahun: 2024; Jenis: Pemerintah Kota; Provinsi: semua");
    expect(infoRows.some((r) => /^Diunduh \d{1,2} \w+ 20\d\d$/.test(r))).toBe(true);
    expect(infoRows.some((r) => r.includes("https://"))).toBe(true);

    await page.goto("/en/peringkat?tahun=2024&jenis=pemkot");
    const enHref = (await page.getByRole("navigation", { name: "Download this table" }).getByRole("link", { name: "Excel (XLSX)" }).getAttribute("href"))!;
    expect(enHref).toContain("bahasa=en");
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(Buffer.from(await (await request.get(enHref)).body()) as unknown as ExcelJS.Buffer);
    expect((en.getWorksheet("Results")!.getRow(1).values as unknown[]).slice(1, 6)).toEqual(["Year", "Entity type", "Entity", "Province", "Score"]);
    expect(en.getWorksheet("About")).toBeTruthy();
    // CSV keeps the codes.
    const csv = await (await request.get(href.replace("format=xlsx", "format=csv"))).text();
    expect(csv.split("\n")[0]).toMatch(/^year,entity_type,entity_name,province,score,zone/);
    expect(csv).toContain("PEMKOT,Kota Banjarmasin,Kalimantan Selatan,95.45,HIJAU");
  });

  test("print: no navigation, buttons, year switch, downloads or admin link; sources and the address printed; a PDF", async ({ page }) => {
    await page.goto("/provinsi/kalimantan-selatan?tahun=2024");
    await page.waitForLoadState("networkidle");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeHidden();
    await expect(page.getByRole("combobox", { name: "Telusuri instansi atau provinsi" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Rincian per tahun" })).toBeHidden();
    await expect(page.getByRole("link", { name: "Masuk admin" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: /^Unduh tabel ini/ }).first()).toBeHidden();
    await expect(page.locator("[data-print-footer]")).toBeVisible();
    await expect(page.locator("[data-print-footer]")).toContainText(/Dicetak dari http:\/\/.+\/provinsi\/kalimantan-selatan\?tahun=2024, diakses \d{1,2} \w+ 20\d\d\./);
    const after = await page.locator('#tahun-2024 a[href^="https://"]').first().evaluate((a) => getComputedStyle(a, "::after").content);
    expect(after).toContain("https://");
    mkdirSync("test-results/print", { recursive: true });
    const pdf = await page.pdf({ path: "test-results/print/provinsi-kalimantan-selatan-2024.pdf", format: "A4", printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});

test.describe("Small things", () => {
  test("footer links, a favicon, one skip link on the 404 page, share tags", async ({ page, request }) => {
    await page.goto("/peringkat");
    const footer = page.locator("footer");
    await expect(footer.getByRole("link", { name: "API data terbuka" })).toHaveAttribute("href", "/dokumentasi-api");
    await expect(footer.getByRole("link", { name: "Metodologi penilaian" })).toHaveAttribute("href", "/metodologi");
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/");
    await page.goto("/halaman-tidak-ada");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    await expect(page.getByRole("link", { name: "Langsung ke konten" })).toHaveCount(1);
    await page.goto("/instansi/pemkot-banjarmasin?tahun=2024");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Kota Banjarmasin");
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", "Kota Banjarmasin, 2024: nilai 95,45 (Zona hijau, kategori A).");
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
    await page.goto("/provinsi/kalimantan-selatan?tahun=2024");
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", "Provinsi Kalimantan Selatan, 2024: rata-rata Pemda 93,64 (Zona hijau).");
  });
});
