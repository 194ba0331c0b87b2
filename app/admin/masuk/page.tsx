import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.signIn");
  return { title: t("title") };
}

export default async function SignInPage() {
  if (await currentActor()) redirect("/admin/hasil");
  const t = await getTranslations("admin.signIn");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <SignInForm />
    </div>
  );
}
