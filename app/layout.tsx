import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("site");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <header className="border-b border-slate-200 bg-slate-50">
          <div className="mx-auto max-w-6xl px-4 py-4">
            <Link href="/" className="text-xl font-bold text-slate-900 hover:underline">
              {t("name")}
            </Link>
            <p className="text-sm text-slate-700">{t("tagline")}</p>
          </div>
        </header>
        <NextIntlClientProvider>
          <main id="konten" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
        </NextIntlClientProvider>
        <footer className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">{t("footer")}</footer>
      </body>
    </html>
  );
}
