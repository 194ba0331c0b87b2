import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.account"))("title") };
}

export default async function AccountPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("admin");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("account.title")}</h1>
      <p className="mb-4 text-sm text-slate-700">{t("nav.signedInAs", { email: actor.email, role: t(`role.${actor.role}`) })}</p>
      <PasswordForm />
    </>
  );
}
