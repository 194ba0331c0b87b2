/**
 * The production server: Next.js behind Rapor's response cache (lib/server/response-cache.ts).
 * Started by `npm start` after the build; PORT (default 3000), DATABASE_URL as everywhere.
 * RAPOR_RESPONSE_CACHE=off serves every request through Next.js (to measure render cost).
 * After every write it warms the public record up (lib/server/warm-up.ts); RAPOR_WARM_UP=off
 * leaves that to the first reader.
 */
import http from "node:http";
import next from "next";
import { withResponseCache } from "@/lib/server/cached-handler";
import { ResponseCache } from "@/lib/server/response-cache";
import { processRevisionReader } from "@/lib/db/revision";
import { startWarmUp } from "@/lib/server/warm-up";
import { ROOT } from "./lib";

async function main(): Promise<void> {
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
  const port = Number(process.env.PORT ?? 3000);
  // No hostname: with one, Next 16.2.6+ answers the i18n proxy's locale rewrites with a 307
  // loop (vercel/next.js#94342), as with `next start -H`.
  const app = next({ dev: false, dir: ROOT, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cacheOff = process.env.RAPOR_RESPONSE_CACHE === "off";
  // The same reader the public record follows (lib/db/revision.ts): one revision per process.
  const readRevision = processRevisionReader();
  const handler = cacheOff
    ? (req: http.IncomingMessage, res: http.ServerResponse) => handle(req, res)
    : withResponseCache((req, res) => handle(req, res), new ResponseCache(), readRevision);
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    });
  });
  server.listen(port, () => console.log(`rapor: ready on http://localhost:${port}${cacheOff ? " (response cache off)" : ""}`));
  const warmUp =
    process.env.RAPOR_WARM_UP === "off"
      ? null
      : startWarmUp({
          readRevision,
          paths: ["/", "/peringkat"],
          intervalMs: 1000,
          request: async (path) => {
            const response = await fetch(`http://127.0.0.1:${port}${path}`);
            await response.arrayBuffer();
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
          },
          log: (message) => console.error(message),
        });
  const stop = () => {
    warmUp?.stop();
    server.close(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`rapor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
