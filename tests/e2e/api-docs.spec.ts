import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";

test.describe("API data page and the public read API", () => {
  test("documents every endpoint from the OpenAPI document and links to it", async ({ page, request }) => {
    await page.goto("/dokumentasi-api");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API data terbuka");
    await expect(page.getByRole("heading", { name: "GET /api/v1/entities/{slug}" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "GET /api/v1/export", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "GET /api/v1/export/ringkasan", exact: true })).toBeVisible();
    await expect(page.getByText("Unduh tabel publik sebagai CSV, XLSX atau JSON", { exact: false })).toBeVisible();
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

test.describe("Downloads under every public table", () => {
  const CONTENT_TYPES = { csv: "text/csv", xlsx: "spreadsheetml", json: "application/json" } as const;

  /** The three links of one download nav: right query, 200, right content type; the CSV's lines. */
  async function checkLinks(nav: Locator, request: APIRequestContext, query: Record<string, string>, endpoint = "/api/v1/export"): Promise<string[]> {
    let csvLines: string[] = [];
    for (const [format, label] of [["csv", /^CSV/], ["xlsx", "Excel (XLSX)"], ["json", "JSON"]] as const) {
      const href = (await nav.getByRole("link", { name: label }).getAttribute("href"))!;
      const url = new URL(href, "http://x");
      expect(url.pathname).toBe(endpoint);
      expect(Object.fromEntries(url.searchParams)).toEqual({ ...query, format });
      const response = await request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain(CONTENT_TYPES[format]);
      if (format === "csv") csvLines = (await response.text()).trim().split("\n");
    }
    return csvLines;
  }

  test("province page: one set per group table, with that table's rows", async ({ page, request }) => {
    // The page opens on 2024 (the province's newest year with a meaningful share of results): 2025 is asked for.
    await page.goto("/provinsi/kalimantan-selatan?tahun=2025");
    const section = page.locator("#tahun-2025 section[data-group=POLRES]");
    const nav = section.getByRole("navigation", { name: "Unduh tabel ini: Polres · 2025" });
    const lines = await checkLinks(nav, request, { tahun: "2025", jenis: "polres", provinsi: "kalimantan-selatan" });
    expect(lines).toHaveLength(1 + (await section.locator("tbody tr").count()));
    expect(lines[1]).toContain("Polres Balangan,Kalimantan Selatan,91.66");
    // Every group table has its links (one year in detail at a time); an empty group has neither.
    await page.goto("/provinsi/kalimantan-selatan?tahun=2024");
    const pemda2024 = page.locator("#tahun-2024 section[data-group=PEMDA]");
    const pemdaLines = await checkLinks(pemda2024.getByRole("navigation", { name: "Unduh tabel ini: Pemda (Pemprov, Pemkab, Pemkot) · 2024" }), request, {
      tahun: "2024",
      jenis: "pemda",
      provinsi: "kalimantan-selatan",
    });
    const shown = await pemda2024.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-entity")));
    const rows = parse(pemdaLines.join("\n"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.entity_slug)).toEqual(shown);
    await page.goto("/provinsi/kalimantan-selatan?tahun=2022");
    await expect(page.locator("#tahun-2022 section[data-group=POLRES]")).toBeVisible();
    await expect(page.locator("#tahun-2022 section[data-group=POLRES] nav")).toHaveCount(0);
  });

  test("entity page: the history table downloads as instansi=<slug>, newest year first", async ({ page, request }) => {
    await page.goto("/instansi/pemkot-banjarmasin");
    const nav = page.getByRole("navigation", { name: "Unduh tabel ini" });
    const lines = await checkLinks(nav, request, { instansi: "pemkot-banjarmasin" });
    const years = await page.locator("tr[data-year]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-year")));
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(years);
    expect(lines.find((l) => l.startsWith("2024,"))).toContain("Kota Banjarmasin,Kalimantan Selatan,95.45,HIJAU,A");
  });

  test("comparison page: the table downloads with its entities in order, oldest year first", async ({ page, request }) => {
    await page.goto("/bandingkan?instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah");
    const nav = page.getByRole("navigation", { name: "Unduh tabel ini" });
    const lines = await checkLinks(nav, request, { instansi: "pemkot-banjarmasin,pemprov-kalimantan-tengah", arah_tahun: "asc" });
    const years = lines.slice(1).map((l) => Number(l.split(",")[0]));
    expect(years).toEqual([...years].sort((x, y) => x - y));
    expect(lines.slice(1).every((l) => /Kota Banjarmasin|Provinsi Kalimantan Tengah/.test(l))).toBe(true);
  });

  test("home page: the zone-count table downloads the year's results it counts; in English too", async ({ page, request }) => {
    await page.goto("/?tahun=2024");
    const nav = page.getByRole("navigation", { name: "Unduh hasil yang dihitung tabel ini" });
    const lines = await checkLinks(nav, request, { tahun: "2024" });
    // The "recorded" column (the fifth cell: type, three zones, recorded) sums to the file's rows.
    const recorded = await page.locator(`section[aria-labelledby="sebaran"] tr[data-type] > :nth-child(5)`).evaluateAll((cells) => cells.map((c) => Number(/\d+/.exec(c.firstChild?.textContent ?? "")![0])));
    expect(recorded.length).toBeGreaterThan(3);
    expect(lines.length - 1).toBe(recorded.reduce((s, n) => s + n, 0));
    await page.goto("/en/provinsi/kalimantan-selatan?tahun=2025");
    await expect(page.getByRole("navigation", { name: "Download this table: District police (Polres) · 2025" })).toBeVisible();
  });

  test("tables of totals: the national trend, the province map and a province's averages download too", async ({ page, request }) => {
    await page.goto("/?tahun=2024");
    await page.getByText("Lihat tabel").first().click();
    const trend = await checkLinks(page.getByRole("navigation", { name: "Unduh tabel ini: Jumlah instansi per zona secara nasional" }), request, { tabel: "tren-zona" }, "/api/v1/export/ringkasan");
    expect(trend.find((l) => l.startsWith("2024,"))).toContain("2024,494,70,23");
    const map = page.locator('section[aria-labelledby="peta"]');
    await map.getByText("Lihat tabel").click();
    const mapLines = await checkLinks(map.getByRole("navigation", { name: /^Unduh tabel ini: Zona rata-rata nilai Pemda per provinsi, 2024/ }), request, { tabel: "peta-provinsi", tahun: "2024" }, "/api/v1/export/ringkasan");
    expect(mapLines.length - 1).toBe(await map.locator("tbody tr").count());
    expect(mapLines.find((l) => l.includes("Kalimantan Selatan"))).toContain("93.64,published");
    await page.goto("/provinsi/kalimantan-selatan");
    const averages = await checkLinks(
      page.getByRole("navigation", { name: "Unduh tabel ini: Rata-rata dari tahun ke tahun" }),
      request,
      { tabel: "rata-rata-provinsi", provinsi: "kalimantan-selatan" },
      "/api/v1/export/ringkasan",
    );
    expect(averages.find((l) => l.startsWith("2024,Kalimantan Selatan,PEMDA,"))).toContain("93.64,published");
  });
});
