/**
 * Per-client budgets for the public API and the downloads: a token bucket per client IP that
 * refills at a steady rate. An uncached XLSX of the whole record keeps a core busy for a
 * while, so a download costs more than a read; a response the cache already holds costs
 * nothing (serving it is a memory copy). Past the budget: 429 with Retry-After.
 *
 * In memory, per server process, bounded in the number of clients it remembers (a client
 * forgotten starts again with a full bucket, which only ever errs on the side of serving).
 */
export interface RateLimitOptions {
  /** Tokens a client may spend at once. */
  capacity: number;
  /** Tokens given back per second. */
  refillPerSecond: number;
  /** Clients remembered at most (least recently seen are forgotten first). */
  maxClients?: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;

  constructor(private readonly options: RateLimitOptions) {
    this.maxClients = options.maxClients ?? 50_000;
  }

  /** Spend `cost` tokens of `client`'s bucket, or say how long until it could. */
  take(client: string, cost: number, now = Date.now()): Take {
    if (cost <= 0) return { ok: true };
    const { capacity, refillPerSecond } = this.options;
    // A cost above the whole budget would never be met: it takes the whole budget instead.
    const need = Math.min(cost, capacity);
    const old = this.buckets.get(client);
    const tokens = old ? Math.min(capacity, old.tokens + ((now - old.at) / 1000) * refillPerSecond) : capacity;
    // Most recently seen goes last, so the first entries are the ones to forget.
    this.buckets.delete(client);
    if (tokens < need) {
      this.buckets.set(client, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((need - tokens) / refillPerSecond)) };
    }
    this.buckets.set(client, { tokens: tokens - need, at: now });
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients) break;
      this.buckets.delete(key);
    }
    return { ok: true };
  }

  get clients(): number {
    return this.buckets.size;
  }
}

/** What one request costs (0: not limited): public API reads, and downloads above all. */
export function requestCost(method: string | undefined, url: string | undefined, cached: boolean): number {
  if (method !== "GET" && method !== "HEAD") return 0;
  const [path = "", query = ""] = (url ?? "").split("?");
  if (/^\/api\/v1\/export(?:\/|$)/.test(path)) return /(?:^|&)format=xlsx(?:&|$)/.test(query) ? 20 : 5;
  if (/^\/api\/v1(?:\/|$)/.test(path)) return cached ? 0 : 1;
  return 0;
}

/** RAPOR_RATE_LIMIT: "off", or the budget per minute of one client (default 300: 300 uncached
 * API reads, 60 CSV/JSON or 15 XLSX downloads a minute, with bursts up to the same amount). */
export function rateLimitFromEnv(value: string | undefined): RateLimiter | null {
  const text = value?.trim() ?? "";
  if (text === "off") return null;
  const perMinute = text === "" ? 300 : /^[0-9]{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(perMinute > 0)) throw new Error(`RAPOR_RATE_LIMIT must be "off" or a whole number of units per minute, not "${text}"`);
  return new RateLimiter({ capacity: perMinute, refillPerSecond: perMinute / 60 });
}
