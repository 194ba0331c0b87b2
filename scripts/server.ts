/**
 * The production server: Next.js behind Rapor's response cache (lib/server/response-cache.ts).
 * Started by `npm start` after the build; PORT (default 3000), DATABASE_URL as everywhere.
 * RAPOR_RESPONSE_CACHE=off serves every request through Next.js (to measure render cost).
 * After every write it warms the public record up (lib/server/warm-up.ts); RAPOR_WARM_UP=off
 * leaves that to the first reader.
 * In front of both (lib/server/front-door.ts): the client IP (RAPOR_TRUSTED_PROXIES) and the
 * rate limit of the public API and downloads (RAPOR_RATE_LIMIT). SIGTERM/SIGINT drain the
 * requests in flight before exiting (lib/server/shutdown.ts, RAPOR_SHUTDOWN_GRACE_MS).
 * Scheduled releases go public by this server's timer (lib/server/release-scheduler.ts,
 * RAPOR_RELEASE_INTERVAL_MS; every instance may run one, each release is carried out once).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { withResponseCache } from "@/lib/server/cached-handler";
import { withNotFoundPage } from "@/lib/server/not-found-page";
import { ResponseCache, responseCacheKey } from "@/lib/server/response-cache";
import { processRevisionReader } from "@/lib/db/revision";
import { databaseUrl } from "@/lib/db/url";
import { startWarmUp } from "@/lib/server/warm-up";
import { ownResponseHeaders, withFrontDoor } from "@/lib/server/front-door";
import { rateLimitFromEnv } from "@/lib/server/rate-limit";
import { graceFromEnv, gracefulShutdown } from "@/lib/server/shutdown";
import { parseTrustedProxies } from "@/lib/security/client-ip";
import { removeServerMarker, writeServerMarker } from "@/lib/db/server-marker";
import { sqliteFilePath } from "@/lib/db/sqlite";
import { releaseIntervalFromEnv, startReleaseScheduler } from "@/lib/server/release-scheduler";
import { runDueReleases } from "@/lib/ledger/releases";
import { ROOT } from "./lib";

async function main(): Promise<void> {
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
  const port = Number(process.env.PORT ?? 3000);
  // No hostname: with one, Next 16.2.6+ answers the i18n proxy's locale rewrites with a 307
  // loop (vercel/next.js#94342), as with `next start -H`.
  const app = next({ dev: false, dir: ROOT, port });
  await app.prepare();
  const nextHandle = app.getRequestHandler();
  // An unknown entity or province answered with the 404 page's content, also without JavaScript.
  const handle = withNotFoundPage((req, res) => nextHandle(req, res));
  const cacheOff = process.env.RAPOR_RESPONSE_CACHE === "off";
  // The same reader the public record follows (lib/db/revision.ts): one revision per process.
  const readRevision = processRevisionReader();
  const cache = new ResponseCache();
  const cached = cacheOff
    ? (req: http.IncomingMessage, res: http.ServerResponse) => handle(req, res)
    : withResponseCache((req, res) => handle(req, res), cache, readRevision);
  const production = process.env.NODE_ENV === "production";
  const handler = withFrontDoor(cached, {
    trustedProxies: parseTrustedProxies(process.env.RAPOR_TRUSTED_PROXIES),
    limiter: rateLimitFromEnv(process.env.RAPOR_RATE_LIMIT),
    isCached: (req) => {
      if (cacheOff) return false;
      const key = responseCacheKey(readRevision.latest(), { method: req.method, url: req.url, headers: req.headers });
      return key !== null && cache.has(key);
    },
    production,
  });
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      console.error(error);
      const path = (req.url ?? "/").split("?")[0]!;
      if (!res.headersSent) res.writeHead(500, ownResponseHeaders(path, production, { "content-type": "text/plain; charset=utf-8" }));
      res.end("Internal Server Error");
    });
  });
  const databaseFile = databaseUrl().startsWith("file:") ? sqliteFilePath(databaseUrl(), ROOT) : null;
  server.listen(port, () => {
    // PORT=0 picks a free port: say which.
    const bound = (server.address() as AddressInfo).port;
    if (databaseFile) writeServerMarker(databaseFile, { pid: process.pid, port: bound, startedAt: new Date().toISOString() });
    console.log(`rapor: ready on http://localhost:${bound}${cacheOff ? " (response cache off)" : ""}`);
  });
  const warmUp =
    process.env.RAPOR_WARM_UP === "off"
      ? null
      : startWarmUp({
          readRevision,
          // The search's index is built once per record, on its first use: a suggestion warms it.
          paths: ["/", "/peringkat", "/api/v1/search?q=kalsel"],
          intervalMs: 1000,
          request: async (path) => {
            const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
            await response.arrayBuffer();
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
          },
          log: (message) => console.error(message),
        });
  const releaseInterval = releaseIntervalFromEnv(process.env.RAPOR_RELEASE_INTERVAL_MS);
  const releases =
    releaseInterval === null
      ? null
      : startReleaseScheduler({ intervalMs: releaseInterval, runDue: () => runDueReleases(), log: (message) => console.log(message) });
  const shutdown = gracefulShutdown(server, {
    graceMs: graceFromEnv(process.env.RAPOR_SHUTDOWN_GRACE_MS),
    log: (message) => console.log(message),
    onStop: () => {
      warmUp?.stop();
      releases?.stop();
    },
    exit: (code) => {
      if (databaseFile) removeServerMarker(databaseFile);
      process.exit(code);
    },
  });
  process.on("SIGINT", () => shutdown.stop("SIGINT"));
  process.on("SIGTERM", () => shutdown.stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`rapor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
