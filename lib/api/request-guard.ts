/**
 * The first check of every state-changing route handler (the write API, the import upload,
 * better-auth's endpoints): a browser request from another site is refused before anything is
 * read, and a body must be of the one type the handler reads.
 *
 * Why both: cookies are SameSite=Lax, which still sends them on requests from another origin
 * of the same site, and a `text/plain` or form POST from any page needs no CORS preflight. The
 * handler would otherwise act on it with the signed-in admin's session. Server actions get the
 * same origin check from Next.js itself.
 *
 * - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` (or `none`: typed by
 *   the user). `same-site` and `cross-site` are refused.
 * - `Origin`, when sent, must be this server's own origin (its Host, the X-Forwarded-Host a
 *   proxy set, or BETTER_AUTH_URL). A request with neither header is not from a browser page
 *   (a script with a token, curl) and cannot carry a victim's cookie without its owner.
 * - The body's Content-Type must be `application/json` (API) or `multipart/form-data` (upload);
 *   a DELETE may come without a body.
 */

export type WriteBody = "json" | "multipart";

const MEDIA_TYPE: Record<WriteBody, string> = { json: "application/json", multipart: "multipart/form-data" };

const MESSAGES = {
  crossSite: "Permintaan dari situs lain ditolak.",
  json: "Kirim badan permintaan sebagai JSON (Content-Type: application/json).",
  multipart: "Kirim formulir sebagai multipart/form-data.",
} as const;

function refusal(status: 403 | 415, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Origins this server answers as: from the request's own headers and the configured URL. */
function ownHosts(headers: Headers): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  // A proxy in front (configured in RAPOR_TRUSTED_PROXIES) passes the public host on. A page on
  // another site cannot set this header without a preflight, which is never granted.
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  const configured = process.env.BETTER_AUTH_URL?.trim();
  if (configured) {
    try {
      hosts.add(new URL(configured).host.toLowerCase());
    } catch {
      // An unparseable BETTER_AUTH_URL names no origin.
    }
  }
  return hosts;
}

/** Is this request from a page of another origin (by Sec-Fetch-Site or Origin)? */
export function isCrossOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparseable are not this origin.
    return true;
  }
  return !ownHosts(headers).has(originHost);
}

/** Does the request say it carries a body (HTTP/1.1 framing: a length above 0, or chunks)? */
function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return length.trim() !== "0";
  return request.headers.has("transfer-encoding");
}

/**
 * null when the request may go on; else the response refusing it (403 cross-origin, 415 body
 * of another type). Call it first, before reading the session or the body.
 */
export function refuseUnsafeWrite(request: Request, body: WriteBody): Response | null {
  if (isCrossOrigin(request.headers)) return refusal(403, "forbidden", MESSAGES.crossSite);
  if (request.method === "DELETE" && !hasBody(request)) return null;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== MEDIA_TYPE[body]) return refusal(415, "unsupported_media_type", MESSAGES[body]);
  return null;
}
