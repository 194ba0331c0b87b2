import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/locale-link";

/** The public 404 page's content: said, and the way home. */
export async function NotFoundView() {
  const t = await getTranslations("notFound");
  return (
    <div className="py-10" data-not-found>
      <h1 className="mb-3 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("body")}</p>
      <Link href="/" className="text-blue-800 underline">
        {t("home")}
      </Link>
    </div>
  );
}
