"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { parseYear } from "@/lib/domain/numbers";
import { setPublication } from "@/lib/ledger/publish";

/** Publish the drafts and pending revisions of a year, or of one entity type within it (or return its published results to draft). */
export async function publicationAction(formData: FormData): Promise<void> {
  const year = parseYear(formData.get("year")) ?? 0;
  const type = String(formData.get("type") ?? "") || null;
  const publish = formData.get("publish") === "1";
  const outcome = await setPublication(await currentActor(), { year, entityType: type }, publish);
  if (!outcome.ok) redirect(`/admin/publikasi?galat=${outcome.status}&pesan=${encodeURIComponent(outcome.message)}`);
  afterWrite();
  redirect(`/admin/publikasi?jumlah=${outcome.value.count}${publish ? "" : "&arah=tarik"}`);
}
