import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.forbiddenPage"))("title") };
}

/** Where an admin-only page sends an editor (lib/auth/actor.ts): inside the admin layout, in Indonesian. */
export default async function ForbiddenPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("admin");
  return (
    <section aria-labelledby="terlarang" className="max-w-2xl space-y-3" data-admin-forbidden>
      <h1 id="terlarang" className="text-2xl font-bold">
        {t("forbiddenPage.title")}
      </h1>
      <p>{t("forbidden")}</p>
      <p>{t("forbiddenPage.body", { role: t(`role.${actor.role}`) })}</p>
      <p>
        <Link href="/admin/hasil" className="text-blue-800 underline">
          {t("notFound.back")}
        </Link>
      </p>
    </section>
  );
}
