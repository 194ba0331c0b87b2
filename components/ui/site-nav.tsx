"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { localizePath, splitLocale } from "@/lib/i18n/paths";

/** Main navigation; marks the current section. */
export function SiteNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const { path: pathname, locale } = splitLocale(usePathname());
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-1">
        {items.map((item) => {
          const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={localizePath(item.href, locale)}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-2 py-2 text-sm font-medium ${
                  current ? "border-slate-900 text-slate-900" : "border-transparent text-slate-700 hover:border-slate-400"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
