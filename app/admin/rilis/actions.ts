"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { parseJakartaLocal } from "@/lib/domain/jakarta-time";
import { parseId } from "@/lib/domain/numbers";
import { approveRelease, createRelease, returnRelease } from "@/lib/ledger/releases";
import { withdrawRelease } from "@/lib/ledger/release-withdraw";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** The selection the form was made from, kept in the address after an error. */
function selection(form: FormData): string {
  const params = new URLSearchParams();
  for (const name of ["tahun", "jenis", "provinsi"]) if (text(form, name)) params.set(name, text(form, name));
  return params.toString();
}

const failed = (path: string, message: string, keep = "") => redirect(`${path}?${keep ? `${keep}&` : ""}galat=1&pesan=${encodeURIComponent(message)}`);

/** "when" is "now" or a WIB date and time from a datetime-local field. */
function when(form: FormData): { mode: "now" | "schedule" | "submit"; at: Date | null; bad: boolean } {
  const mode = text(form, "mode");
  if (mode === "schedule") {
    const at = parseJakartaLocal(text(form, "waktu"));
    return { mode, at, bad: at === null };
  }
  return { mode: mode === "now" ? "now" : "submit", at: null, bad: false };
}

/** Create a release from the results ticked on /admin/rilis: submit it, or (admin) publish or schedule it. */
export async function createReleaseAction(form: FormData): Promise<void> {
  const resultIds = form.getAll("hasil").map((v) => parseId(v)).filter((id): id is number => id !== null);
  const { mode, at, bad } = when(form);
  if (bad) failed("/admin/rilis", "Isi tanggal dan jam terbit (WIB) dengan lengkap, misalnya 10-12-2026 10.00.", selection(form));
  const outcome = await createRelease(await currentActor(), { name: text(form, "nama"), resultIds, mode, at });
  if (!outcome.ok) failed("/admin/rilis", outcome.message, selection(form));
  else {
    if (outcome.value.status === "PUBLISHED") afterWrite();
    redirect(`/admin/rilis/${outcome.value.id}?selesai=${outcome.value.status}`);
  }
}

/** Approve a submitted release: publish now or schedule (admins). */
export async function approveReleaseAction(form: FormData): Promise<void> {
  const id = parseId(form.get("id")) ?? 0;
  const { mode, at, bad } = when(form);
  if (bad) failed(`/admin/rilis/${id}`, "Isi tanggal dan jam terbit (WIB) dengan lengkap, misalnya 10-12-2026 10.00.");
  const outcome = await approveRelease(await currentActor(), id, mode === "schedule" ? at : null);
  if (!outcome.ok) failed(`/admin/rilis/${id}`, outcome.message);
  else {
    if (outcome.value.status === "PUBLISHED") afterWrite();
    redirect(`/admin/rilis/${id}?selesai=${outcome.value.status}`);
  }
}

/** Return a submitted (or scheduled) release to its submitter with a note (admins). */
export async function returnReleaseAction(form: FormData): Promise<void> {
  const id = parseId(form.get("id")) ?? 0;
  const outcome = await returnRelease(await currentActor(), id, text(form, "catatan"));
  if (!outcome.ok) failed(`/admin/rilis/${id}`, outcome.message);
  redirect(`/admin/rilis/${id}?selesai=RETURNED`);
}

/** Withdraw a published release as one action (admins), after its confirmation step. */
export async function withdrawReleaseAction(form: FormData): Promise<void> {
  const id = parseId(form.get("id")) ?? 0;
  const outcome = await withdrawRelease(await currentActor(), id);
  if (!outcome.ok) failed(`/admin/rilis/${id}`, outcome.message);
  afterWrite();
  redirect(`/admin/rilis/${id}?selesai=WITHDRAWN`);
}
