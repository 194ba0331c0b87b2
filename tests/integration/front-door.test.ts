/**
 * Issue 15 (4, 10): the production server's front door over real HTTP. The client IP passed on
 * is the connection's unless the peer is a trusted proxy (a client's own X-Forwarded-For or
 * x-rapor-client-ip counts for nothing), and the public API and downloads are limited per
 * client with 429 and Retry-After, cached responses free.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, parseTrustedProxies } from "@/lib/security/client-ip";
import { withFrontDoor, type FrontDoorOptions } from "@/lib/server/front-door";
import { RateLimiter } from "@/lib/server/rate-limit";

let server: http.Server | null = null;

afterEach(() => {
  server?.close();
  server = null;
});

/** A server whose "app" answers with the client IP it was given. */
async function serve(options: Partial<FrontDoorOptions>): Promise<string> {
  const handler = withFrontDoor(
    (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ip: req.headers[CLIENT_IP_HEADER] }));
    },
    { trustedProxies: parseTrustedProxies(undefined), limiter: null, isCached: () => false, production: true, ...options },
  );
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the client IP", () => {
  it("is the connection's: what a client writes in X-Forwarded-For or x-rapor-client-ip is replaced", async () => {
    const base = await serve({});
    const answer = await fetch(`${base}/api/v1/results`, { headers: { "x-forwarded-for": "6.6.6.6", [CLIENT_IP_HEADER]: "7.7.7.7" } });
    expect(await answer.json()).toEqual({ ip: "127.0.0.1" });
  });

  it("comes from X-Forwarded-For only through a configured proxy", async () => {
    const base = await serve({ trustedProxies: parseTrustedProxies("127.0.0.1") });
    const answer = await fetch(`${base}/`, { headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.7" } });
    expect(await answer.json()).toEqual({ ip: "198.51.100.7" });
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After once a client's budget is spent; another X-Forwarded-For does not help", async () => {
    const base = await serve({ limiter: new RateLimiter({ capacity: 60, refillPerSecond: 1 }) });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${base}/api/v1/export?format=xlsx&i=${i}`, { headers: { "x-forwarded-for": `10.0.0.${i}` } });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await fetch(`${base}/api/v1/results`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await refused.json()).toMatchObject({ error: "rate_limited", message: expect.stringContaining("coba lagi dalam") });
    // Pages are not limited here.
    expect((await fetch(`${base}/peringkat`)).status).toBe(200);
  });

  it("lets cached reads through for free", async () => {
    const base = await serve({ limiter: new RateLimiter({ capacity: 2, refillPerSecond: 0.001 }), isCached: (req) => req.url === "/api/v1/provinces" });
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/api/v1/provinces`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/results?a=1`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/results?a=2`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/results?a=3`)).status).toBe(429);
  });
});
