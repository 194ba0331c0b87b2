import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

/** Bahasa Indonesia by default; English when the reader chose it. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get("NEXT_LOCALE")?.value;
  const locale: Locale = chosen === "en" ? "en" : DEFAULT_LOCALE;
  return {
    locale,
    messages: loadMessages(locale),
    timeZone: "Asia/Jakarta",
  };
});
