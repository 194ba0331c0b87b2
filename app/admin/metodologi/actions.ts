"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { parseYear } from "@/lib/domain/numbers";
import { updateMethodology } from "@/lib/ledger/methodology";

export interface MethodologyFormState {
  message?: string;
  /** Keyed by the form's own rows: "bands", "bands.2.min", "dimensions", "dimensions.0.weight", "name". */
  fieldErrors?: Record<string, string>;
}

/** Rows of parallel form fields; rows left wholly empty are dropped, remembering where each kept row was. */
function rows<K extends string>(formData: FormData, fields: Record<K, string>, significant: readonly NoInfer<K>[]) {
  const columns = Object.fromEntries(Object.entries(fields).map(([key, name]) => [key, formData.getAll(name as string).map(String)])) as Record<K, string[]>;
  const count = Math.max(0, ...Object.values<string[]>(columns).map((c) => c.length));
  const all = Array.from({ length: count }, (_, i) => Object.fromEntries(Object.keys(fields).map((k) => [k, columns[k as K][i] ?? ""])) as Record<K, string>);
  const kept: number[] = [];
  const values = all.filter((row, i) => {
    const keep = significant.some((k) => row[k].trim() !== "");
    if (keep) kept.push(i);
    return keep;
  });
  return { values, kept };
}

/** Save a year's methodology: general fields, bands and dimensions. Errors come back keyed by form row. */
export async function saveMethodologyAction(_prev: MethodologyFormState, formData: FormData): Promise<MethodologyFormState> {
  const year = parseYear(formData.get("year")) ?? 0;
  const bands = rows(formData, { min: "min", max: "max", zone: "zone", category: "category", label: "label" }, ["min", "max", "label"]);
  const dims = rows(
    formData,
    { code: "dimCode", name: "dimName", weight: "dimWeight", verified: "dimVerified", notes: "dimNotes" },
    ["code", "name", "weight"],
  );
  const outcome = await updateMethodology(await currentActor(), year, {
    name: String(formData.get("name") ?? ""),
    opinionName: String(formData.get("opinionName") ?? ""),
    bandsVerified: formData.get("bandsVerified") === "on",
    notes: String(formData.get("notes") ?? ""),
    sources: String(formData.get("sources") ?? ""),
    bands: bands.values,
    dimensions: dims.values.map((d) => ({ ...d, verified: d.verified === "1" })),
  });
  if (!outcome.ok) {
    if (outcome.status !== 422) return { message: outcome.message };
    // Point each error at the row the user sees (empty rows were dropped before validation).
    const fieldErrors: Record<string, string> = {};
    for (const [key, message] of Object.entries(outcome.fieldErrors)) {
      const [list, index, ...rest] = key.split(".");
      const map = list === "bands" ? bands.kept : list === "dimensions" ? dims.kept : null;
      const mapped = map && index !== undefined && /^\d+$/.test(index) ? [list, map[Number(index)] ?? index, ...rest].join(".") : key;
      fieldErrors[mapped] ??= message;
    }
    return { message: outcome.message, fieldErrors };
  }
  afterWrite();
  redirect(`/admin/metodologi?tahun=${year}&disimpan=1`);
}
