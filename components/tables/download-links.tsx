import { getTranslations } from "next-intl/server";

/** Downloads of exactly the filtered view shown (every page of it), with the same parameters. */
export async function DownloadLinks({ params }: { params: Record<string, string | null | undefined> }) {
  const t = await getTranslations("downloads");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const href = (format: string) => `/api/v1/export?${new URLSearchParams({ ...Object.fromEntries(query), format }).toString()}`;
  return (
    <nav aria-label={t("label")} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{t("label")}:</span>
      <a href={href("csv")} download className="rounded border border-slate-300 px-2 py-0.5 text-blue-800 underline hover:bg-slate-50">
        {t("csv")}
      </a>
      <a href={href("xlsx")} download className="rounded border border-slate-300 px-2 py-0.5 text-blue-800 underline hover:bg-slate-50">
        {t("xlsx")}
      </a>
      <a href={href("json")} download className="rounded border border-slate-300 px-2 py-0.5 text-blue-800 underline hover:bg-slate-50">
        {t("json")}
      </a>
    </nav>
  );
}
