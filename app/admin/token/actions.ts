"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { createApiToken, revokeApiToken } from "@/lib/ledger/tokens";

export interface TokenState {
  token?: string;
  error?: string;
}

/** Create a token; its value is returned once, to show once (only its hash is stored). */
export async function createTokenAction(_prev: TokenState, formData: FormData): Promise<TokenState> {
  const outcome = await createApiToken(await currentActor(), formData.get("userId"), formData.get("name"));
  if (!outcome.ok) return { error: outcome.message };
  afterWrite();
  return { token: outcome.value.token };
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const outcome = await revokeApiToken(await currentActor(), formData.get("id"));
  if (!outcome.ok) redirect(`/admin/token?galat=${encodeURIComponent(outcome.message)}`);
  afterWrite();
  redirect("/admin/token");
}
