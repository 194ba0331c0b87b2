import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    // Pages with a main figure give their own (components/ui/share-metadata.ts).
    openGraph: { siteName: t("name"), title: t("name"), description: t("tagline"), type: "website" },
    twitter: { card: "summary", title: t("name"), description: t("tagline") },
  };
}

/** The one root layout: public pages (app/[locale]) and the admin area share <html> and <body>. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        {/* No next-intl client runtime on public pages: they translate on the server and their
            client components take text and locale from the URL. The admin layout provides
            the catalogue its client forms need. */}
        {children}
      </body>
    </html>
  );
}
