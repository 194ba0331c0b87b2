import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("API data page and the public read API", () => {
  test("documents every endpoint from the OpenAPI document and links to it", async ({ page, request }) => {
    await page.goto("/dokumentasi-api");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API data terbuka");
    await expect(page.getByRole("heading", { name: "GET /api/v1/entities/{slug}" })).toBeVisible();
    const link = page.getByRole("link", { name: /OpenAPI 3\.1/ });
    await expect(link).toHaveAttribute("href", "/api/v1/openapi.json");
    const doc = await request.get("/api/v1/openapi.json");
    expect(doc.ok()).toBe(true);
    expect((await doc.json()).openapi).toBe("3.1.0");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: "test-results/screenshots/api-docs.png", fullPage: false });
  });

  test("serves Kota Banjarmasin's published results as JSON with an ETag", async ({ request }) => {
    const response = await request.get("/api/v1/entities/pemkot-banjarmasin");
    expect(response.status()).toBe(200);
    expect(response.headers()["etag"]).toBeTruthy();
    const body = await response.json();
    const y2024 = body.data.results.find((r: { year: number }) => r.year === 2024);
    expect(y2024).toMatchObject({ score: 95.45, zone: "HIJAU", category: "A" });
    const missing = await request.get("/api/v1/entities/tidak-ada");
    expect(missing.status()).toBe(404);
  });

  test("the rankings page downloads exactly the filtered view", async ({ page, request }) => {
    await page.goto("/peringkat?tahun=2025&jenis=polres&provinsi=kalimantan-selatan");
    const nav = page.getByRole("navigation", { name: "Unduh tabel ini" });
    const csv = nav.getByRole("link", { name: "CSV (desimal titik)" });
    const href = await csv.getAttribute("href");
    expect(href).toContain("format=csv");
    const response = await request.get(href!);
    expect(response.headers()["content-disposition"]).toContain("rapor-2025-polres-kalimantan-selatan.csv");
    const lines = (await response.text()).trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Polres Balangan,Kalimantan Selatan,91.66");
    const xlsx = await request.get((await nav.getByRole("link", { name: "Excel (XLSX)" }).getAttribute("href"))!);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  });
});
