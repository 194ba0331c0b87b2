import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

/** Public pages get their locale from the URL (/en/... or unprefixed Indonesian). */
export default createMiddleware(routing);

export const config = {
  // Not the admin area, API routes, Next's own files or static files (anything with a dot).
  matcher: ["/((?!api(?:/|$)|admin(?:/|$)|_next|_vercel|.*\\..*).*)"],
};
