import { getTranslations } from "next-intl/server";

/**
 * Downloads of exactly the rows a table shows (every page of it), with the same parameters as
 * /api/v1/export takes. `context` names the table when a page has several, so that each set of
 * links has its own accessible name; `label` replaces the visible "Download this table".
 */
export async function DownloadLinks({
  params,
  context,
  label,
  endpoint = "/api/v1/export",
}: {
  params: Record<string, string | null | undefined>;
  context?: string;
  label?: string;
  /** /api/v1/export/ringkasan for the tables of totals. */
  endpoint?: string;
}) {
  const t = await getTranslations("downloads");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const href = (format: string) => `${endpoint}?${new URLSearchParams({ ...Object.fromEntries(query), format }).toString()}`;
  const shown = label ?? t("label");
  return (
    <nav aria-label={context ? `${shown}: ${context}` : shown} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{shown}:</span>
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
