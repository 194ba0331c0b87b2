import { expect, test } from "@playwright/test";

test.describe("Peringkat: the rankings explorer", () => {
  test("shows Kota Banjarmasin 2024 with 95,45, zona hijau, kategori A, its ranks and source", async ({ page }) => {
    await page.goto("/peringkat?tahun=2024&jenis=pemkot");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peringkat 2024");
    const row = page.locator('tr[data-entity="pemkot-banjarmasin"]');
    await expect(row.getByRole("rowheader")).toContainText("Kota Banjarmasin");
    await expect(row).toContainText("Kalimantan Selatan");
    await expect(row).toContainText("95,45");
    await expect(row).toContainText("Zona hijau");
    await expect(row).toContainText("A");
    await expect(row).toContainText("Kualitas Tertinggi");
    // 22 of 98 kota are recorded: the national rank stated is the source's, not a computed one.
    await expect(row).toContainText("24 dari 98 dinilai, menurut sumber");
    await expect(row).toContainText(/urutan \d+ dari \d+ hasil yang tercatat/);
    await expect(row).toContainText("1 menurut sumber");
    await expect(row).toContainText("+7,43 sejak 2023");
    // Each figure links to the sources that state it: the national rank to the articles giving "24".
    const rankLinks = row.locator("[data-figure=national-rank] a[href^='https://']");
    await expect(rankLinks).toHaveCount(2);
    await expect(row.locator("[data-figure=sources] a[href^='https://']")).toHaveCount(3);
  });

  test("shows Polres Balangan 2025: 91,66, Sangat Baik, 2nd of the 5 assessed in Kalimantan Selatan", async ({ page }) => {
    await page.goto("/peringkat?tahun=2025&jenis=polres&provinsi=kalimantan-selatan");
    await expect(page.getByText("Menampilkan 1–1 dari 1 hasil.")).toBeVisible();
    const row = page.locator('tr[data-entity="polres-balangan"]');
    await expect(row).toContainText("91,66");
    await expect(row).toContainText("Sangat Baik");
    // 2025's bands are not verified and no source states a zone: none is invented.
    await expect(row.locator("[data-figure=zone]")).toHaveText("tidak ditetapkan");
    await expect(row).not.toContainText("Zona hijau");
    await expect(row.locator("td").nth(1)).toContainText("2 dari 5 dinilai, menurut sumber");
    await expect(row.locator("td").nth(1)).toContainText("urutan 1 dari 1 hasil yang tercatat");
  });

  test("filters by the form, searches aliases, keeps everything in the URL", async ({ page }) => {
    await page.goto("/peringkat?tahun=2023");
    await page.locator('select[name="jenis"]').selectOption("pemda");
    await page.locator('select[name="provinsi"]').selectOption("kalimantan-selatan");
    await page.getByRole("searchbox", { name: "Cari nama" }).fill("Pemerintah Kota Banjarmasin");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/tahun=2023/);
    await expect(page).toHaveURL(/jenis=pemda/);
    await expect(page).toHaveURL(/provinsi=kalimantan-selatan/);
    const row = page.locator('tr[data-entity="pemkot-banjarmasin"]');
    await expect(row).toContainText("88,02");
    await expect(row).toContainText("Sumber berbeda");
    await expect(page.locator("tbody tr")).toHaveCount(1);
  });

  test("sorts by a column header and pages through 50 rows at a time", async ({ page }) => {
    await page.goto("/peringkat?tahun=2022");
    await expect(page.getByText(/Menampilkan 1–50 dari \d+ hasil/)).toBeVisible();
    await page.getByRole("link", { name: /Instansi/ }).click();
    await expect(page).toHaveURL(/urut=nama&arah=asc/);
    const names = await page.locator("tbody th[scope=row] a").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "id")));
    await page.getByRole("link", { name: /Berikutnya/ }).click();
    await expect(page).toHaveURL(/halaman=2/);
    await expect(page.getByText(/Menampilkan 51–/)).toBeVisible();
  });

  test("shows a zone-only result without a score or rank (Kota Palangka Raya 2024)", async ({ page }) => {
    await page.goto("/peringkat?tahun=2024&q=Palangka");
    const row = page.locator('tr[data-entity="pemkot-palangkaraya"]');
    await expect(row).toContainText("tanpa nilai — tidak diperingkat");
    await expect(row).toContainText("Zona hijau");
    await expect(row).toContainText("menurut sumber");
  });

  test("says so when no result matches", async ({ page }) => {
    await page.goto("/peringkat?tahun=2022&q=zzzz");
    await expect(page.getByText("Tidak ada hasil penilaian 2022 yang cocok dengan saringan ini.")).toBeVisible();
  });
});
