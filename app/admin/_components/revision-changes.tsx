import { getTranslations } from "next-intl/server";
import { formatScore } from "@/lib/domain/score";
import type { FieldChange, ShownResult } from "@/lib/ledger/revision-reads";

/** A revision's changes as a table: each field as the public sees it now → once published. */
export async function RevisionChanges({ changes, caption, labels }: { changes: FieldChange[]; caption: string; labels?: { before: string; after: string } }) {
  const t = await getTranslations("admin.revision");
  const tZone = await getTranslations("zone");

  const text = (field: keyof ShownResult, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    switch (field) {
      case "deleted":
        return value ? t("hidden") : t("shown");
      case "score":
        return formatScore(value as number);
      case "zone":
        return tZone(value as "HIJAU" | "KUNING" | "MERAH");
      case "dimensionScores":
        return Object.entries(value as Record<string, number>)
          .map(([code, v]) => `${code} ${formatScore(v)}`)
          .join("; ");
      case "sources":
        return (value as ShownResult["sources"]).map((s) => `${s.url} (${s.score === null ? "—" : formatScore(s.score)}${s.primary ? `, ${t("primary")}` : ""})`).join("; ");
      default:
        return String(value);
    }
  };

  if (changes.length === 0) return <p className="text-sm">{t("noChange")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="revision-changes">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-1 pr-3">{t("colField")}</th>
            <th scope="col" className="py-1 pr-3">{labels?.before ?? t("colBefore")}</th>
            <th scope="col" className="py-1">{labels?.after ?? t("colAfter")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-b border-slate-200 align-top" data-field={c.field}>
              <th scope="row" className="py-1 pr-3 font-medium">{t(`fields.${c.field}`)}</th>
              <td className="py-1 pr-3 wrap-anywhere">{text(c.field, c.before)}</td>
              <td className="py-1 font-medium wrap-anywhere">{text(c.field, c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
