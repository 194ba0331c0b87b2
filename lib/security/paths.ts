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
