import { getLocale, getTranslations } from "next-intl/server";
import type { DownloadHref } from "@/lib/record/query";
import type { ExportFormat } from "@/lib/record/table";

/** Spreadsheet users first, then JSON. */
const SHOWN: readonly ExportFormat[] = ["csv", "xlsx", "json"];

/**
 * Downloads of exactly the rows a table shows (every page of it): `href` gives each format's
 * address (lib/record/query.ts: resultsDownload, summaryDownload). `context` names the table
 * when a page has several, so that each set of links has its own accessible name; `label`
 * replaces the visible "Download this table". A spreadsheet is labelled in the page's language.
 */
export async function DownloadLinks({ href, context, label }: { href: DownloadHref; context?: string; label?: string }) {
  const [t, locale] = await Promise.all([getTranslations("downloads"), getLocale()]);
  const shown = label ?? t("label");
  return (
    <nav aria-label={context ? `${shown}: ${context}` : shown} className="mb-3 flex flex-wrap items-center gap-2 text-sm print:hidden">
      <span className="text-slate-700">{shown}:</span>
      {SHOWN.map((format) => (
        <a key={format} href={href(format, locale)} download className="rounded border border-slate-300 px-2 py-0.5 text-blue-800 underline hover:bg-slate-50">
          {t(format)}
        </a>
      ))}
    </nav>
  );
}
