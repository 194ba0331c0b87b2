import type { IncomingMessage, ServerResponse } from "node:http";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The pages that answer an unknown slug with notFound(): an entity and a province, with a slug
 * as addresses have them (letters, digits, hyphens). Anything else there (escapes, undecodable
 * bytes) is answered as before, by the app's own 404 for such paths.
 */
const SLUG_PAGE = /^(\/en)?\/(instansi|provinsi)\/[A-Za-z0-9-]+\/?$/;

/**
 * The address the catch-all route answers for such a page: one segment deeper, a path no page
 * has, so `app/[locale]/[...rest]` renders the 404 page and the proxy gives it its 404 status.
 */
export function notFoundPageUrl(url: string): string | null {
  const [path, query] = [url.split("?")[0]!, url.includes("?") ? url.slice(url.indexOf("?")) : ""];
  if (!SLUG_PAGE.test(path)) return null;
  return `${path.replace(/\/$/, "")}/tidak-ditemukan${query}`;
}

/**
 * Next.js answers a page's notFound() with an error shell whose content only JavaScript fills in
 * (vercel/next.js#62228): without JavaScript an unknown entity or province address showed an
 * empty page. For a browser's request of such a page (not a client navigation, which has
 * JavaScript), a 404 from the page is dropped before anything is sent, and the request is
 * answered by the catch-all route's 404 page instead: the same page any unknown address gets,
 * with its content, header, footer and skip link in the HTML, still with status 404.
 */
export function withNotFoundPage(handle: Handler): Handler {
  return async (req, res) => {
    const fallback = req.method === "GET" || req.method === "HEAD" ? notFoundPageUrl(req.url ?? "/") : null;
    if (!fallback || req.headers.rsc !== undefined || req.headers["next-router-state-tree"] !== undefined) return handle(req, res);
    const before = new Map(res.getHeaderNames().map((name) => [name, res.getHeader(name)]));
    const writeHead = res.writeHead;
    const write = res.write;
    const end = res.end;
    let dropped = false;
    let decided = false;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let settle: (drop: boolean) => void = () => undefined;
    const outcome = new Promise<boolean>((resolve) => (settle = resolve));
    // A client that goes away ends the wait either way.
    res.once("close", () => {
      settle(false);
      finish();
    });
    const restore = () => {
      res.writeHead = writeHead;
      res.write = write;
      res.end = end;
    };
    // Decided at the first byte: a 404 is dropped, anything else goes out as it is. The wrappers
    // stay in place (passing through): what Next.js wraps around them (its compression) must stay.
    const decide = () => {
      if (decided) return;
      decided = true;
      dropped = res.statusCode === 404;
      settle(dropped);
    };
    res.writeHead = ((...args: unknown[]) => {
      if (typeof args[0] === "number") res.statusCode = args[0];
      decide();
      if (dropped) return res;
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(res, args);
    }) as typeof res.writeHead;
    res.write = ((...args: unknown[]) => {
      decide();
      if (dropped) return true;
      return (write as (...a: unknown[]) => boolean).apply(res, args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      decide();
      if (dropped) {
        finish();
        return res;
      }
      return (end as (...a: unknown[]) => ServerResponse).apply(res, args);
    }) as typeof res.end;
    await handle(req, res);
    // The handler may return before its first byte: wait for it (or for the client to go).
    if (!(decided ? dropped : await outcome)) return;
    await finished;
    restore();
    if (res.destroyed) return;
    // Back to the headers the response had before the page wrote its own.
    for (const name of res.getHeaderNames()) if (!before.has(name)) res.removeHeader(name);
    for (const [name, value] of before) if (value !== undefined) res.setHeader(name, value);
    res.statusCode = 200;
    // The first render's listeners stay on the response (they end with it): room for the second's.
    res.setMaxListeners(res.getMaxListeners() * 2);
    req.url = fallback;
    await handle(req, res);
  };
}
