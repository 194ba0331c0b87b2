import type { IncomingMessage, ServerResponse } from "node:http";
import { etagMatches, isShareableResponse, responseCacheKey, type CachedResponse, type ResponseCache } from "./response-cache";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const DROPPED = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date"]);

/**
 * Wrap the Next.js request handler: serve a cached public response when one exists for the
 * current data revision, else let Next render it and keep a copy of the bytes it sent.
 */
function serve(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, how: "hit" | "shared"): void {
  if (etagMatches(req.headers["if-none-match"], entry.headers.etag)) {
    res.writeHead(304, { ...entry.headers, "x-rapor-cache": how });
    res.end();
    return;
  }
  res.writeHead(entry.status, { ...entry.headers, "content-length": String(entry.body.length), "x-rapor-cache": how });
  res.end(entry.body);
}

export function withResponseCache(handle: Handler, cache: ResponseCache, readRevision: () => number | null | Promise<number | null>): Handler {
  // Renders under way, by key: right after a publish, the many readers of the same page wait
  // for one render instead of each starting their own (single flight).
  const inFlight = new Map<string, Promise<CachedResponse | null>>();
  return async (req, res) => {
    const key = responseCacheKey(await readRevision(), { method: req.method, url: req.url, headers: req.headers });
    if (key === null) return handle(req, res);
    const hit = cache.get(key);
    if (hit) return serve(req, res, hit, "hit");
    const pending = inFlight.get(key);
    if (pending) {
      const shared = await pending;
      if (shared) return serve(req, res, shared, "shared");
      // The render it waited for was not shareable (or was cut short): render its own.
      return handle(req, res);
    }
    // Conditional requests go to the app (it answers 304 itself) and are not recorded.
    if (req.headers["if-none-match"] !== undefined) return handle(req, res);
    let settle: (entry: CachedResponse | null) => void = () => undefined;
    const flight = new Promise<CachedResponse | null>((resolve) => (settle = resolve));
    inFlight.set(key, flight);
    let settled = false;
    const done = (entry: CachedResponse | null) => {
      if (settled) return;
      settled = true;
      if (inFlight.get(key) === flight) inFlight.delete(key);
      settle(entry);
    };
    // A response that never finishes (the client went away) releases its waiters too.
    res.once("close", () => done(null));
    res.setHeader("x-rapor-cache", "miss");
    const chunks: Buffer[] = [];
    let headHeaders: Record<string, string | string[] | number> = {};
    const toBuffer = (chunk: unknown, encoding?: unknown): Buffer | null => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
      if (Buffer.isBuffer(chunk)) return chunk;
      if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    };
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      const last = args[args.length - 1];
      if (last && typeof last === "object" && !Array.isArray(last)) headHeaders = { ...(last as Record<string, string | string[] | number>) };
      return writeHead(...args);
    }) as typeof res.writeHead;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      const buffer = toBuffer(chunk, rest[0]);
      if (buffer) chunks.push(Buffer.from(buffer));
      return write(chunk, ...rest);
    }) as typeof res.write;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const buffer = toBuffer(chunk, rest[0]);
      if (buffer) chunks.push(Buffer.from(buffer));
      // Kept only once every byte went out ('finish'): a response cut short by a client that
      // went away never fires it, so a truncated page is never stored.
      res.once("finish", () => {
        const headers: Record<string, string | string[] | number | undefined> = {};
        for (const [name, value] of Object.entries({ ...res.getHeaders(), ...headHeaders })) headers[name.toLowerCase()] = value;
        if (!isShareableResponse(res.statusCode, headers)) return done(null);
        const kept: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(headers)) {
          if (value === undefined || DROPPED.has(name) || name === "x-rapor-cache") continue;
          kept[name] = typeof value === "number" ? String(value) : value;
        }
        const entry = { status: res.statusCode, headers: kept, body: Buffer.concat(chunks) };
        cache.set(key, entry);
        done(entry);
      });
      return end(chunk, ...rest);
    }) as typeof res.end;
    return handle(req, res);
  };
}
