"use client";

import { useActionState, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { classifyScore } from "@/lib/domain/classify";
import { normalizeName } from "@/lib/domain/normalize";
import { parseScore } from "@/lib/domain/score";
import { CATEGORIES, ZONES } from "@/lib/domain/types";
import type { EntityOption, MethodologyOption } from "@/lib/ledger/result-reads";
import { categoryMismatch } from "@/lib/domain/disagreement";
import { saveResultAction, type ResultFormState } from "../hasil/actions";
import { submitToAction } from "./submit-to-action";

export interface ResultFormValues {
  entityId: string;
  year: string;
  score: string;
  dimensionScores: Record<string, string>;
  publishedZone: string;
  publishedCategory: string;
  publishedOpinion: string;
  sourceUrl: string;
  notes: string;
}

interface Props {
  id?: number;
  version?: number;
  initial: ResultFormValues;
  entities: EntityOption[];
  methodologies: MethodologyOption[];
}

const inputClass = "mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-600";
const MAX_OPTIONS = 50;

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  );
}

export function ResultForm({ id, version, initial, entities, methodologies }: Props) {
  const t = useTranslations("admin.form");
  const tType = useTranslations("entityType");
  const [state, action, pending] = useActionState<ResultFormState, FormData>(saveResultAction, {});
  const [values, setValues] = useState(initial);
  const [search, setSearch] = useState("");
  // A field's error goes as soon as the field is edited: it was about the value sent, not this one.
  const [edited, setEdited] = useState<{ of: ResultFormState; fields: string[] }>({ of: state, fields: [] });
  const editedNow = edited.of === state ? edited.fields : [];
  const errors = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([field]) => !editedNow.includes(field)));
  const set = (field: keyof ResultFormValues) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setEdited((c) => ({ of: state, fields: [...(c.of === state ? c.fields : []), field] }));
  };

  const chosen = entities.find((e) => String(e.id) === values.entityId) ?? null;
  const matches = useMemo(() => {
    const q = normalizeName(search);
    const found = q ? entities.filter((e) => normalizeName(`${e.name} ${e.province ?? ""}`).includes(q)) : entities;
    return found.slice(0, MAX_OPTIONS);
  }, [entities, search]);
  const options = chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;

  const methodology = methodologies.find((m) => String(m.year) === values.year) ?? null;
  const parsed = parseScore(values.score);
  const computed = parsed.ok && methodology ? classifyScore(parsed.hundredths, methodology) : null;
  // The schema's own rule: the server refuses the same disagreement until it is confirmed.
  const mismatch = parsed.ok
    ? categoryMismatch(
        {
          score: parsed.hundredths,
          publishedZone: ZONES.find((z) => z === values.publishedZone) ?? null,
          publishedCategory: CATEGORIES.find((c) => c === values.publishedCategory) ?? null,
        },
        methodology,
      )
    : null;

  const describedBy = (field: string, hint?: string) =>
    [hint, errors[field] ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <form
      onSubmit={submitToAction(action)}
      className="max-w-3xl space-y-5"
      noValidate
    >
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {state.message && (
        <div role="alert" className={`rounded border p-3 text-sm ${state.status === 409 ? "border-amber-400 bg-amber-50 text-amber-900" : "border-red-300 bg-red-50 text-red-800"}`}>
          <p>{state.message}</p>
          {state.conflictVersion !== undefined && id !== undefined && (
            <a href={`/admin/hasil/${id}`} className="mt-2 inline-block font-medium underline">
              {t("reload")}
            </a>
          )}
        </div>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("entity")}</legend>
        <label htmlFor="entity-search" className="sr-only">
          {t("entitySearch")}
        </label>
        <input id="entity-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)}
          placeholder={t("entitySearch")} className={inputClass} autoComplete="off" />
        <label htmlFor="entityId" className="sr-only">
          {t("entity")}
        </label>
        <select id="entityId" name="entityId" size={8} value={values.entityId} onChange={set("entityId")}
          aria-invalid={errors.entityId ? true : undefined} aria-describedby={describedBy("entityId", "entity-chosen")}
          className={`${inputClass} font-normal`}>
          {options.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} · {tType(e.type as never)}{e.province ? ` · ${e.province}` : ""}
            </option>
          ))}
        </select>
        <p id="entity-chosen" className="text-sm text-slate-700">
          {chosen ? t("entityChosen", { name: chosen.name }) : t("entityNone")} ·{" "}
          {t("entityMatches", { count: matches.length })}
        </p>
        <FieldError id="entityId" message={errors.entityId} />
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor="year" className="block text-sm font-medium">{t("year")}</label>
          <select id="year" name="year" value={values.year} onChange={set("year")} className={inputClass}
            aria-invalid={errors.year ? true : undefined} aria-describedby={describedBy("year")}>
            <option value="">{t("none")}</option>
            {methodologies.map((m) => (
              <option key={m.year} value={m.year}>{m.year}</option>
            ))}
          </select>
          <FieldError id="year" message={errors.year} />
        </div>
        <div>
          <label htmlFor="score" className="block text-sm font-medium">{t("score")}</label>
          <input id="score" name="score" inputMode="decimal" value={values.score} onChange={set("score")} className={inputClass}
            aria-invalid={errors.score ? true : undefined} aria-describedby={describedBy("score", "score-hint")} />
          <p id="score-hint" className="mt-1 text-xs text-slate-600">{t("scoreHint")}</p>
          <FieldError id="score" message={errors.score} />
        </div>
      </div>

      <section aria-live="polite" className="rounded border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="computed">
        <h2 className="font-medium">{t("computedTitle", { year: values.year || "—" })}</h2>
        {!methodology ? (
          <p>{values.year ? t("computedNoMethodology", { year: values.year }) : t("computedNone")}</p>
        ) : computed ? (
          <p>
            <strong>{computed.label}</strong> ({computed.zone}
            {computed.category ? `, ${computed.category}` : ""})
            {!computed.verified && <> · {t("computedUnverified")}</>}
          </p>
        ) : (
          <p>{t("computedNone")}</p>
        )}
      </section>

      {methodology && (
        <fieldset>
          <legend className="text-sm font-medium">{t("dimensions")}</legend>
          {methodology.dimensions.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noDimensions")}</p>
          ) : (
            <div className="mt-1 grid gap-3 sm:grid-cols-4">
              {methodology.dimensions.map((d) => {
                const key = `dimensionScores.${d.code}`;
                return (
                  <div key={d.code}>
                    <label htmlFor={`dim_${d.code}`} className="block text-xs">{d.name}</label>
                    <input id={`dim_${d.code}`} name={`dim_${d.code}`} inputMode="decimal" className={inputClass}
                      value={values.dimensionScores[d.code] ?? ""}
                      onChange={(e) => {
                        setValues((v) => ({ ...v, dimensionScores: { ...v.dimensionScores, [d.code]: e.target.value } }));
                        setEdited((c) => ({ of: state, fields: [...(c.of === state ? c.fields : []), key] }));
                      }}
                      aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `${key}-error` : undefined} />
                    <FieldError id={key} message={errors[key]} />
                  </div>
                );
              })}
            </div>
          )}
        </fieldset>
      )}

      <div className="grid gap-5 sm:grid-cols-3">
        <div>
          <label htmlFor="publishedZone" className="block text-sm font-medium">{t("publishedZone")}</label>
          <select id="publishedZone" name="publishedZone" value={values.publishedZone} onChange={set("publishedZone")} className={inputClass}
            aria-invalid={errors.publishedZone ? true : undefined} aria-describedby={describedBy("publishedZone")}>
            <option value="">{t("none")}</option>
            {ZONES.map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
          <FieldError id="publishedZone" message={errors.publishedZone} />
        </div>
        <div>
          <label htmlFor="publishedCategory" className="block text-sm font-medium">{t("publishedCategory")}</label>
          <select id="publishedCategory" name="publishedCategory" value={values.publishedCategory} onChange={set("publishedCategory")} className={inputClass}
            aria-invalid={errors.publishedCategory ? true : undefined} aria-describedby={describedBy("publishedCategory")}>
            <option value="">{t("none")}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <FieldError id="publishedCategory" message={errors.publishedCategory} />
        </div>
        <div>
          <label htmlFor="publishedOpinion" className="block text-sm font-medium">{t("publishedOpinion")}</label>
          <input id="publishedOpinion" name="publishedOpinion" value={values.publishedOpinion} onChange={set("publishedOpinion")} className={inputClass}
            aria-invalid={errors.publishedOpinion ? true : undefined} aria-describedby={describedBy("publishedOpinion")} />
          <FieldError id="publishedOpinion" message={errors.publishedOpinion} />
        </div>
      </div>

      {mismatch && (
        <div role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900" data-testid="mismatch">
          <p>
            {t("mismatch", {
              published: [values.publishedZone, values.publishedCategory].filter(Boolean).join(", "),
              computed: [mismatch.computed.zone, mismatch.computed.category].filter(Boolean).join(", "),
            })}
          </p>
          <label className="mt-2 flex items-start gap-2">
            <input type="checkbox" name="confirmCategoryMismatch" value="on" className="mt-1" />
            <span>{t("confirmMismatch")}</span>
          </label>
        </div>
      )}

      <div>
        <label htmlFor="sourceUrl" className="block text-sm font-medium">{t("sourceUrl")}</label>
        <input id="sourceUrl" name="sourceUrl" type="url" value={values.sourceUrl} onChange={set("sourceUrl")} className={inputClass}
          aria-invalid={errors.sourceUrl ? true : undefined} aria-describedby={describedBy("sourceUrl")} />
        <FieldError id="sourceUrl" message={errors.sourceUrl} />
      </div>
      <div>
        <label htmlFor="notes" className="block text-sm font-medium">{t("notes")}</label>
        <textarea id="notes" name="notes" rows={3} value={values.notes} onChange={set("notes")} className={inputClass}
          aria-invalid={errors.notes ? true : undefined} aria-describedby={describedBy("notes")} />
        <FieldError id="notes" message={errors.notes} />
      </div>

      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? t("pending") : id === undefined ? t("submitCreate") : t("submitEdit")}
      </button>
    </form>
  );
}
