import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { signOutAction } from "./masuk/actions";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Admin pages read the session: never prerender or cache them.
export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("admin");
  const actor = await currentActor();
  const messages = await getMessages();
  const tRelease = await getTranslations("adminRelease");
  const links = [
    { href: "/admin/hasil", label: t("nav.results"), admin: false },
    { href: "/admin/impor", label: t("nav.import"), admin: false },
    { href: "/admin/publikasi", label: t("nav.publish"), admin: true },
    { href: "/admin/rilis", label: tRelease("nav"), admin: false },
    { href: "/admin/riwayat", label: t("nav.history"), admin: false },
    // Editors manage the entities of their provinces (checked on the server).
    { href: "/admin/instansi", label: t("nav.entities"), admin: false },
    { href: "/admin/metodologi", label: t("nav.methodology"), admin: true },
    { href: "/admin/pengguna", label: t("nav.users"), admin: true },
    { href: "/admin/token", label: t("nav.tokens"), admin: true },
    { href: "/admin/akun", label: t("nav.account"), admin: false },
  ];
  return (
    // The admin forms are client components that translate in the browser.
    <NextIntlClientProvider messages={messages}>
      <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="text-lg font-bold hover:underline">{t("title")}</Link>
          <Link href="/" className="text-sm text-slate-200 underline hover:text-white">{t("publicSite")}</Link>
        </div>
      </header>
      <main id="konten" className="mx-auto max-w-6xl px-4 py-6">
      {actor && (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
          <nav aria-label={t("nav.label")}>
            <ul className="flex flex-wrap gap-1">
              {links
                .filter((link) => !link.admin || actor.role === "ADMIN")
                .map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="inline-block rounded px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100">
                      {link.label}
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
          <form action={signOutAction} className="flex items-center gap-3 text-sm text-slate-700">
            <span className="[overflow-wrap:anywhere]">{t("nav.signedInAs", { email: actor.email, role: t(`role.${actor.role}`) })}</span>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      )}
      {children}
      </main>
    </NextIntlClientProvider>
  );
}
