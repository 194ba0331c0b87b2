import { expect, test } from "@playwright/test";

test.describe("Provinsi, Instansi, Bandingkan, Metodologi", () => {
  test("Kalimantan Selatan: Polres 2025 ranked 2 of 5 as published, averages with their coverage", async ({ page }) => {
    // The page opens on the province's newest year with a meaningful share of results (2024); 2025 is asked for.
    await page.goto("/provinsi/kalimantan-selatan?tahun=2025");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Provinsi Kalimantan Selatan");
    const polres2025 = page.locator("#tahun-2025 section[data-group=POLRES]");
    const balangan = polres2025.locator('tr[data-entity="polres-balangan"]');
    await expect(balangan).toContainText("91,66");
    await expect(balangan).toContainText("Sangat Baik");
    await expect(balangan).toContainText("2 dari 5 dinilai, menurut sumber");
    await expect(polres2025).toContainText("rata-rata 1 hasil yang tercatat; 1 dari 5 dinilai");
    // Its recorded score is the highest recorded, but the source ranks it 2nd: no "highest" is named.
    await expect(polres2025.locator("[data-leader=unknown]")).toContainText("tidak diketahui: hanya 1 dari 5 dinilai tercatat");
    // 2024: published averages (Pemda 93,64, Polres 93,89, Kantor Pertanahan 93,31), respondents, period.
    // One year in detail at a time: the table across years links to 2024.
    await page.getByRole("link", { name: "2024", exact: true }).first().click();
    await expect(page).toHaveURL(/\/provinsi\/kalimantan-selatan\?tahun=2024/);
    const y2024 = page.locator("#tahun-2024");
    await expect(y2024.locator("section[data-group=PEMDA]")).toContainText("93,64");
    await expect(y2024.locator("section[data-group=POLRES]")).toContainText("93,89");
    await expect(y2024.locator("section[data-group=KANTOR_PERTANAHAN]")).toContainText("93,31");
    await expect(y2024).toContainText("3.771");
    await expect(y2024).toContainText("Maret–November 2024");
    await expect(page.locator("#tahun-2025")).toHaveCount(0);
    await page.goto("/provinsi/kalimantan-selatan?tahun=2025");
    await expect(page.locator("#tahun-2025 section[data-group=KANTOR_PERTANAHAN]")).toContainText(
      "Belum ada hasil penilaian Kantor Pertanahan di provinsi ini untuk 2025.",
    );
  });

  test("an empty group says so: no Polres results in Kalimantan Selatan for 2022", async ({ page }) => {
    await page.goto("/provinsi/kalimantan-selatan?tahun=2022");
    await expect(page.locator("#tahun-2022 section[data-group=POLRES]")).toContainText(
      "Belum ada hasil penilaian Polres di provinsi ini untuk 2022.",
    );
  });

  test("Pemprov Kalimantan Tengah: 86,60 (2023) → 90,50 (2024), with chart, table and sources", async ({ page }) => {
    await page.goto("/instansi/pemprov-kalimantan-tengah");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Provinsi Kalimantan Tengah");
    await expect(page.locator('tr[data-year="2023"]')).toContainText("86,60");
    await expect(page.locator('tr[data-year="2024"]')).toContainText("90,50");
    await expect(page.locator('tr[data-year="2024"]')).toContainText("+3,90 sejak 2023");
    await expect(page.getByText(/2023: 86,60 \(Zona hijau\); 2024: 90,50 \(Zona hijau\)/)).toBeVisible();
    await page.getByText("Lihat tabel").click();
    await expect(page.locator("figure table")).toContainText("90,50");
    await expect(page.getByRole("heading", { name: "Sumber", exact: true })).toBeVisible();
    const chart = page.locator("[data-chart=score-history]");
    await expect(chart).toBeVisible();
    await expect(chart.locator("title")).toHaveText(["Provinsi Kalimantan Tengah, 2022: 77,50", "Provinsi Kalimantan Tengah, 2023: 86,60", "Provinsi Kalimantan Tengah, 2024: 90,50"]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the score history chart is drawn by the server: points, values and zone bands", async ({ page }) => {
      await page.goto("/instansi/pemprov-kalimantan-tengah");
      const chart = page.locator("[data-chart=score-history]");
      await expect(chart).toBeVisible();
      // One value written above each point, the line through both, and the zone bands behind.
      await expect(chart).toContainText("86,60");
      await expect(chart).toContainText("90,50");
      await expect(chart.locator("polyline[stroke='#0072B2']")).toHaveCount(1);
      expect(await chart.locator("rect").count()).toBeGreaterThanOrEqual(3);
      const box = await chart.boundingBox();
      expect(box!.height).toBeGreaterThan(250);
    });
  });

  test("Kota Banjarmasin: 95,45 in 2024, zona hijau, kategori A, and the 2023 disagreement between sources", async ({ page }) => {
    await page.goto("/instansi/pemkot-banjarmasin");
    const y2024 = page.locator('tr[data-year="2024"]');
    await expect(y2024).toContainText("95,45");
    await expect(y2024).toContainText("Zona hijau");
    await expect(y2024).toContainText("A");
    await expect(y2024).toContainText("24 dari 98 dinilai, menurut sumber");
    await expect(page.getByText("sumber berbeda").first()).toBeVisible();
    await expect(page.locator('section[aria-labelledby="sumber"]').getByText(/88,01/).first()).toBeVisible();
    await expect(page.getByText("metode berubah").first()).toBeVisible();
  });

  test("Bandingkan: entities from the URL on one chart and one table; search adds one", async ({ page }) => {
    await page.goto("/bandingkan?instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah");
    const table = page.getByRole("table", { name: "Nilai per tahun" });
    await expect(table.getByRole("row", { name: /2024/ })).toContainText("95,45");
    await expect(table.getByRole("row", { name: /2024/ })).toContainText("90,50");
    // Both on the chart, each with its own colour and dash, values on hover.
    const chart = page.locator("[data-chart=score-history]");
    await expect(chart.locator("polyline[stroke='#0072B2']")).toHaveCount(1);
    await expect(chart.locator("polyline[stroke='#D55E00']")).toHaveCount(1);
    await expect(chart.locator("title", { hasText: "Kota Banjarmasin, 2024: 95,45" })).toHaveCount(1);
    await page.getByLabel("Cari instansi").fill("Balangan");
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByRole("link", { name: "Tambahkan Polres Balangan" }).click();
    await expect(page).toHaveURL(/instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah,polres-balangan/);
    await expect(page.getByRole("table", { name: "Nilai per tahun" }).getByRole("row", { name: /2025/ })).toContainText("91,66");
  });

  test("Bandingkan: a mistyped address says which entity is unknown and still shows the others", async ({ page }) => {
    await page.goto("/bandingkan?instansi=pemkot-banjarmasn,pemkot-banjarmasin");
    await expect(page.getByRole("status").filter({ hasText: "tidak dikenal" })).toContainText("pemkot-banjarmasn");
    await expect(page.getByRole("table", { name: "Nilai per tahun" }).getByRole("row", { name: /2024/ })).toContainText("95,45");
  });

  test("Metodologi: each year's bands and weights from the database, unverified years marked", async ({ page }) => {
    await page.goto("/metodologi");
    const y2023 = page.locator("#tahun-2023");
    await expect(y2023).toContainText("88,00–100,00");
    await expect(y2023).toContainText("Kualitas Tertinggi");
    await expect(y2023).toContainText("21,85 %");
    await expect(page.locator("#tahun-2025")).toContainText("Batas nilai belum terverifikasi");
    await expect(page.locator("#tahun-2019")).toContainText("Batas nilai belum terverifikasi");
  });

  test("unknown slugs are a real 404", async ({ page }) => {
    for (const path of ["/provinsi/atlantis", "/instansi/tidak-ada", "/en/instansi/tidak-ada", "/halaman-tidak-ada"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  });

  test("English is complete and URL-reflected; the switch keeps the filters", async ({ page }) => {
    await page.goto("/peringkat?tahun=2024&jenis=pemkot");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/peringkat\?tahun=2024&jenis=pemkot$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rankings 2024");
    const row = page.locator('tr[data-entity="pemkot-banjarmasin"]');
    await expect(row).toContainText("95.45");
    await expect(row).toContainText("Green zone");
    await expect(row).toContainText("24 of 98 assessed, according to the source");
    await page.getByRole("link", { name: "Bahasa Indonesia" }).click();
    await expect(page).toHaveURL(/\/peringkat\?tahun=2024&jenis=pemkot$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peringkat 2024");
    await page.goto("/en/provinsi/kalimantan-selatan?tahun=2024");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kalimantan Selatan province");
    await expect(page.locator("#tahun-2024")).toContainText("3,771");
  });
});
