import { getTranslations } from "next-intl/server";
import { TYPE_FILTERS } from "@/lib/domain/groups";
import type { RankingsQuery } from "@/lib/record/query";

/** The form's fields are the rankings query's parameters (lib/record/query.ts). */
const field = (name: keyof RankingsQuery) => name;

/** Filters as a plain GET form: works without JavaScript and every view is a URL. The sort
 * chosen is kept; the page is not (a new filter starts on page 1). */
export async function ExplorerFilters({
  action,
  years,
  query,
  provinces,
  resetHref,
}: {
  action: string;
  years: readonly number[];
  /** The page's state, with the year shown. */
  query: RankingsQuery;
  provinces: { slug: string; name: string }[];
  resetHref: string;
}) {
  const t = await getTranslations("explorer");
  const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" action={action} className="mb-4 grid print:hidden grid-cols-1 gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2 lg:grid-cols-5" role="search" aria-label={t("filters")}>
      <label className="text-sm font-medium">
        {t("year")}
        <select name={field("tahun")} defaultValue={String(query.tahun)} className={input}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("type")}
        <select name={field("jenis")} defaultValue={query.jenis ?? ""} className={input}>
          <option value="">{t("allTypes")}</option>
          {TYPE_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`typeFilter.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("province")}
        <select name={field("provinsi")} defaultValue={query.provinsi ?? ""} className={input}>
          <option value="">{t("allProvinces")}</option>
          {provinces.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("search")}
        <input type="search" name={field("q")} defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} className={input} />
      </label>
      {query.urut && <input type="hidden" name={field("urut")} value={query.urut} />}
      {query.arah && <input type="hidden" name={field("arah")} value={query.arah} />}
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          {t("apply")}
        </button>
        <a href={resetHref} className="px-2 py-1.5 text-sm text-blue-800 underline">
          {t("reset")}
        </a>
      </div>
    </form>
  );
}
