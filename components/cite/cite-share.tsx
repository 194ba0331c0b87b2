import { getTranslations } from "next-intl/server";
import { CitationLine, CopyButton } from "./copy-button";

/**
 * "Salin tautan" and "Kutip" for a view: its exact address, visible and selectable (a copy button
 * once JavaScript runs), and a citation line written on the server (lib/record/citation.ts), in
 * a disclosure. `citation.template` is the same line with "{date}" for the access date.
 */
export async function CiteShare({ address, citation, locale }: { address: string; citation: { text: string; template: string; label?: string } | null; locale: string }) {
  const t = await getTranslations("cite");
  const labels = { copied: t("copied"), failed: t("copyFailed") };
  return (
    <section aria-labelledby="tautan-kutip" className="mb-5 rounded border border-slate-200 p-3 text-sm print:hidden" data-cite-share>
      <h2 id="tautan-kutip" className="sr-only">
        {t("heading")}
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="alamat-halaman" className="font-medium">
          {t("linkLabel")}
        </label>
        <input id="alamat-halaman" readOnly value={address} className="min-w-0 flex-1 basis-56 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs" data-page-address />
        <CopyButton text={address} label={t("copyLink")} {...labels} />
      </div>
      {citation && (
        <details className="mt-2" data-cite>
          <summary className="cursor-pointer font-medium text-blue-800 underline">{citation.label ?? t("cite")}</summary>
          <CitationLine initial={citation.text} template={citation.template} locale={locale} labels={{ copy: t("copyCitation"), ...labels }} />
        </details>
      )}
    </section>
  );
}
