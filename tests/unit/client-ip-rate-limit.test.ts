/** Issue 15 (4, 10): the client IP comes from trusted proxies only; budgets per client, cached reads free. */
import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientIp } from "@/lib/security/client-ip";
import { RateLimiter, rateLimitFromEnv, requestCost } from "@/lib/server/rate-limit";

describe("client IP", () => {
  it("is the TCP peer unless the peer is a configured proxy", () => {
    const none = parseTrustedProxies(undefined);
    expect(resolveClientIp("203.0.113.9", "10.0.0.1, 10.0.0.2", none)).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:127.0.0.1", "1.2.3.4", none)).toBe("127.0.0.1");
    expect(resolveClientIp(undefined, "1.2.3.4", none)).toBe("unknown");
  });

  it("reads X-Forwarded-For from the right through trusted proxies only", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/24, ::1");
    // The client wrote "6.6.6.6" itself; the proxy appended the real peer 198.51.100.7.
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(resolveClientIp("127.0.0.1", "198.51.100.7, 10.0.0.5", trusted)).toBe("198.51.100.7");
    expect(resolveClientIp("::1", ["198.51.100.8"], trusted)).toBe("198.51.100.8");
    expect(resolveClientIp("127.0.0.1", "not-an-ip", trusted)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", undefined, trusted)).toBe("127.0.0.1");
  });

  it("refuses a malformed RAPOR_TRUSTED_PROXIES", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/not an IP/);
  });
});

describe("rate limit", () => {
  it("spends tokens per client, refills over time, and says when to retry", () => {
    const limiter = new RateLimiter({ capacity: 10, refillPerSecond: 1 });
    for (let i = 0; i < 10; i++) expect(limiter.take("a", 1, 0).ok).toBe(true);
    const refused = limiter.take("a", 1, 0);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("b", 1, 0).ok).toBe(true); // another client has its own budget
    expect(limiter.take("a", 1, 1000).ok).toBe(true);
    expect(limiter.take("a", 20, 1000)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take("a", 0, 1000).ok).toBe(true); // free requests always pass
  });

  it("forgets the least recently seen clients beyond its bound", () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1, maxClients: 3 });
    for (const c of ["a", "b", "c", "d"]) limiter.take(c, 1, 0);
    expect(limiter.clients).toBe(3);
  });

  it("charges downloads most, uncached API reads one, cached reads and pages nothing", () => {
    expect(requestCost("GET", "/api/v1/export?format=xlsx&tahun=2024", false)).toBe(20);
    expect(requestCost("GET", "/api/v1/export/ringkasan?tabel=tren-zona&format=csv", false)).toBe(5);
    expect(requestCost("GET", "/api/v1/results?year=2024", false)).toBe(1);
    expect(requestCost("GET", "/api/v1/results?year=2024", true)).toBe(0);
    expect(requestCost("GET", "/peringkat", false)).toBe(0);
    expect(requestCost("POST", "/api/v1/results", false)).toBe(0);
  });

  it("is configured by RAPOR_RATE_LIMIT", () => {
    expect(rateLimitFromEnv("off")).toBeNull();
    expect(rateLimitFromEnv(undefined)).toBeInstanceOf(RateLimiter);
    expect(() => rateLimitFromEnv("1e3")).toThrow(/RAPOR_RATE_LIMIT/);
  });
});
