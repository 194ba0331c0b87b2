import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./lib/i18n/routing";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./lib/security/headers";
import { isPublicPagePath, isPublicRoute, isServablePath } from "./lib/security/paths";
import enDashboard from "./messages/en/dashboard.json";
import idDashboard from "./messages/id/dashboard.json";

const intl = createMiddleware(routing);

const NOT_FOUND_TEXT = { id: idDashboard.notFound, en: enDashboard.notFound } as const;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An undecodable path: JSON for the API, else a small localized 404 page answered here. Not a
 * rewrite to the app's 404 page: Next.js decodes the original path's parameters even then.
 */
function notFound(path: string): NextResponse {
  const headers = { "Cache-Control": "no-store" };
  if (/^\/api(?:\/|$)/.test(path)) {
    return NextResponse.json({ error: "not_found", message: "Alamat tidak ditemukan." }, { status: 404, headers });
  }
  const locale = /^\/en(?:\/|$)/.test(path) ? "en" : "id";
  const text = NOT_FOUND_TEXT[locale];
  const home = locale === "en" ? "/en" : "/";
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.title)} · Rapor</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#0f172a"><h1 style="font-size:1.5rem">${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p><p><a href="${home}" style="color:#1e40af">${escapeHtml(text.home)}</a></p></body></html>`;
  return new NextResponse(html, { status: 404, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
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
  if (!isServablePath(path)) response = notFound(path);
  else if (isPublicPagePath(path)) {
    response = intl(new NextRequest(request, { headers }));
    // A path no page answers: the catch-all renders the 404 page, with its status set here.
    if (!isPublicRoute(path, routing.locales) && !response.headers.has("location")) response = new NextResponse(null, { status: 404, headers: response.headers });
  }
  else response = NextResponse.next({ request: { headers } });
  for (const [name, value] of securityHeaders(options)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything, static files included: every response carries the security headers.
  matcher: "/:path*",
};
