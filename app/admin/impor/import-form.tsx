"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { stacked } from "../_components/stacked-table";
import { importAction, type ImportState } from "./actions";
import type { ImportProgress } from "./import-run";

const STATUS_STYLE: Record<string, string> = {
  create: "bg-green-50 text-green-900",
  update: "bg-blue-50 text-blue-900",
  unchanged: "text-slate-700",
  error: "bg-red-50 text-red-900",
};

/** Where an upload has got: the last event heard, and the upload's bytes before that. */
type Progress =
  | { type: "upload"; loaded: number; total: number }
  | Exclude<ImportProgress, { type: "done" }>
  | { type: "done"; stage: ImportState["stage"] };

/** The bar's share (of 100) for each stage: the upload's bytes fill the first 40. */
function percentOf(p: Progress): number {
  switch (p.type) {
    case "upload":
      return p.total > 0 ? Math.round((p.loaded / p.total) * 40) : 0;
    case "received":
      return 45;
    case "parsed":
      return 55;
    case "validated":
      return 75;
    case "committing":
      return 85;
    case "done":
      return 100;
  }
}

const bytes = (n: number) =>
  n >= 1024 * 1024
    ? `${new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 }).format(n / (1024 * 1024))} MB`
    : `${new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(n / 1024)))} KB`;

const UPLOAD_URL = "/admin/impor/unggah";

