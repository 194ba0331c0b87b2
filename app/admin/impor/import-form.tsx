"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { importAction, type ImportState } from "./actions";

const STATUS_STYLE: Record<string, string> = {
  create: "bg-green-50 text-green-900",
  update: "bg-blue-50 text-blue-900",
  unchanged: "text-slate-700",
  error: "bg-red-50 text-red-900",
};

export function ImportForm({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("adminImport");
  const [state, action, pending] = useActionState<ImportState, FormData>(importAction, { stage: "idle" });
  const [intent, setIntent] = useState<"preview" | "commit">("preview");
  const counts = state.counts;
  return (
    <div className="space-y-6">
      <form action={action} className="max-w-3xl space-y-4" aria-busy={pending}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="previewedHash" value={state.fileHash ?? ""} />
        <div>
          <label htmlFor="file" className="block font-medium">
            {t("file")}
          </label>
          <input id="file" name="file" type="file" accept=".csv,.xlsx" required className="mt-1 block" aria-describedby="file-hint" />
          <p id="file-hint" className="mt-1 text-sm text-slate-700">
            {t("fileHint")}
          </p>
        </div>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="createEntities" className="mt-1" />
          <span>{t("createEntities")}</span>
        </label>
        {isAdmin && (
          <label className="flex items-start gap-2">
            <input type="checkbox" name="publish" className="mt-1" />
            <span>{t("publish")}</span>
          </label>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            onClick={() => setIntent("preview")}
            disabled={pending}
            className="rounded border border-slate-900 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            {t("preview")}
          </button>
          {state.stage === "preview" && state.committable && (
            <button
              type="submit"
              onClick={() => setIntent("commit")}
              disabled={pending}
              className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
            >
              {t("commit")}
            </button>
          )}
        </div>
        <p role="status" aria-live="polite" className="text-sm font-medium">
          {pending ? (intent === "commit" ? t("committing") : t("checking")) : ""}
        </p>
      </form>

      {state.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.message}
        </p>
      )}

      {state.stage === "committed" && state.summary && (
        <div role="status" className="rounded border border-green-400 bg-green-50 p-4 text-green-900">
          <p className="font-semibold">
            {t("committed", {
              file: state.fileName ?? "",
              created: state.summary.created,
              updated: state.summary.updated,
              unchanged: state.summary.unchanged,
            })}
          </p>
          <p className="text-sm">{state.summary.published ? t("committedPublished") : t("committedDrafts")}</p>
          {state.newEntities && state.newEntities.length > 0 && <p className="text-sm">{t("newEntitiesCreated", { names: state.newEntities.join(", ") })}</p>}
          {state.summary.auditId !== null && <p className="text-sm">{t("revertHint", { id: state.summary.auditId })}</p>}
        </div>
      )}

      {state.stage === "preview" && counts && (
        <section aria-labelledby="pratinjau" className="space-y-4">
          <h2 id="pratinjau" className="text-xl font-semibold">
            {t("previewTitle", { file: state.fileName ?? "" })}
          </h2>
          <ul className="flex flex-wrap gap-3 text-sm">
            <li className="rounded bg-green-50 px-3 py-1 text-green-900">{t("countCreate", { count: counts.create })}</li>
            <li className="rounded bg-blue-50 px-3 py-1 text-blue-900">{t("countUpdate", { count: counts.update })}</li>
            <li className="rounded bg-slate-100 px-3 py-1">{t("countUnchanged", { count: counts.unchanged })}</li>
            <li className="rounded bg-red-50 px-3 py-1 text-red-900">{t("countErrors", { count: counts.errorRows })}</li>
            <li className="rounded bg-amber-50 px-3 py-1 text-amber-900">{t("countWarnings", { count: counts.warnings })}</li>
          </ul>
          <p className="text-sm">{state.committable ? t("readyToCommit", { rows: counts.rows }) : t("notCommittable")}</p>
          {state.newEntities && state.newEntities.length > 0 && (
            <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
              {t("newEntitiesPlanned", { count: state.newEntities.length, names: state.newEntities.slice(0, 30).join(", ") })}
            </p>
          )}
          {state.issues && state.issues.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[560px] border-collapse text-left text-sm">
                <caption className="mb-1 text-left font-semibold">{t("issuesCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("colLine")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colKind")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colColumn")}</th>
                    <th scope="col" className="py-1">{t("colMessage")}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.issues.map((issue, i) => (
                    <tr key={`${issue.line}-${i}`} className={`border-b border-slate-200 ${issue.severity === "error" ? "bg-red-50" : "bg-amber-50"}`}>
                      <td className="py-1 pr-3 tabular-nums">{issue.line}</td>
                      <td className="py-1 pr-3">{issue.severity === "error" ? t("error") : t("warning")}</td>
                      <td className="py-1 pr-3 font-mono">{issue.column ?? "—"}</td>
                      <td className="py-1">{issue.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {state.issuesOmitted ? <p className="text-sm">{t("omitted", { count: state.issuesOmitted })}</p> : null}
            </div>
          )}
          {state.rows && state.rows.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[560px] border-collapse text-left text-sm">
                <caption className="mb-1 text-left font-semibold">{t("rowsCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("colLine")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colAction")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colEntity")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colYear")}</th>
                    <th scope="col" className="py-1 text-right">{t("colScore")}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.rows.map((row) => (
                    <tr key={row.line} className={`border-b border-slate-200 ${STATUS_STYLE[row.status]}`}>
                      <td className="py-1 pr-3 tabular-nums">{row.line}</td>
                      <td className="py-1 pr-3">{t(`status.${row.status}`)}</td>
                      <td className="py-1 pr-3">{row.entity}</td>
                      <td className="py-1 pr-3">{row.year}</td>
                      <td className="py-1 text-right tabular-nums">
                        {row.score === null ? "—" : new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(row.score / 100)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {state.rowsOmitted ? <p className="text-sm">{t("omitted", { count: state.rowsOmitted })}</p> : null}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
