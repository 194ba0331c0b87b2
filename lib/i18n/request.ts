import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { routing, type AppLocale } from "./routing";

/** The locale of the URL on public pages (set by proxy.ts and app/[locale]); Bahasa
 * Indonesia everywhere else (the admin area, API routes). */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale: AppLocale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: loadMessages(locale),
    timeZone: "Asia/Jakarta",
  };
});
