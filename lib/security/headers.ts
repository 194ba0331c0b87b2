/**
 * Security headers of every response, defined here once: the proxy (proxy.ts) puts them on
 * everything Next.js serves, with a fresh nonce per request in the Content-Security-Policy;
 * the production server (scripts/server.ts) puts the same on the few answers it gives itself.
 *
 * - Scripts run only with the nonce Next.js writes into its own script tags ('strict-dynamic'
 *   lets them load the chunks they need); no 'unsafe-inline' script, no eval in production.
 *   Inline style attributes stay allowed (charts and React set them; a nonce cannot cover an
 *   attribute, and CSS cannot run code).
 * - No page may be framed by another site (frame-ancestors 'none', and X-Frame-Options for
 *   older browsers), except paths listed in FRAMEABLE_PATHS.
 * - HSTS only in production (a development server on http://localhost must stay reachable).
 *
 * A page kept by the response cache (lib/server) is served with the headers it was rendered
 * with, so its nonce and its CSP header always agree.
 */

/** Paths another site may show in a frame. A public embed route opts out by adding its prefix, e.g. /^\/embed\//. */
export const FRAMEABLE_PATHS: readonly RegExp[] = [];

export interface SecurityHeaderOptions {
  /** The request's nonce; without one, no inline script may run at all. */
  nonce?: string;
  /** The request path (decides whether the response may be framed). */
  path: string;
  /** NODE_ENV === "production": HSTS on; development needs eval (React's debugging aids) and HMR. */
  production: boolean;
}

export function isFrameable(path: string): boolean {
  return FRAMEABLE_PATHS.some((re) => re.test(path));
}

export function contentSecurityPolicy({ nonce, path, production }: SecurityHeaderOptions): string {
  const scripts = nonce ? [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`] : [`'self'`];
  if (!production) scripts.push(`'unsafe-eval'`);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...scripts],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(production ? [] : ["ws:"])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", isFrameable(path) ? "*" : "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Every security header of a response to `path`, CSP included. */
export function securityHeaders(options: SecurityHeaderOptions): [string, string][] {
  const headers: [string, string][] = [
    ["Content-Security-Policy", contentSecurityPolicy(options)],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Content-Type-Options", "nosniff"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ];
  if (!isFrameable(options.path)) headers.push(["X-Frame-Options", "DENY"]);
  if (options.production) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return headers;
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
