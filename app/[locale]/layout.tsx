import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { Link } from "@/components/ui/locale-link";
import { PrintFooter } from "@/components/ui/print-footer";
import { SiteHeader } from "@/components/ui/site-header";
import { intlLocale, routing } from "@/lib/i18n/routing";

/** Public pages: header with navigation and language switch, content, footer. */
export default async function PublicLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("site");
  const tNav = await getTranslations("nav");
  return (
    <>
      <a href="#konten" className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <SiteHeader />
      {/* At least a screen tall: while a page streams in, the footer waits below the fold
          instead of being pushed down in view (a layout shift). */}
      <main id="konten" className="mx-auto min-h-svh max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700">
        <p>{t("footer")}</p>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 print:hidden">
          <li>
            <Link href="/dokumentasi-api" className="text-blue-800 underline">{t("footerApi")}</Link>
          </li>
          <li>
            <Link href="/metodologi" className="text-blue-800 underline">{t("footerMethodology")}</Link>
          </li>
          <li>
            {/* The admin area is Indonesian and outside the locale routing: no locale prefix. */}
            <NextLink href="/admin" prefetch={false} className="text-slate-600 underline hover:text-slate-900">
              {tNav("admin")}
            </NextLink>
          </li>
        </ul>
        <PrintFooter template={t("printedFrom", { address: "{address}", date: "{date}" })} locale={intlLocale(locale)} />
      </footer>
    </>
  );
}
