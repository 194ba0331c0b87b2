import { describe, expect, it } from "vitest";
import { etagMatches, isShareableResponse, responseCacheKey, ResponseCache, type CachedResponse } from "@/lib/server/response-cache";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers: { host: "rapor.test", ...headers } });
const entry = (text: string): CachedResponse => ({ status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(text) });

describe("responseCacheKey: only requests whose answer is the same for everyone", () => {
  it("keys public pages and API reads by revision, encoding, host and the whole URL", () => {
    expect(responseCacheKey(7, get("/peringkat?tahun=2024&jenis=pemkab"))).toBe("7|id|rapor.test|/peringkat?tahun=2024&jenis=pemkab");
    expect(responseCacheKey(7, get("/en/provinsi/jawa-timur", { "accept-encoding": "gzip, br" }))).toBe("7|gz|rapor.test|/en/provinsi/jawa-timur");
    expect(responseCacheKey(7, get("/api/v1/rankings?year=2024"))).not.toBeNull();
    // Another page of the same table is another key.
    expect(responseCacheKey(7, get("/peringkat?halaman=2"))).not.toBe(responseCacheKey(7, get("/peringkat?halaman=3")));
  });

  it("never keys a request that could be personal or is not a plain read", () => {
    expect(responseCacheKey(null, get("/peringkat"))).toBeNull();
    expect(responseCacheKey(7, { ...get("/peringkat"), method: "POST" })).toBeNull();
    expect(responseCacheKey(7, { ...get("/peringkat"), method: "HEAD" })).toBeNull();
    for (const header of ["cookie", "authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "range"]) {
      expect(responseCacheKey(7, get("/peringkat", { [header]: "1" })), header).toBeNull();
    }
    for (const path of ["/admin", "/admin/hasil", "/api/auth/get-session", "/api/v1/export?format=csv", "/_next/static/x.js", "/peringkat?_rsc=abc"]) {
      expect(responseCacheKey(7, get(path)), path).toBeNull();
    }
    expect(responseCacheKey(7, get("http://evil.test/peringkat"))).toBeNull();
  });
});

describe("isShareableResponse", () => {
  it("keeps only 200 HTML or JSON without a cookie", () => {
    expect(isShareableResponse(200, { "content-type": "text/html; charset=utf-8" })).toBe(true);
    expect(isShareableResponse(200, { "content-type": "application/json; charset=utf-8" })).toBe(true);
    expect(isShareableResponse(404, { "content-type": "text/html" })).toBe(false);
    expect(isShareableResponse(307, { "content-type": "text/html" })).toBe(false);
    expect(isShareableResponse(200, { "content-type": "text/html", "set-cookie": ["a=b"] })).toBe(false);
    expect(isShareableResponse(200, { "content-type": "text/csv" })).toBe(false);
    expect(isShareableResponse(200, {})).toBe(false);
  });
});

describe("etagMatches", () => {
  it("matches strong and weak forms in a list", () => {
    expect(etagMatches('"a", "b"', '"b"')).toBe(true);
    expect(etagMatches('W/"b"', '"b"')).toBe(true);
    expect(etagMatches('"c"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
    expect(etagMatches('"b"', undefined)).toBe(false);
  });
});

describe("ResponseCache", () => {
  it("serves what it stored for the same revision", () => {
    const cache = new ResponseCache();
    cache.set("1|id|h|/a", entry("A"));
    expect(cache.get("1|id|h|/a")?.body.toString()).toBe("A");
    expect(cache.get("1|id|h|/b")).toBeUndefined();
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
  });

  it("drops everything when the revision changes: an older page is never served again", () => {
    const cache = new ResponseCache();
    cache.set("1|id|h|/a", entry("old"));
    expect(cache.get("2|id|h|/a")).toBeUndefined();
    expect(cache.size).toBe(0);
    // Back to revision 1 (cannot happen: revisions only rise) would still find nothing.
    expect(cache.get("1|id|h|/a")).toBeUndefined();
  });

  it("stays within its byte budget, evicting the least recently used", () => {
    const cache = new ResponseCache(10, 8);
    cache.set("1|id|h|/a", entry("aaaa"));
    cache.set("1|id|h|/b", entry("bbbb"));
    cache.get("1|id|h|/a"); // a is now the most recently used
    cache.set("1|id|h|/c", entry("cccc"));
    expect(cache.get("1|id|h|/b")).toBeUndefined();
    expect(cache.get("1|id|h|/a")?.body.toString()).toBe("aaaa");
    expect(cache.get("1|id|h|/c")?.body.toString()).toBe("cccc");
    expect(cache.totalBytes).toBe(8);
    // Larger than one entry may be: not kept at all.
    cache.set("1|id|h|/big", entry("123456789"));
    expect(cache.get("1|id|h|/big")).toBeUndefined();
    // Replacing an entry does not count it twice.
    cache.set("1|id|h|/c", entry("cc"));
    expect(cache.totalBytes).toBe(6);
  });
});
