import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./lib/i18n/routing";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./lib/security/headers";
import { isPublicPagePath, isServablePath } from "./lib/security/paths";

const intl = createMiddleware(routing);

/** An undecodable path: JSON for the API, else the localized 404 page (through the catch-all route). */
function notFound(request: NextRequest, headers: Headers): NextResponse {
  const path = request.nextUrl.pathname;
  if (/^\/api(?:\/|$)/.test(path)) {
    return NextResponse.json({ error: "not_found", message: "Alamat tidak ditemukan." }, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  const locale = /^\/en(?:\/|$)/.test(path) ? "en" : routing.defaultLocale;
  return NextResponse.rewrite(new URL(`/${locale}/halaman-tidak-ditemukan`, request.url), { request: { headers } });
}

/**
 * Every request Next.js serves: a path that cannot be decoded is a 404 (never a 500), public
 * pages get their locale from the URL (/en/... or unprefixed Indonesian), and every response
 * gets the security headers, with a fresh nonce that Next.js writes into its script tags.
 */
export default function proxy(request: NextRequest): NextResponse {
  const path = request.nextUrl.pathname;
  const options = { nonce: newNonce(), path, production: process.env.NODE_ENV === "production" };
  // Next.js reads the nonce from the request's CSP header when it renders the page.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", contentSecurityPolicy(options));
  let response: NextResponse;
  if (!isServablePath(path)) response = notFound(request, headers);
  else if (isPublicPagePath(path)) response = intl(new NextRequest(request, { headers }));
  else response = NextResponse.next({ request: { headers } });
  for (const [name, value] of securityHeaders(options)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything, static files included: every response carries the security headers.
  matcher: "/:path*",
};
