"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { parseId } from "@/lib/domain/numbers";
import { setResultPublication } from "@/lib/ledger/publish";
import { createResult, deleteResult, restoreResult, updateResult } from "@/lib/ledger/results";
import type { WriteFailure } from "@/lib/ledger/outcome";

export interface ResultFormState {
  status?: number;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The result changed since the form was opened: its current version. */
  conflictVersion?: number;
}

/** The form's fields as the shared schema reads them (dimension scores arrive as dim_<code>). */
function rawFromForm(formData: FormData): Record<string, unknown> {
  const dimensionScores: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("dim_") && typeof value === "string") dimensionScores[key.slice(4)] = value;
  }
  return {
    entityId: formData.get("entityId"),
    year: formData.get("year"),
    score: formData.get("score"),
    dimensionScores,
    publishedZone: formData.get("publishedZone"),
    publishedCategory: formData.get("publishedCategory"),
    publishedOpinion: formData.get("publishedOpinion"),
    sourceUrl: formData.get("sourceUrl"),
    notes: formData.get("notes"),
    confirmCategoryMismatch: formData.get("confirmCategoryMismatch"),
  };
}

function failureState(failure: WriteFailure): ResultFormState {
  return {
    status: failure.status,
    message: failure.message,
    fieldErrors: failure.status === 422 ? failure.fieldErrors : failure.status === 409 && failure.error === "duplicate" ? { year: failure.message } : undefined,
    conflictVersion: failure.status === 409 && failure.error === "stale" ? failure.currentVersion : undefined,
  };
}

const versionOf = (formData: FormData): number | null => parseId(formData.get("version"));

export async function saveResultAction(_prev: ResultFormState, formData: FormData): Promise<ResultFormState> {
  const actor = await currentActor();
  const id = parseId(formData.get("id")) ?? 0;
  const editing = id > 0;
  const outcome = editing
    ? // The form always sends the version it was opened at: a change made since is a conflict.
      await updateResult(actor, id, rawFromForm(formData), versionOf(formData) ?? 0)
    : await createResult(actor, rawFromForm(formData));
  if (!outcome.ok) return failureState(outcome);
  afterWrite();
  redirect(`/admin/hasil/${outcome.value.id}?disimpan=1`);
}

/** Row actions (delete, restore, publish one) answer by redirect; a failure travels as ?galat=STATUS. */
function back(id: number, failure?: WriteFailure): never {
  redirect(failure ? `/admin/hasil/${id}?galat=${failure.status}` : `/admin/hasil/${id}`);
}

export async function deleteResultAction(formData: FormData): Promise<void> {
  const id = parseId(formData.get("id")) ?? 0;
  const outcome = await deleteResult(await currentActor(), id, versionOf(formData) ?? 0);
  if (outcome.ok) afterWrite();
  back(id, outcome.ok ? undefined : outcome);
}

export async function restoreResultAction(formData: FormData): Promise<void> {
  const id = parseId(formData.get("id")) ?? 0;
  const outcome = await restoreResult(await currentActor(), id);
  if (outcome.ok) afterWrite();
  back(id, outcome.ok ? undefined : outcome);
}

export async function publishResultAction(formData: FormData): Promise<void> {
  const id = parseId(formData.get("id")) ?? 0;
  const outcome = await setResultPublication(await currentActor(), id, formData.get("publish") === "1");
  if (outcome.ok) afterWrite();
  back(id, outcome.ok ? undefined : outcome);
}
