import { routing } from "./routing";

/**
 * The URL of an unprefixed app path in a locale: Indonesian (the default) unprefixed, English
 * under /en. The same rule as next-intl's getPathname for this routing (localePrefix
 * "as-needed", no localized pathnames), as a plain function that client components can use
 * without next-intl's client runtime.
 */
export function localizePath(href: string, locale: string): string {
  if (locale === routing.defaultLocale || !href.startsWith("/")) return href;
  if (href === "/") return `/${locale}`;
  if (href.startsWith("/?") || href.startsWith("/#")) return `/${locale}${href.slice(1)}`;
  return `/${locale}${href}`;
}

/** The app path of a URL path and its locale: "/en/peringkat" → ["/peringkat", "en"]. */
export function splitLocale(pathname: string): { path: string; locale: string } {
  for (const locale of routing.locales) {
    if (locale === routing.defaultLocale) continue;
    if (pathname === `/${locale}`) return { path: "/", locale };
    if (pathname.startsWith(`/${locale}/`)) return { path: pathname.slice(locale.length + 1), locale };
  }
  return { path: pathname, locale: routing.defaultLocale };
}