export function ImportForm({ isAdmin, fields }: { isAdmin: boolean; fields: { value: string; label: string }[] }) {
  const t = useTranslations("adminImport");
  // Without JavaScript the form posts to the server action; with it, to UPLOAD_URL with progress.
  const [actionState, action, actionPending] = useActionState<ImportState, FormData>(importAction, { stage: "idle" });
  const [uploadState, setUploadState] = useState<ImportState | null>(null);
  const [progress, setProgressState] = useState<Progress | null>(null);
  // Every stage heard, in order (several may arrive in one chunk and render once).
  const [heard, setHeard] = useState<string[]>([]);
  const setProgress = (p: Progress) => {
    setProgressState(p);
    setHeard((list) => (list.at(-1) === p.type ? list : [...list, p.type]));
  };
  const [busy, setBusy] = useState(false);
  const [intent, setIntent] = useState<"preview" | "commit">("preview");
  const state = uploadState ?? actionState;
  const pending = busy || actionPending;
  // Any option changed after a check: the commit button goes (the server refuses it anyway).
  const [staleFor, setStaleFor] = useState<ImportState | null>(null);
  const stale = staleFor === state && state.stage === "preview";
  const [fileName, setFileName] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const chosen = submitter instanceof HTMLButtonElement && submitter.value === "commit" ? "commit" : "preview";
    const form = new FormData(event.currentTarget);
    form.set("intent", chosen);
    setIntent(chosen);
    setBusy(true);
    setHeard([]);
    setProgress({ type: "upload", loaded: 0, total: 0 });
    if (chosen === "preview") setUploadState(null);

    const xhr = new XMLHttpRequest();
    let read = 0;
    let final: ImportState | null = null;
    // Each complete line of the NDJSON answer is one event; the last is "done".
    const consume = () => {
      const text = xhr.responseText;
      let end = text.indexOf("\n", read);
      while (end !== -1) {
        const line = text.slice(read, end).trim();
        read = end + 1;
        end = text.indexOf("\n", read);
        if (!line) continue;
        const event = JSON.parse(line) as ImportProgress;
        if (event.type === "done") {
          final = event.state;
          setProgress({ type: "done", stage: event.state.stage });
        } else {
          setProgress(event);
        }
      }
    };
    const finish = (state: ImportState) => {
      setUploadState(state);
      setBusy(false);
    };
    xhr.upload.onprogress = (e) => setProgress({ type: "upload", loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onprogress = () => {
      if (xhr.status === 200) consume();
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let message = t("serverRefused", { status: xhr.status });
        try {
          message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
        } catch {
          // Not JSON: keep the generic message.
        }
        setProgress({ type: "done", stage: "failed" });
        finish({ stage: "failed", message });
        return;
      }
      consume();
      if (final) {
        finish(final);
      } else {
        setProgress({ type: "done", stage: "failed" });
        finish({ stage: "failed", message: t("connectionLost") });
      }
    };
    xhr.onerror = () => {
      setProgress({ type: "done", stage: "failed" });
      finish({ stage: "failed", message: t("connectionLost") });
    };
    xhr.open("POST", UPLOAD_URL);
    xhr.send(form);
  }

  const progressText = (p: Progress): string => {
    switch (p.type) {
      case "upload":
        // Stays the same while the bytes go (the live region would otherwise speak many times a
        // second); the bar and its percentage show how far the upload has got.
        return p.total > 0 ? t("progressUpload", { size: bytes(p.total) }) : t("checking");
      case "received":
        return t("progressReceived", { size: bytes(p.bytes) });
      case "parsed":
        return t("progressParsed", { rows: p.rows });
      case "validated":
        return t("progressValidated", { rows: p.rows, errors: p.errorRows, warnings: p.warnings });
      case "committing":
        return t("progressCommitting", { changes: p.changes });
      case "done":
        return p.stage === "committed" ? t("progressDoneCommitted") : p.stage === "preview" ? t("progressDonePreview") : t("progressDoneFailed");
    }
  };
  const counts = state.counts;
  const labelOf = new Map(fields.map((f) => [f.value, f.label]));
  return (
    <div className="space-y-6">
      <form
        id="import-form"
        action={action}
        onSubmit={onSubmit}
        onChange={() => setStaleFor(state)}
        className="max-w-3xl space-y-4"
        aria-busy={pending}
      >
        <input type="hidden" name="previewedHash" value={state.fileHash ?? ""} />
        <div>
          <span id="file-label" className="block font-medium">
            {t("file")}
          </span>
          {/* The native control stays in the page (keyboard, no JavaScript), visually replaced by its label. */}
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,.xlsx"
              required
              className="peer sr-only"
              aria-labelledby="file-label file-choose"
              aria-describedby="file-hint file-name"
              onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? null)}
            />
            <label
              id="file-choose"
              htmlFor="file"
              className="cursor-pointer rounded border border-slate-900 bg-white px-4 py-2 font-medium hover:bg-slate-100 peer-focus-visible:ring-2 peer-focus-visible:ring-blue-700 peer-focus-visible:ring-offset-2"
            >
              {t("chooseFile")}
            </label>
            <span id="file-name" className="text-sm text-slate-800" data-file-name={fileName ?? ""}>
              {fileName ?? state.fileName ?? t("noFile")}
            </span>
          </div>
          <p id="file-hint" className="mt-1 text-sm text-slate-700">
            {t("fileHint")}
          </p>
        </div>
        <div>
          <label htmlFor="sourceUrl" className="block font-medium">
            {t("sourceUrl")}
          </label>
          <input
            id="sourceUrl"
            name="sourceUrl"
            type="url"
            inputMode="url"
            placeholder="https://"
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
            aria-describedby="sourceUrl-hint"
            aria-invalid={state.field === "sourceUrl" || undefined}
          />
          <p id="sourceUrl-hint" className="mt-1 text-sm text-slate-700">
            {t("sourceUrlHint")}
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
            name="intent"
            value="preview"
            disabled={pending}
            className="rounded border border-slate-900 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            {t("preview")}
          </button>
          {state.stage === "preview" && state.committable && !stale && (
            <button
              type="submit"
              name="intent"
              value="commit"
              disabled={pending}
              className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
            >
              {t("commit")}
            </button>
          )}
        </div>
        {stale && (
          <p role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900" data-stale="true">
            {t("stale")}
          </p>
        )}
        <div className="space-y-1" data-stages={heard.join(" ")}>
          {progress && (
            <>
              {/* The bar's share in figures beside it, and the stage in words below (never colour alone). */}
              <progress
                id="import-progress"
                max={100}
                value={percentOf(progress)}
                aria-labelledby="import-progress-label"
                aria-describedby="import-progress-text"
                className="block h-3 w-full max-w-md"
              />
              <p id="import-progress-label" className="text-xs text-slate-700">
                {t("progressLabel")}: <span className="tabular-nums">{percentOf(progress)} %</span>
              </p>
            </>
          )}
          {/* Always in the page, so that screen readers hear its first change too. */}
          <p id="import-progress-text" role="status" aria-live="polite" className="text-sm font-medium" data-stage={progress?.type ?? ""}>
            {progress ? progressText(progress) : actionPending ? (intent === "commit" ? t("committing") : t("checking")) : ""}
          </p>
        </div>
      </form>

      {state.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.message}
        </p>
      )}

      {state.mapping && state.mapping.length > 0 && (state.stage === "mapping" || state.stage === "preview") && (
        <section aria-labelledby="pemetaan" className="space-y-2" data-mapping-stage={state.stage}>
          <h2 id="pemetaan" className="text-xl font-semibold">
            {t("mappingTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("mappingIntro")}</p>
          {state.notices && state.notices.length > 0 && (
            <ul className="list-disc space-y-1 pl-5 text-sm" aria-label={t("mappingTitle")}>
              {state.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <table className={stacked.table}>
            <caption className="sr-only">{t("mappingTitle")}</caption>
            <thead className={stacked.thead}>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-1 pr-3">{t("colHeader")}</th>
                <th scope="col" className="py-1 pr-3">{t("colSample")}</th>
                <th scope="col" className="py-1">{t("colField")}</th>
              </tr>
            </thead>
            <tbody className={stacked.tbody}>
              {state.mapping.map((c) => (
                <tr key={`${state.fileHash}-${c.index}`} className={stacked.tr} data-column={c.header} data-source={c.source}>
                  <td className={stacked.td} data-label={t("colHeader")}>
                    <span className="font-medium">{c.header || `#${c.index + 1}`}</span>
                  </td>
                  <td className={`${stacked.td} text-slate-700`} data-label={t("colSample")}>
                    <span className="break-all">{c.samples.filter(Boolean).join(" · ") || "—"}</span>
                  </td>
                  <td className={stacked.td} data-label={t("colField")}>
                    <span className="flex flex-col gap-1">
                      <select
                        form="import-form"
                        name={`map.${c.index}`}
                        defaultValue={c.column ?? ""}
                        onChange={() => setStaleFor(state)}
                        aria-label={`${t("colField")}: ${c.header || `#${c.index + 1}`}`}
                        className="rounded border border-slate-400 px-1 py-0.5"
                      >
                        <option value="">{t("ignoreColumn")}</option>
                        {fields.map((f) => (
                          <option key={f.value} value={f.value}>
                            {f.label}
                          </option>
                        ))}
                      </select>
                      <span className="text-xs text-slate-700">{t(`mappingSource.${c.source}`)}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
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
          {state.summary.review > 0 && <p className="text-sm font-medium" data-review={state.summary.review}>{t("committedReview", { count: state.summary.review })}</p>}
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
            <li className="rounded bg-blue-50 px-3 py-1 text-blue-900">
              {t("countUpdate", { count: counts.update })}
              {state.totals && state.totals.updatePublished > 0 ? ` (${t("countUpdatePublished", { count: state.totals.updatePublished })})` : ""}
            </li>
            <li className="rounded bg-slate-100 px-3 py-1">{t("countUnchanged", { count: counts.unchanged })}</li>
            <li className="rounded bg-red-50 px-3 py-1 text-red-900">{t("countErrors", { count: counts.errorRows })}</li>
            <li className="rounded bg-amber-50 px-3 py-1 text-amber-900">{t("countWarnings", { count: counts.warnings })}</li>
          </ul>
          {state.encoding === "Windows-1252" ? (
            <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900" data-encoding={state.encoding}>
              {t("encodingLegacy")}
            </p>
          ) : state.encoding ? (
            <p className="text-sm text-slate-700" data-encoding={state.encoding}>
              {t("encodingRead", { encoding: state.encoding })}
            </p>
          ) : null}
          <p className="text-sm">{state.committable ? t("readyToCommit", { rows: counts.rows }) : t("notCommittable")}</p>
          {state.review ? (
            <p role="note" className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900" data-review={state.review}>
              {t("reviewPlanned", { count: state.review })}
            </p>
          ) : null}
          {state.newEntities && state.newEntities.length > 0 && (
            <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
              {t("newEntitiesPlanned", { count: state.newEntities.length, names: state.newEntities.slice(0, 30).join(", ") })}
            </p>
          )}
          {state.corrected && state.corrected.length > 0 && (
            <fieldset className="rounded border border-slate-300 p-3 text-sm" data-corrections>
              <legend className="px-1 font-semibold">{t("correctionsTitle")}</legend>
              <ul className="space-y-2">
                {state.corrected.map((c) => (
                  <li key={c.line}>
                    <label className="flex flex-wrap items-center gap-2">
                      <span>{t("correctionLine", { line: c.line, written: c.written })}</span>
                      <select
                        form="import-form"
                        name={`fix.${c.line}`}
                        defaultValue={String(c.id)}
                        onChange={() => setStaleFor(state)}
                        className="rounded border border-slate-400 px-1 py-0.5"
                      >
                        <option value={String(c.id)}>{c.name}</option>
                        <option value="">{t("fixNone")}</option>
                      </select>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          {state.issues && state.issues.length > 0 && (
            <div>
              <table className={stacked.table}>
                <caption className={stacked.caption}>{t("issuesCaption")}</caption>
                <thead className={stacked.thead}>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("colLine")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colKind")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colColumn")}</th>
                    <th scope="col" className="py-1">{t("colMessage")}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.issues.map((issue, i) => (
                    <tr key={`${issue.line}-${i}`} className={`${stacked.tr} ${issue.severity === "error" ? "bg-red-50" : "bg-amber-50"}`} data-line={issue.line}>
                      <td className={`${stacked.td} tabular-nums`} data-label={t("colLine")}>{issue.line}</td>
                      <td className={stacked.td} data-label={t("colKind")}>{issue.severity === "error" ? t("error") : t("warning")}</td>
                      <td className={stacked.td} data-label={t("colColumn")}>{issue.column ? (labelOf.get(issue.column) ?? issue.column) : "—"}</td>
                      <td className={stacked.td} data-label={t("colMessage")}>
                        <span className="flex flex-col gap-1">
                          <span>{issue.message}</span>
                          {issue.suggestions && issue.suggestions.length > 0 && (
                            <label className="flex flex-wrap items-center gap-2">
                              <span className="font-medium">{t("fixLabel")}</span>
                              <select form="import-form" name={`fix.${issue.line}`} defaultValue="" onChange={() => setStaleFor(state)} className="rounded border border-slate-400 px-1 py-0.5">
                                <option value="">{t("fixNone")}</option>
                                {issue.suggestions.map((sgg) => (
                                  <option key={sgg.id} value={sgg.id}>
                                    {sgg.name}
                                  </option>
                                ))}
                              </select>
                            </label>
                          )}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {state.issuesOmitted ? <p className="text-sm">{t("omitted", { count: state.issuesOmitted })}</p> : null}
            </div>
          )}
          {state.rows?.some((r) => r.published && r.status === "update") && (
            <p role="note" className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
              {t("publishedNote")}
            </p>
          )}
          {state.rows && state.rows.length > 0 && (
            <div>
              <table className={stacked.table}>
                <caption className={stacked.caption}>{t("rowsCaption")}</caption>
                <thead className={stacked.thead}>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("colLine")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colAction")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colEntity")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colYear")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("colScore")}</th>
                    <th scope="col" className="py-1">{t("colChanges")}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.rows.map((row) => (
                    <tr key={row.line} className={`${stacked.tr} ${STATUS_STYLE[row.status]}`} data-line={row.line} data-status={row.status}>
                      <td className={`${stacked.td} tabular-nums`} data-label={t("colLine")}>{row.line}</td>
                      <td className={stacked.td} data-label={t("colAction")}>
                        <span>
                          {t(`status.${row.status}`)}
                          {row.published && (
                            <span className="ml-1 rounded bg-sky-100 px-1 text-xs font-medium text-sky-900" data-published="true">
                              {t("published")}
                            </span>
                          )}
                          {row.review ? ` · ${t("statusReview")}` : ""}
                        </span>
                      </td>
                      <td className={stacked.td} data-label={t("colEntity")}>{row.entity}</td>
                      <td className={stacked.td} data-label={t("colYear")}>{row.year}</td>
                      <td className={`${stacked.td} tabular-nums sm:text-right`} data-label={t("colScore")}>
                        {row.score === null ? "—" : new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(row.score / 100)}
                      </td>
                      <td className={stacked.td} data-label={t("colChanges")}>
                        {row.changes && row.changes.length > 0 ? (
                          <ul className="space-y-0.5">
                            {row.changes.map((c) => (
                              <li key={c.field} data-field={c.field}>
                                <span className="font-medium">{c.label}:</span> <span className="break-all">{c.before}</span> → <span className="break-all font-medium">{c.after}</span>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          "—"
                        )}
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
