/**
 * Which request paths can be served at all. Next.js answers a path it cannot decode ("/%FF",
 * "/en/instansi/%ED%A0%80", or "/%25", which decodes to a bare "%" that Next decodes again)
 * with an error page that itself fails: HTTP 500. No Rapor path holds anything but letters,
 * digits and "-" / "_" / "." / "/", so such a path is simply not found.
 */
export function isServablePath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  // Still an escape (or a bare "%") after one decoding, a control character, or a backslash
  // (read as "/" by some clients): never a path of this site.
  return !/[%\\\u0000-\u001f\u007f]/.test(decoded);
}

/** Public pages carry their language in the path and go through next-intl's middleware: not
 * the admin area, API routes, Next's own files or static files (anything with a dot). */
export function isPublicPagePath(pathname: string): boolean {
  return !/^\/(?:api(?:\/|$)|admin(?:\/|$)|_next|_vercel|.*\.)/.test(pathname);
}

/** The public pages' routes (app/[locale]), after the locale prefix: the catch-all takes the rest. */
const PUBLIC_ROUTES = [/^\/$/, /^\/(?:peringkat|bandingkan|metodologi|dokumentasi-api|cari)\/?$/, /^\/(?:instansi|provinsi)\/[^/]+\/?$/];

/**
 * Whether a public page path names one of the app's pages ("/peringkat", "/en/instansi/x"),
 * not a path only the catch-all answers ("/halaman-tidak-ada"). The proxy gives the latter a 404
 * status; the catch-all renders the 404 page itself, so that it has its content without
 * JavaScript (Next's notFound() sends an empty shell and fills it in the browser).
 */
export function isPublicRoute(pathname: string, locales: readonly string[]): boolean {
  const prefix = locales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
  const path = prefix ? pathname.slice(prefix.length + 1) || "/" : pathname;
  return PUBLIC_ROUTES.some((re) => re.test(path));
}
