/**
 * Rendered public responses kept in memory, keyed by the data revision and the request.
 *
 * Every public page and /api/v1 read is a pure function of (published data, URL, language):
 * nothing on them depends on who asks. The data changes only through writes, each of which
 * raises DataRevision (SQLite triggers), so a response rendered at revision R stays right until
 * R changes — then the whole cache is dropped. Publishing is visible on the very next request;
 * an unpublished result never outlives its revision.
 *
 * Anything that could depend on the asker is never cached: requests with a cookie or an
 * Authorization header, admin and auth paths, non-GET methods, client-router (RSC) requests,
 * and responses that are not 200 or that set a cookie. Nor are downloads and the health check
 * (its answer is about this moment, not about the data).
 */

export interface CachedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export interface RequestFacts {
  method: string | undefined;
  url: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** Paths never cached, whatever the request. */
const NEVER = [/^\/admin(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/v1\/export(\/|$)/, /^\/api\/health(\/|$)/, /^\/_next\//, /^\/files\//];

/** Request headers that make a response personal or a client-router payload. */
const PERSONAL_OR_ROUTER = ["cookie", "authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "range"];

/**
 * The cache key of a request, or null when the request must go to the app uncached. The key
 * holds the revision, the exact URL (query included: filters, page, sort), the host and whether
 * the client accepts gzip (Next compresses the body then).
 */
export function responseCacheKey(revision: number | null, request: RequestFacts): string | null {
  if (revision === null) return null;
  if (request.method !== "GET") return null;
  const url = request.url ?? "";
  if (!url.startsWith("/")) return null;
  const path = url.split("?")[0]!;
  if (NEVER.some((re) => re.test(path))) return null;
  if (/[?&]_rsc=/.test(url)) return null;
  for (const name of PERSONAL_OR_ROUTER) if (request.headers[name] !== undefined) return null;
  const encoding = String(request.headers["accept-encoding"] ?? "");
  const gzip = /\bgzip\b/.test(encoding) ? "gz" : "id";
  // The host is part of the page (absolute alternate-language links are built from it).
  const host = String(request.headers.host ?? "");
  return `${revision}|${gzip}|${host}|${url}`;
}

/** Can this finished response be served to anyone who sends the same request? */
export function isShareableResponse(status: number, headers: Record<string, string | string[] | number | undefined>): boolean {
  if (status !== 200) return false;
  if (headers["set-cookie"] !== undefined) return false;
  const type = String(headers["content-type"] ?? "");
  return type.startsWith("text/html") || type.startsWith("application/json");
}

/** Does the request's If-None-Match name the cached response's ETag? */
export function etagMatches(ifNoneMatch: string | string[] | undefined, etag: string | string[] | undefined): boolean {
  if (typeof ifNoneMatch !== "string" || typeof etag !== "string") return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`);
}

/**
 * A byte-bounded LRU of responses for one revision. A key of another revision empties it:
 * a response of an older revision is never served again.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private revision: string | null = null;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxEntryBytes = 4 * 1024 * 1024,
  ) {}

  private switchTo(key: string): void {
    const revision = key.slice(0, key.indexOf("|"));
    if (revision !== this.revision) {
      this.entries.clear();
      this.bytes = 0;
      this.revision = revision;
    }
  }

  get(key: string): CachedResponse | undefined {
    this.switchTo(key);
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    // Most recently used goes last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry;
  }

  /** Is there an entry for this key (without counting a hit or a miss, or reordering)? */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, entry: CachedResponse): void {
    this.switchTo(key);
    if (entry.body.length > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
