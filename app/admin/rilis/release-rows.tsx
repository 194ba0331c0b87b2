import { getTranslations } from "next-intl/server";
import type { ReleaseRow } from "@/lib/ledger/release-reads";
import { ShownValues } from "../_components/shown-values";

/**
 * The results of a release (or of a selection) with their names and the values the public sees
 * now and will see: two columns, so that it reads at 390 px without sideways scrolling.
 * With `pick`, each row has a ticked checkbox named "hasil".
 */
export async function ReleaseRows({ rows, pick = false, caption }: { rows: ReleaseRow[]; pick?: boolean; caption: string }) {
  const t = await getTranslations("adminRelease");
  const tType = await getTranslations("entityType");
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid="release-rows">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300 align-bottom">
          <th scope="col" className="py-1 pr-3">{pick ? `${t("pick")} · ` : ""}{t("entity")}</th>
          <th scope="col" className="py-1">{t("score")}, {t("zone").toLowerCase()}, {t("category").toLowerCase()} <span className="font-normal text-slate-600">({t("nowToNext")})</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.resultId} className="border-b border-slate-200 align-top" data-result-id={row.resultId}>
            <td className="py-1.5 pr-3">
              {pick ? (
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="hasil" value={row.resultId} defaultChecked className="mt-1" />
                  <span className="font-medium">{row.entity}</span>
                </label>
              ) : (
                <span className="font-medium">{row.entity}</span>
              )}
              <span className="block text-xs text-slate-700">
                {tType(row.entityType as never)} · {row.province ?? "—"} · {row.year} ·{" "}
                <span className={row.kind === "revision" ? "font-medium text-amber-800" : ""}>{t(row.kind)}</span>
              </span>
            </td>
            <td className="py-1.5 wrap-anywhere">
              {row.now ? <ShownValues shown={row.now} /> : <span className="text-slate-600">{t("notPublic")}</span>}
              {" → "}
              <strong><ShownValues shown={row.next} /></strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
