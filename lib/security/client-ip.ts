/**
 * The client's IP address, for rate limits: the TCP peer, unless that peer is a reverse proxy
 * the operator named in RAPOR_TRUSTED_PROXIES (comma-separated addresses or CIDR ranges, e.g.
 * "127.0.0.1, 10.0.0.0/24"). Only then is X-Forwarded-For read, from the right: the first
 * address that is not a trusted proxy is the client. Anyone can write X-Forwarded-For; only a
 * trusted proxy's additions count.
 *
 * The production server resolves it once per request and passes it on in CLIENT_IP_HEADER,
 * replacing any value a client sent (better-auth reads only that header).
 */
import { BlockList, isIP } from "node:net";

export const CLIENT_IP_HEADER = "x-rapor-client-ip";

export interface TrustedProxies {
  /** The list as configured, for messages. */
  entries: string[];
  contains(address: string): boolean;
}

/** "::ffff:127.0.0.1" → "127.0.0.1": one spelling per IPv4 client. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed.toLowerCase();
}

/** Parse RAPOR_TRUSTED_PROXIES; throws on an entry that is not an address or CIDR range. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const entries = (text ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address ?? "");
    if (!address || family === 0 || extra !== undefined) throw new Error(`RAPOR_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) {
      list.addAddress(address, type);
    } else {
      const bits = /^[0-9]{1,3}$/.test(prefix) ? Number(prefix) : NaN;
      if (!(bits >= 0 && bits <= (family === 6 ? 128 : 32))) throw new Error(`RAPOR_TRUSTED_PROXIES: "${entry}" has an invalid prefix length`);
      list.addSubnet(address, bits, type);
    }
  }
  return {
    entries,
    contains(raw: string) {
      const address = normalizeAddress(raw);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The client of a request that reached this process from `peer` with the given
 * X-Forwarded-For header(s). "unknown" when the peer is unknown (a closed socket).
 */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  if (!peer) return "unknown";
  let client = normalizeAddress(peer);
  if (!trusted.contains(client)) return client;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  // Walk back from the proxy nearest to us; stop at the first address no trusted proxy is.
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]!);
    if (isIP(hop) === 0) break; // garbage in the header: keep the last address known to be real
    client = hop;
    if (!trusted.contains(hop)) break;
  }
  return client;
}
