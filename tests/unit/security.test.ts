/**
 * Issue 15 (1, 7, 8): undecodable paths are not served (404, never 500), the security headers
 * hold what they must, and a write from another origin or with another body type is refused.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrossOrigin, refuseUnsafeWrite } from "@/lib/api/request-guard";
import { contentSecurityPolicy, FRAMEABLE_PATHS, newNonce, securityHeaders } from "@/lib/security/headers";
import { isPublicPagePath, isPublicRoute, isServablePath } from "@/lib/security/paths";

describe("servable paths", () => {
  it("refuses the paths that gave HTTP 500, and serves Rapor's own", () => {
    for (const bad of ["/instansi/%25", "/%25", "/instansi/%FF", "/en/instansi/%ED%A0%80", "/api/v1/entities/%E0%A4%A", "/%", "/a%2", "/x/%00", "/x/%5C", "/%2525"]) {
      expect(isServablePath(bad), bad).toBe(false);
    }
    for (const good of ["/", "/instansi/pemkot-banjarmasin", "/en/peringkat", "/api/v1/entities/pemkot-banjarmasin", "/_next/static/chunks/a-b.js", "/instansi/%C3%A9"]) {
      expect(isServablePath(good), good).toBe(true);
    }
  });

  it("property: never throws; a servable path decodes once to text without escapes or controls", () => {
    const segment = fc.oneof(
      fc.string(),
      fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[a-z0-9-])*$/),
      fc.uint8Array({ maxLength: 6 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), (segments) => {
        const path = "/" + segments.join("/");
        const ok = isServablePath(path);
        if (!ok) return true;
        const decoded = decodeURIComponent(path);
        return !/[%\\\u0000-\u001f\u007f]/.test(decoded);
      }),
      { numRuns: 3000 },
    );
  });

  it("sends public pages (not admin, API or files) through the locale middleware", () => {
    expect(isPublicPagePath("/peringkat")).toBe(true);
    expect(isPublicPagePath("/en/instansi/x")).toBe(true);
    for (const other of ["/admin", "/admin/hasil", "/api/v1/results", "/_next/static/x.js", "/favicon.ico"]) expect(isPublicPagePath(other), other).toBe(false);
  });
});

describe("security headers", () => {
  it("allow scripts only by nonce, forbid framing, and send HSTS in production only", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce, path: "/", production: true });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const production = Object.fromEntries(securityHeaders({ nonce, path: "/admin", production: true }).map(([k, v]) => [k.toLowerCase(), v]));
    expect(production).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(production["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(production["permissions-policy"]).toContain("camera=()");
    const development = Object.fromEntries(securityHeaders({ nonce, path: "/", production: false }));
    expect(development["Strict-Transport-Security"]).toBeUndefined();
  });

  it("make a fresh nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(FRAMEABLE_PATHS).toEqual([]);
  });
});

const request = (method: string, headers: Record<string, string>, body?: string) => new Request("http://rapor.test/api/v1/results", { method, headers, body });

describe("the write guard", () => {
  it("refuses another origin or site, and accepts this one or a request without browser headers", () => {
    expect(isCrossOrigin(new Headers({ host: "rapor.test", origin: "http://evil.example" }))).toBe(true);
    expect(isCrossOrigin(new Headers({ host: "rapor.test", origin: "null" }))).toBe(true);
    expect(isCrossOrigin(new Headers({ host: "rapor.test", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossOrigin(new Headers({ host: "rapor.test", "sec-fetch-site": "same-site", origin: "http://rapor.test" }))).toBe(true);
    expect(isCrossOrigin(new Headers({ host: "rapor.test", origin: "http://rapor.test", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossOrigin(new Headers({ host: "rapor.test" }))).toBe(false);
  });

  it("answers 403 cross-origin and 415 to a body that is not the handler's type", async () => {
    const evil = refuseUnsafeWrite(request("POST", { host: "rapor.test", origin: "http://evil.example", "content-type": "application/json" }, "{}"), "json");
    expect(evil?.status).toBe(403);
    expect(await evil!.json()).toMatchObject({ error: "forbidden" });
    const plain = refuseUnsafeWrite(request("POST", { host: "rapor.test", "content-type": "text/plain" }, '{"entityId":1}'), "json");
    expect(plain?.status).toBe(415);
    expect(refuseUnsafeWrite(request("POST", { host: "rapor.test" }, "{}"), "json")?.status).toBe(415);
    expect(refuseUnsafeWrite(request("POST", { host: "rapor.test", "content-type": "multipart/form-data; boundary=x" }, "--x--"), "json")?.status).toBe(415);
    expect(refuseUnsafeWrite(request("POST", { host: "rapor.test", "content-type": "application/json; charset=utf-8" }, "{}"), "json")).toBeNull();
    expect(refuseUnsafeWrite(request("DELETE", { host: "rapor.test" }), "json")).toBeNull();
    expect(refuseUnsafeWrite(request("POST", { host: "rapor.test", "content-type": "application/x-www-form-urlencoded" }, "a=1"), "multipart")?.status).toBe(415);
  });
});

describe("isPublicRoute: the paths a public page answers, the rest the catch-all's 404", () => {
  const locales = ["id", "en"];
  it("knows the pages, with and without the English prefix", () => {
    for (const path of ["/", "/peringkat", "/bandingkan", "/metodologi", "/dokumentasi-api", "/cari", "/instansi/pemkot-banjarmasin", "/provinsi/kalimantan-selatan", "/en", "/en/", "/en/peringkat", "/en/instansi/x", "/peringkat/"]) {
      expect(isPublicRoute(path, locales), path).toBe(true);
    }
  });
  it("knows every page under app/[locale] (a new page must be added to the list, or it answers 404)", () => {
    const root = join(__dirname, "..", "..", "app", "[locale]");
    const pages = (dir: string, path: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (!e.isDirectory()) return e.name === "page.tsx" ? [path || "/"] : [];
        if (e.name.startsWith("[...")) return [];
        return pages(join(dir, e.name), `${path}/${e.name.startsWith("[") ? "x" : e.name}`);
      });
    const found = pages(root, "");
    expect(found.length).toBeGreaterThanOrEqual(8);
    for (const path of found) {
      expect(isPublicRoute(path, locales), path).toBe(true);
      expect(isPublicRoute(`/en${path === "/" ? "" : path}`, locales), path).toBe(true);
    }
  });
  it("leaves everything else to the 404 page", () => {
    for (const path of ["/halaman-tidak-ada", "/instansi", "/instansi/a/b", "/provinsi/", "/en/apa", "/peringkat/2024", "/english"]) {
      expect(isPublicRoute(path, locales), path).toBe(false);
    }
  });
});
