"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** Switch language on the same page, keeping every filter of the URL. */
export function LanguageSwitcher({ label, names }: { label: string; names: { id: string; en: string } }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = search ? `${pathname}?${search}` : pathname;
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
              <Link href={href} locale={l} lang={l} hrefLang={l} className="text-blue-800 underline">
                {names[l]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
