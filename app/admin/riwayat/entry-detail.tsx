import { getTranslations } from "next-intl/server";
import { formatJakarta } from "@/lib/domain/jakarta-time";
import type { EntryDetail } from "@/lib/ledger/history-view";
import { ShownValues } from "../_components/shown-values";
import { RevisionChanges } from "../_components/revision-changes";

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A value of an entry other than a result's, readable: yes/no, lists, times in WIB. */
function raw(value: unknown, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
  if (typeof value === "string" && ISO_TIME.test(value)) return formatJakarta(new Date(value));
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return value.join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** One history entry's change, as people read it: fields with their labels, or a table of results. */
export async function EntryDetailView({ detail, caption, labels }: { detail: EntryDetail; caption: string; labels?: { before: string; after: string } }) {
  const t = await getTranslations("adminHistory");
  const before = labels?.before ?? t("before");
  const after = labels?.after ?? t("after");
  if (detail.kind === "fields") {
    const status = (s: string) => (s === "DRAFT" || s === "PUBLISHED" || s === "" ? t(`statusValues.${s}`) : s);
    return (
      <div className="space-y-1">
        {detail.status && (
          <p data-field="status">
            <span className="font-medium">{t("status")}</span>: {status(detail.status.before)} → <strong>{status(detail.status.after)}</strong>
          </p>
        )}
        {detail.changes.length > 0 && <RevisionChanges changes={detail.changes} caption={caption} labels={{ before, after }} />}
      </div>
    );
  }
  if (detail.kind === "rows") {
    const tRelease = await getTranslations("adminRelease");
    return (
      <div>
        <p className="mb-1 text-xs text-slate-700">{t("rowsCount", { count: detail.rows.length })}</p>
        <table className="w-full border-collapse text-left text-sm" data-testid="entry-rows">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-300 align-bottom">
              <th scope="col" className="py-1 pr-2">{tRelease("entity")}</th>
              <th scope="col" className="py-1">{before} → {after}</th>
            </tr>
          </thead>
          <tbody>
            {detail.rows.map((row) => (
              <tr key={`${row.change}-${row.resultId}`} className="border-b border-slate-100 align-top" data-result-id={row.resultId} data-change={row.change}>
                <td className="py-1 pr-2">
                  {row.name}
                  <span className="block text-xs text-slate-700">{t(`change.${row.change}`)}</span>
                </td>
                <td className="py-1 wrap-anywhere">
                  {row.before ? <ShownValues shown={row.before} /> : <span className="text-slate-600">{tRelease("notPublic")}</span>} → <strong>{row.after ? <ShownValues shown={row.after} /> : tRelease("notPublic")}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {detail.skipped > 0 && <p className="mt-1 text-xs text-slate-700">{t("skipped", { count: detail.skipped })}</p>}
      </div>
    );
  }
  const yesNo = { yes: t("yes"), no: t("no") };
  return (
    <ul className="space-y-0.5">
      {detail.changes.slice(0, 8).map((c) => (
        <li key={c.field} className="wrap-anywhere">
          <span className="font-medium">{t.has(`rawFields.${c.field}`) ? t(`rawFields.${c.field}` as "rawFields.name") : c.field}</span>: {raw(c.before, yesNo)} → {raw(c.after, yesNo)}
        </li>
      ))}
    </ul>
  );
}
