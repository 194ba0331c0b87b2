import { defineRouting } from "next-intl/routing";

/**
 * Public pages: Bahasa Indonesia unprefixed (/peringkat), English under /en (/en/peringkat).
 * The URL alone decides the language (no browser or cookie detection), so every link shows
 * the page in the language it was shared in.
 */
export const routing = defineRouting({
  locales: ["id", "en"],
  defaultLocale: "id",
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
});

export type AppLocale = (typeof routing.locales)[number];

/** The Intl locale for numbers and dates ("95,45", "3.771", "12 Desember 2024"). */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : "id-ID";
}
