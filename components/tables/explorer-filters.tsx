import { getTranslations } from "next-intl/server";
import { TYPE_FILTERS, type TypeFilter } from "@/lib/domain/groups";

/** Filters as a plain GET form: works without JavaScript and every view is a URL. */
export async function ExplorerFilters({
  action,
  year,
  years,
  jenis,
  provinsi,
  q,
  provinces,
  sort,
  dir,
}: {
  action: string;
  year: number;
  years: readonly number[];
  jenis: TypeFilter | null;
  provinsi: string | null;
  q: string;
  provinces: { slug: string; name: string }[];
  sort: string | null;
  dir: string | null;
}) {
  const t = await getTranslations("explorer");
  const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" action={action} className="mb-4 grid grid-cols-1 gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2 lg:grid-cols-5" role="search" aria-label={t("filters")}>
      <label className="text-sm font-medium">
        {t("year")}
        <select name="tahun" defaultValue={String(year)} className={field}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("type")}
        <select name="jenis" defaultValue={jenis ?? ""} className={field}>
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
        <select name="provinsi" defaultValue={provinsi ?? ""} className={field}>
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
        <input type="search" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className={field} />
      </label>
      {sort && <input type="hidden" name="urut" value={sort} />}
      {dir && <input type="hidden" name="arah" value={dir} />}
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          {t("apply")}
        </button>
        <a href={`${action}?tahun=${year}`} className="px-2 py-1.5 text-sm text-blue-800 underline">
          {t("reset")}
        </a>
      </div>
    </form>
  );
}
