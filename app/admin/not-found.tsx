import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Inside the admin layout (its navigation stays), in Indonesian: a missing page or an out-of-scope result. */
export default async function AdminNotFound() {
  const t = await getTranslations("admin.notFound");
  return (
    <section aria-labelledby="tidak-ditemukan" className="max-w-2xl space-y-3" data-admin-not-found>
      <h1 id="tidak-ditemukan" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/admin/hasil" className="text-blue-800 underline">
          {t("back")}
        </Link>
      </p>
    </section>
  );
}
