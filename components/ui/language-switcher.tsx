"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { localizePath, splitLocale } from "@/lib/i18n/paths";
import { routing, type AppLocale } from "@/lib/i18n/routing";

/**
 * Switch language on the same page, keeping every filter of the URL. A full page load (plain
 * link), because <html lang> lives in the root layout, which client navigation keeps.
 */
export function LanguageSwitcher({ label, names }: { label: string; names: Record<AppLocale, string> }) {
  const { path: pathname, locale } = splitLocale(usePathname());
  const search = useSearchParams().toString();
  return (
    <nav aria-label={label} className="text-sm print:hidden">
      <ul className="flex gap-3">
        {routing.locales.map((l) => (
          <li key={l}>
            {l === locale ? (
              <span aria-current="true" className="inline-block py-1 font-semibold">
                {names[l]}
              </span>
            ) : (
              <a href={`${localizePath(pathname, l)}${search ? `?${search}` : ""}`} lang={l} hrefLang={l} className="inline-block py-1 text-blue-800 underline">
                {names[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
