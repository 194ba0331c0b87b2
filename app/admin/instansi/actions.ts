"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { parseId } from "@/lib/domain/numbers";
import { createEntity, mergeEntities, updateEntity } from "@/lib/ledger/entities";

const fields = (formData: FormData) => ({
  type: formData.get("type"),
  name: formData.get("name"),
  provinceId: formData.get("provinceId"),
  regencyId: formData.get("regencyId"),
});

function done(outcome: { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> }, q: string): never {
  if (!outcome.ok) {
    const detail = outcome.fieldErrors ? Object.values(outcome.fieldErrors).join(" ") : outcome.message;
    redirect(`/admin/instansi?q=${encodeURIComponent(q)}&galat=${encodeURIComponent(detail)}`);
  }
  afterWrite();
  redirect(`/admin/instansi?q=${encodeURIComponent(q)}&disimpan=1`);
}

export async function saveEntityAction(formData: FormData): Promise<void> {
  const id = parseId(formData.get("id")) ?? 0;
  const actor = await currentActor();
  const outcome = id > 0 ? await updateEntity(actor, id, fields(formData)) : await createEntity(actor, fields(formData));
  done(outcome, String(formData.get("name") ?? ""));
}

export async function mergeEntityAction(formData: FormData): Promise<void> {
  // The ids as typed: the merge schema reads them (digits only, lib/ledger/schemas/entity.ts).
  const outcome = await mergeEntities(await currentActor(), formData.get("sourceId"), formData.get("targetId"));
  done(outcome, String(formData.get("q") ?? ""));
}
