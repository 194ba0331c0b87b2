import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { routing } from "./routing";

export const LOCALES = routing.locales;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

/** The locale of the URL on public pages (set by proxy.ts and app/[locale]); Bahasa
 * Indonesia everywhere else (the admin area, API routes). */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale: Locale = hasLocale(LOCALES, requested) ? requested : DEFAULT_LOCALE;
  return {
    locale,
    messages: loadMessages(locale),
    timeZone: "Asia/Jakarta",
  };
});
