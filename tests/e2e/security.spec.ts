/**
 * Issue 15 (7, 8) against the production build: every response carries the security headers;
 * the pages run under the nonce CSP with no violation (hydration, the lazily loaded chart, the
 * admin forms); a page served again from the response cache carries the CSP its nonce was
 * rendered with; no path, however malformed, gives a 500.
 */
import { expect, test, type Page } from "@playwright/test";

const HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy", "x-frame-options", "strict-transport-security"];

function nonceOf(csp: string | null): string | null {
  return /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? null;
}

/** Collect CSP violations the page reports (the browser's event, and its console message). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

test.describe("security headers and CSP", () => {
  test("every kind of response carries the headers", async ({ request }) => {
    const html = await request.get("/peringkat");
    const js = (await html.text()).match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(js).toBeTruthy();
    const answers = {
      page: html,
      english: await request.get("/en/metodologi"),
      admin: await request.get("/admin/masuk"),
      api: await request.get("/api/v1/provinces"),
      health: await request.get("/api/health"),
      asset: await request.get(js!),
      notFound: await request.get("/tidak-ada-halaman-ini"),
      undecodable: await request.get("/instansi/%FF"),
    };
    for (const [name, response] of Object.entries(answers)) {
      const headers = response.headers();
      for (const header of HEADERS) expect(headers[header], `${name}: ${header}`).toBeTruthy();
      expect(headers["content-security-policy"], name).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], name).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers["x-frame-options"], name).toBe("DENY");
    }
    expect(answers.health.status()).toBe(200);
  });

  test("the nonce of the CSP header is the one in the page's scripts, also when the page comes from the response cache", async ({ request }) => {
    const first = await request.get("/metodologi");
    const second = await request.get("/metodologi");
    expect(second.headers()["x-rapor-cache"]).toBe("hit");
    for (const response of [first, second]) {
      const nonce = nonceOf(response.headers()["content-security-policy"]!);
      expect(nonce).toBeTruthy();
      const html = await response.text();
      const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
      // No script without the nonce.
      expect([...html.matchAll(/<script(?![^>]*\snonce=)[^>]*>/g)]).toEqual([]);
    }
    // A page rendered anew gets a new nonce.
    const other = await request.get("/metodologi?segar=1");
    expect(nonceOf(other.headers()["content-security-policy"]!)).not.toBe(nonceOf(first.headers()["content-security-policy"]!));
  });

  test("public pages hydrate and draw their charts with no CSP violation", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/");
    // The zone trend chart is loaded by script when it comes near the screen: scripts run.
    const trend = page.locator("figure#tren, figure").filter({ hasText: "Jumlah instansi per zona secara nasional" });
    await trend.scrollIntoViewIfNeeded();
    await expect(trend.locator(".recharts-surface").last()).toBeVisible();
    await page.goto("/instansi/pemprov-kalimantan-tengah");
    await page.getByText("Lihat tabel").click();
    await expect(page.locator("figure table")).toContainText("90,50");
    await page.goto("/peringkat?tahun=2024");
    await expect(page.locator("table").first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the admin sign-in form works under the CSP", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/admin/masuk");
    await page.getByLabel("Email").fill("nobody@example.org");
    await page.getByLabel("Kata sandi").fill("not the password at all");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.locator(`main [role="alert"]`)).toHaveText("Email atau kata sandi salah.");
    expect(violations).toEqual([]);
  });

  test("the app cannot be framed by another site", async ({ page }) => {
    const blocked: string[] = [];
    page.on("console", (m) => blocked.push(m.text()));
    await page.setContent(`<iframe src="${test.info().project.use.baseURL}/admin/masuk" width="400" height="300"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f.url().includes("/admin/masuk"));
    const framedText = frame ? await frame.locator("body").innerText().catch(() => "") : "";
    expect(framedText).not.toContain("Masuk");
  });
});

test.describe("no 500 on any path", () => {
  const REPORTED = ["/instansi/%25", "/%25", "/instansi/%FF", "/en/instansi/%ED%A0%80", "/api/v1/entities/%E0%A4%A", "/admin/%FF", "/provinsi/%C0%AF", "/en/%E0"];

  test("the paths that gave 500 are 404s, in the page's language", async ({ request }) => {
    for (const path of REPORTED) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
    }
    expect(await (await request.get("/en/instansi/%ED%A0%80")).text()).toContain("Page not found");
    expect(await (await request.get("/instansi/%FF")).text()).toContain("Halaman tidak ditemukan");
    expect(await (await request.get("/api/v1/entities/%E0%A4%A")).json()).toEqual({ error: "not_found", message: "Alamat tidak ditemukan." });
  });

  test("fuzzed paths and queries: never a 500", async ({ request }) => {
    // Deterministic fuzz: segments built from escapes, stray percent signs, unicode and slugs.
    let seed = 15;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const pieces = ["%", "%2", "%25", "%FF", "%C3%A9", "%ED%A0%80", "%00", "%2F", "%5C", "..", "é", "pemkot-banjarmasin", "kalimantan-selatan", "x", "%E2%82", "1e3", "0x22d", ";", "@"];
    const prefixes = ["/", "/en/", "/instansi/", "/en/instansi/", "/provinsi/", "/peringkat/", "/api/v1/entities/", "/api/v1/results/", "/admin/hasil/", "/bandingkan/"];
    const queries = ["", "?tahun=%FF", "?tahun=1e3", "?halaman=0x10", "?q=%", "?instansi=%E0%A4", "?urut=%00", "?page=-1"];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const path = pick(prefixes) + Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pieces)).join("") + pick(queries);
      const response = await request.get(path, { maxRedirects: 0 });
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
      expect(response.status(), path).toBeLessThan(500);
    }
    test.info().annotations.push({ type: "statuses", description: JSON.stringify(Object.fromEntries(statuses)) });
  });
});
