"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { hundredthsToDecimalString, parseScore } from "@/lib/domain/score";
import { CATEGORIES, ZONES } from "@/lib/domain/types";
import type { MethodologySnapshot } from "@/lib/ledger/methodology";
import { submitToAction } from "../_components/submit-to-action";
import { saveMethodologyAction, type MethodologyFormState } from "./actions";

const input = "rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-600";
const errorText = "mt-1 text-sm font-medium text-red-700";

interface BandRow { key: number; min: string; max: string; zone: string; category: string; label: string }
interface DimensionRow { key: number; code: string; name: string; weight: string; verified: boolean; notes: string; existing: boolean }

const emptyBand = (key: number): BandRow => ({ key, min: "", max: "", zone: "", category: "", label: "" });

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className={errorText}>{message}</p> : null;
}

/** A year's methodology: general fields, score bands and dimensions, checked on the server on save. */
export function MethodologyForm({ year, snap }: { year: number; snap: MethodologySnapshot }) {
  const t = useTranslations("adminMethodology");
  const [state, action, pending] = useActionState<MethodologyFormState, FormData>(saveMethodologyAction, {});
  const nextKey = useRef(1000);
  const [bands, setBands] = useState<BandRow[]>(() => [
    ...snap.bands.map((b, i) => ({ key: i, min: hundredthsToDecimalString(b.min), max: hundredthsToDecimalString(b.max), zone: b.zone, category: b.category ?? "", label: b.label })),
    emptyBand(snap.bands.length),
  ]);
  const [dims, setDims] = useState<DimensionRow[]>(() =>
    (snap.dimensions ?? []).map((d, i) => ({
      key: i,
      code: d.code,
      name: d.name,
      weight: d.weight === null ? "" : hundredthsToDecimalString(d.weight),
      verified: d.verified,
      notes: d.notes,
      existing: true,
    })),
  );
  const errors = state.fieldErrors ?? {};
  const err = (key: string) => errors[key];
  const invalid = (key: string) => (errors[key] ? true : undefined);
  const described = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;

  const setBand = (key: number, field: keyof BandRow) => (e: { target: { value: string } }) =>
    setBands((rows) => rows.map((r) => (r.key === key ? { ...r, [field]: e.target.value } : r)));
  const setDim = (key: number, patch: Partial<DimensionRow>) => setDims((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const weights = dims.map((d) => parseScore(d.weight)).filter((p) => p.ok).map((p) => (p.ok ? p.hundredths : 0));
  const total = weights.reduce((a, b) => a + b, 0);

  return (
    <form
      onSubmit={submitToAction(action)}
      className="max-w-5xl space-y-5 text-sm"
      noValidate
    >
      {state.message && <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">{state.message}</p>}
      <input type="hidden" name="year" value={year} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col">
          <label htmlFor="m-name">{t("name")}</label>
          <input id="m-name" name="name" defaultValue={snap.name} aria-invalid={invalid("name")} aria-describedby={described(!!err("name") && "name-error")} className={input} />
          <FieldError id="name-error" message={err("name")} />
        </div>
        <div className="flex flex-col">
          <label htmlFor="m-opinion">{t("opinionName")}</label>
          <input id="m-opinion" name="opinionName" defaultValue={snap.opinionName ?? ""} className={input} />
        </div>
      </div>
      <label className="flex items-center gap-2"><input type="checkbox" name="bandsVerified" defaultChecked={snap.bandsVerified} /> {t("bandsVerified")}</label>

      <fieldset className="rounded border border-slate-300 p-3" aria-describedby={described("bands-hint", !!err("bands") && "bands-error")}>
        <legend className="px-1 font-semibold">{t("bands")}</legend>
        <p id="bands-hint" className="mb-2 text-slate-700">{t("bandsHint")}</p>
        <table className="w-full border-collapse">
          <thead><tr className="text-left [&>th]:pr-2"><th>{t("min")}</th><th>{t("max")}</th><th>{t("zone")}</th><th>{t("category")}</th><th>{t("label")}</th><th><span className="sr-only">{t("removeBand", { row: "" })}</span></th></tr></thead>
          <tbody>
            {bands.map((b, i) => {
              // A band error marks the filled rows (the empty ones are ignored on save).
              const filled = b.min.trim() !== "" || b.max.trim() !== "" || b.label.trim() !== "";
              const cell = (field: "min" | "max" | "label") => {
                const key = `bands.${i}.${field}`;
                return (
                  <>
                    <input name={field} value={b[field]} onChange={setBand(b.key, field)} aria-label={t("cell", { column: t(field), row: i + 1 })}
                      aria-invalid={invalid(key) ?? (err("bands") && filled ? true : undefined)} aria-describedby={described(!!err(key) && `${key}-error`, !!err("bands") && "bands-error")}
                      className={`${input} ${field === "label" ? "w-full" : "w-24"}`} inputMode={field === "label" ? undefined : "decimal"} />
                    <FieldError id={`${key}-error`} message={err(key)} />
                  </>
                );
              };
              return (
                <tr key={b.key} className="align-top">
                  <td className="py-1 pr-2">{cell("min")}</td>
                  <td className="py-1 pr-2">{cell("max")}</td>
                  <td className="py-1 pr-2">
                    <select name="zone" value={b.zone} onChange={setBand(b.key, "zone")} aria-label={t("cell", { column: t("zone"), row: i + 1 })} aria-invalid={invalid(`bands.${i}.zone`)} className={input}>
                      <option value="">{t("none")}</option>{ZONES.map((z) => <option key={z}>{z}</option>)}
                    </select>
                    <FieldError id={`bands.${i}.zone-error`} message={err(`bands.${i}.zone`)} />
                  </td>
                  <td className="py-1 pr-2">
                    <select name="category" value={b.category} onChange={setBand(b.key, "category")} aria-label={t("cell", { column: t("category"), row: i + 1 })} className={input}>
                      <option value="">{t("none")}</option>{CATEGORIES.map((c) => <option key={c}>{c}</option>)}
                    </select>
                  </td>
                  <td className="w-full py-1 pr-2">{cell("label")}</td>
                  <td className="py-1">
                    <button type="button" onClick={() => setBands((rows) => rows.filter((r) => r.key !== b.key))} aria-label={t("removeBand", { row: i + 1 })}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">×</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <FieldError id="bands-error" message={err("bands")} />
        <button type="button" onClick={() => setBands((rows) => [...rows, emptyBand(nextKey.current++)])} className="mt-2 rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("addBand")}</button>
      </fieldset>

      <fieldset className="rounded border border-slate-300 p-3" aria-describedby={described("dimensions-hint", !!err("dimensions") && "dimensions-error")}>
        <legend className="px-1 font-semibold">{t("dimensions")}</legend>
        <p id="dimensions-hint" className="mb-2 text-slate-700">{t("dimensionsHint")}</p>
        {dims.length === 0 ? <p className="mb-2">{t("noDimensions")}</p> : (
          <table className="w-full border-collapse">
            <thead><tr className="text-left [&>th]:pr-2"><th>{t("code")}</th><th>{t("dimensionName")}</th><th>{t("weight")}</th><th>{t("verified")}</th><th><span className="sr-only">{t("removeDimension", { row: "" })}</span></th></tr></thead>
            <tbody>
              {dims.map((d, i) => {
                const key = (f: string) => `dimensions.${i}.${f}`;
                return (
                  <tr key={d.key} className="align-top">
                    <td className="py-1 pr-2">
                      <input name="dimCode" value={d.code} readOnly={d.existing} onChange={(e) => setDim(d.key, { code: e.target.value })}
                        aria-label={t("dimensionCell", { column: t("code"), row: i + 1 })} aria-invalid={invalid(key("code"))} aria-describedby={described(!!err(key("code")) && `${key("code")}-error`)}
                        className={`${input} w-32 read-only:bg-slate-100`} />
                      <FieldError id={`${key("code")}-error`} message={err(key("code"))} />
                    </td>
                    <td className="w-full py-1 pr-2">
                      <input name="dimName" value={d.name} onChange={(e) => setDim(d.key, { name: e.target.value })}
                        aria-label={t("dimensionCell", { column: t("dimensionName"), row: i + 1 })} aria-invalid={invalid(key("name"))} aria-describedby={described(!!err(key("name")) && `${key("name")}-error`)}
                        className={`${input} w-full`} />
                      <FieldError id={`${key("name")}-error`} message={err(key("name"))} />
                    </td>
                    <td className="py-1 pr-2">
                      <input name="dimWeight" value={d.weight} onChange={(e) => setDim(d.key, { weight: e.target.value })} inputMode="decimal"
                        aria-label={t("dimensionCell", { column: t("weight"), row: i + 1 })} aria-invalid={invalid(key("weight")) ?? (err("dimensions") ? true : undefined)}
                        aria-describedby={described(!!err(key("weight")) && `${key("weight")}-error`, !!err("dimensions") && "dimensions-error")}
                        className={`${input} w-24`} />
                      <FieldError id={`${key("weight")}-error`} message={err(key("weight"))} />
                    </td>
                    <td className="py-1 pr-2 text-center">
                      <input type="hidden" name="dimVerified" value={d.verified ? "1" : ""} />
                      <input type="hidden" name="dimNotes" value={d.notes} />
                      <input type="checkbox" checked={d.verified} onChange={(e) => setDim(d.key, { verified: e.target.checked })} aria-label={t("dimensionCell", { column: t("verified"), row: i + 1 })} />
                    </td>
                    <td className="py-1">
                      <button type="button" onClick={() => setDims((rows) => rows.filter((r) => r.key !== d.key))} aria-label={t("removeDimension", { row: i + 1 })}
                        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">×</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="mt-1 text-slate-700" data-testid="weight-total">{t("total", { total: (total / 100).toFixed(2).replace(".", ",") })}</p>
        <FieldError id="dimensions-error" message={err("dimensions")} />
        <button type="button" onClick={() => setDims((rows) => [...rows, { key: nextKey.current++, code: "", name: "", weight: "", verified: false, notes: "", existing: false }])}
          className="mt-2 rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("addDimension")}</button>
      </fieldset>

      <div className="flex flex-col">
        <label htmlFor="m-notes">{t("notes")}</label>
        <textarea id="m-notes" name="notes" defaultValue={snap.notes} rows={3} className={input} />
      </div>
      <div className="flex flex-col">
        <label htmlFor="m-sources">{t("sources")}</label>
        <textarea id="m-sources" name="sources" defaultValue={snap.sources} rows={3} className={input} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
