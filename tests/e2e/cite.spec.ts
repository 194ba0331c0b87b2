import { expect, test, type Page } from "@playwright/test";

/**
 * "Salin tautan" and "Kutip" on the entity, province and rankings views: the exact address of
 * the view (visible and selectable without JavaScript, copied with it) and a citation line in
 * the interface's language with the figures' own sources.
 */
const FAKTANOW = "https://faktanow.com/2025/05/27/ombudsman-puji-reformasi-birokrasi-banjarmasin-nilai-kepatuhan-tertinggi-di-kalsel";
const INTERAKSI = "https://interaksi.co/penilaian-kepatuhan-pelayanan-publik-2024-banjarmasin-tertinggi-se-kalsel";

function origin(): string {
  return String(test.info().project.use.baseURL).replace(/\/$/, "");
}

const banjarmasin = {
  id: (address: string, date: string) =>
    `Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Kota Banjarmasin 95,45 (Zona Hijau, A), peringkat 24 dari 98 kota. ` +
    `Sumber nilai: ${FAKTANOW}; sumber peringkat: ${INTERAKSI}. Via Rapor, ${address}, diakses ${date}.`,
  en: (address: string, date: string) =>
    `Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Kota Banjarmasin 95.45 (Green zone, A), rank 24 of 98 cities. ` +
    `Score source: ${FAKTANOW}; rank source: ${INTERAKSI}. Via Rapor, ${address}, accessed ${date}.`,
};

/** Today as the browser writes it (the access date the page shows once its script runs). */
const browserToday = (page: Page, locale: string) => page.evaluate((l) => new Intl.DateTimeFormat(l, { dateStyle: "long" }).format(new Date()), locale);
/** Today on the server's calendar (WIB), as the page is written without JavaScript. */
const serverToday = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Jakarta" }).format(new Date());

test.describe("cite and share", () => {
  test("Kota Banjarmasin 2024: the citation, exactly, in Indonesian and in English", async ({ page }) => {
    await page.goto("/instansi/pemkot-banjarmasin?tahun=2024");
    await page.locator("[data-cite] summary").click();
    const address = `${origin()}/instansi/pemkot-banjarmasin?tahun=2024`;
    await expect(page.locator("[data-citation]")).toHaveText(banjarmasin.id(address, await browserToday(page, "id-ID")));
    await expect(page.locator("[data-page-address]")).toHaveValue(address);

    await page.goto("/en/instansi/pemkot-banjarmasin?tahun=2024");
    await page.locator("[data-cite] summary").click();
    const enAddress = `${origin()}/en/instansi/pemkot-banjarmasin?tahun=2024`;
    await expect(page.locator("[data-citation]")).toHaveText(banjarmasin.en(enAddress, await browserToday(page, "en-GB")));
    await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  });

  test("the entity page without a year cites its latest result, at that year's address", async ({ page }) => {
    await page.goto("/instansi/pemkot-banjarmasin");
    await expect(page.locator("[data-page-address]")).toHaveValue(`${origin()}/instansi/pemkot-banjarmasin`);
    await page.locator("[data-cite] summary").click();
    await expect(page.locator("[data-citation]")).toContainText(`Via Rapor, ${origin()}/instansi/pemkot-banjarmasin?tahun=2024, diakses`);
  });

  test("Salin tautan and Salin kutipan copy the address and the line", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/peringkat?tahun=2024&jenis=pemkot&provinsi=kalimantan-selatan");
    const address = await page.locator("[data-page-address]").inputValue();
    expect(address).toBe(`${origin()}/peringkat?tahun=2024&jenis=pemkot&provinsi=kalimantan-selatan`);
    await page.getByRole("button", { name: "Salin tautan" }).click();
    await expect(page.locator("[data-cite-share] [role=status]").first()).toHaveText("Tersalin.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    // The copied address reproduces the view.
    const copied = new URL(address);
    await page.goto(copied.pathname + copied.search);
    await expect(page.locator("h1")).toHaveText("Peringkat 2024");
    await expect(page.locator("select[name=jenis]")).toHaveValue("pemkot");

    await page.locator("[data-cite] summary").click();
    await expect(page.locator("[data-citation]")).toHaveText(
      `Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: peringkat Pemerintah Kota, Kalimantan Selatan, ${await page.locator("table.phone-rows tbody tr").count()} hasil. ` +
        `Sumber setiap hasil tercantum pada tabel. Via Rapor, ${address}, diakses ${await browserToday(page, "id-ID")}.`,
    );
    await page.getByRole("button", { name: "Salin kutipan" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator("[data-citation]").innerText());
  });

  test("the province page cites its Pemda average with what it rests on", async ({ page }) => {
    await page.goto("/provinsi/kalimantan-selatan?tahun=2024");
    const address = `${origin()}/provinsi/kalimantan-selatan?tahun=2024`;
    await expect(page.locator("[data-page-address]")).toHaveValue(address);
    await page.locator("[data-cite] summary").click();
    await expect(page.locator("[data-citation]")).toHaveText(
      new RegExp(`^Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Provinsi Kalimantan Selatan, rata-rata Pemda 93,64 \\(Zona Hijau\\), menurut sumber\\. Sumber: https://\\S+\\. Via Rapor, ${address.replace(/[.?]/g, "\\$&")}, diakses `),
    );
  });

  test("the shared tags carry each page's main figure", async ({ page }) => {
    await page.goto("/instansi/pemkot-banjarmasin?tahun=2024");
    await expect(page.locator('meta[name="twitter:description"]')).toHaveAttribute("content", "Kota Banjarmasin, 2024: nilai 95,45 (Zona hijau, kategori A).");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Kota Banjarmasin");
    await page.goto("/provinsi/kalimantan-selatan?tahun=2024");
    await expect(page.locator('meta[name="twitter:description"]')).toHaveAttribute("content", "Provinsi Kalimantan Selatan, 2024: rata-rata Pemda 93,64 (Zona hijau).");
    await page.goto("/peringkat?tahun=2024");
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /^Peringkat 2024: \d+ hasil penilaian; nilai tertinggi .+ \(\d+,\d\d\)\.$/);
    await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute("content", "Peringkat 2024");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the address is on the page, selectable, and the citation readable, with the server's date", async ({ page }) => {
    await page.goto("/instansi/pemkot-banjarmasin?tahun=2024");
    const address = `${origin()}/instansi/pemkot-banjarmasin?tahun=2024`;
    await expect(page.locator("[data-page-address]")).toHaveValue(address);
    await expect(page.locator("[data-page-address]")).toBeVisible();
    // No button that could not work.
    await expect(page.getByRole("button", { name: "Salin tautan" })).toHaveCount(0);
    await page.locator("[data-cite] summary").click();
    await expect(page.locator("[data-citation]")).toHaveText(banjarmasin.id(address, serverToday("id-ID")));
    await page.goto("/en/instansi/pemkot-banjarmasin?tahun=2024");
    await page.locator("[data-cite] summary").click();
    await expect(page.locator("[data-citation]")).toHaveText(banjarmasin.en(`${origin()}/en/instansi/pemkot-banjarmasin?tahun=2024`, serverToday("en-GB")));
  });
});
