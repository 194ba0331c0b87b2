"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { parseId } from "@/lib/domain/numbers";
import { revertChange } from "@/lib/ledger/revert";
import { historyFilter, historyQuery } from "./filters";

/**
 * Revert one audited change, from its confirmation page (/admin/riwayat/batalkan/ID); the outcome
 * travels back in the URL (?dibatalkan=ID or ?galat=STATUS), with the history's filters kept.
 */
export async function revertAction(formData: FormData): Promise<void> {
  const id = parseId(formData.get("auditId")) ?? 0;
  const kept = historyQuery(historyFilter(new URLSearchParams(String(formData.get("kembali") ?? ""))));
  const back = (outcome: string) => `/admin/riwayat?${kept ? `${kept}&` : ""}${outcome}`;
  const outcome = await revertChange(await currentActor(), id);
  if (!outcome.ok) redirect(back(`galat=${outcome.status}&pesan=${encodeURIComponent(outcome.message)}`));
  afterWrite();
  redirect(back(`dibatalkan=${id}`));
}
