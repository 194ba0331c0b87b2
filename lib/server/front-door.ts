/**
 * What the production server does with a request before the response cache and Next.js see
 * it: resolve the client's IP (from the connection, and X-Forwarded-For only through the
 * proxies in RAPOR_TRUSTED_PROXIES) and pass it on in CLIENT_IP_HEADER, replacing anything the
 * client sent; then charge the client's rate-limit budget for public API reads and downloads
 * (lib/server/rate-limit.ts), answering 429 with Retry-After once it is spent.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp, type TrustedProxies } from "@/lib/security/client-ip";
import { securityHeaders } from "@/lib/security/headers";
import { requestCost, type RateLimiter } from "./rate-limit";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface FrontDoorOptions {
  trustedProxies: TrustedProxies;
  /** null: no rate limit (RAPOR_RATE_LIMIT=off). */
  limiter: RateLimiter | null;
  /** Would the response cache answer this request from memory (then it costs nothing)? */
  isCached: (req: IncomingMessage) => boolean;
  production: boolean;
}

/** Headers of an answer the server gives itself (not through Next.js): the same security headers. */
export function ownResponseHeaders(path: string, production: boolean, extra: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries(securityHeaders({ path, production })), "Cache-Control": "no-store", ...extra };
}

export function withFrontDoor(handle: Handler, options: FrontDoorOptions): Handler {
  return (req, res) => {
    const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], options.trustedProxies);
    req.headers[CLIENT_IP_HEADER] = ip;
    if (options.limiter) {
      const probe = requestCost(req.method, req.url, false);
      // Only a read that would render asks the cache; a download is never cached.
      const cost = probe === 1 && options.isCached(req) ? 0 : probe;
      const taken = options.limiter.take(ip, cost);
      if (!taken.ok) {
        const path = (req.url ?? "/").split("?")[0]!;
        const body = JSON.stringify({
          error: "rate_limited",
          message: `Terlalu banyak permintaan dari alamat Anda; coba lagi dalam ${taken.retryAfterSeconds} detik. (Too many requests: retry after ${taken.retryAfterSeconds} s.)`,
        });
        res.writeHead(
          429,
          ownResponseHeaders(path, options.production, {
            "Content-Type": "application/json; charset=utf-8",
            "Retry-After": String(taken.retryAfterSeconds),
          }),
        );
        res.end(body);
        return;
      }
    }
    return handle(req, res);
  };
}
