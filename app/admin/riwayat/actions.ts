"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { parseId } from "@/lib/domain/numbers";
import { revertChange } from "@/lib/ledger/revert";

/** Revert one audited change; the outcome travels back in the URL (?dibatalkan=ID or ?galat=STATUS). */
export async function revertAction(formData: FormData): Promise<void> {
  const id = parseId(formData.get("auditId")) ?? 0;
  const outcome = await revertChange(await currentActor(), id);
  if (!outcome.ok) redirect(`/admin/riwayat?galat=${outcome.status}&pesan=${encodeURIComponent(outcome.message)}`);
  afterWrite();
  redirect(`/admin/riwayat?dibatalkan=${id}`);
}
