"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { usePathname } from "@/lib/i18n/navigation";

/** Path of the same page in another locale (Indonesian unprefixed, English under /en). */
function localizedPath(pathname: string, locale: "id" | "en"): string {
  if (locale === "id") return pathname;
  return pathname === "/" ? "/en" : `/en${pathname}`;
}

/**
 * Switch language on the same page, keeping every filter of the URL. A full page load (plain
 * link), because <html lang> lives in the root layout, which client navigation keeps.
 */
export function LanguageSwitcher({ label, names }: { label: string; names: { id: string; en: string } }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="flex gap-2">
        {(["id", "en"] as const).map((l) => (
          <li key={l}>
            {l === locale ? (
              <span aria-current="true" className="font-semibold">
                {names[l]}
              </span>
            ) : (
              <a href={`${localizedPath(pathname, l)}${search ? `?${search}` : ""}`} lang={l} hrefLang={l} className="text-blue-800 underline">
                {names[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
