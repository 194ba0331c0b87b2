import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/locale-link";

/** Previous / next page links; `href` gives a page's address (the view's filters kept). */
export async function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center gap-3 text-sm print:hidden">
      {page > 1 ? (
        <Link href={href(page - 1)} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100" rel="prev">
          ← {t("previous")}
        </Link>
      ) : null}
      <span>{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100" rel="next">
          {t("next")} →
        </Link>
      ) : null}
    </nav>
  );
}
