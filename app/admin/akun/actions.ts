"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/actor";
import { lockedUntilOf } from "@/lib/auth/lockout";
import { passwordProblem } from "@/lib/ledger/schemas/user";
import { endOtherSessions } from "@/lib/ledger/users";

export interface PasswordState {
  ok?: boolean;
  error?: string;
}

/** Change one's own password (better-auth checks the current one); other sessions end. */
export async function changePasswordAction(_prev: PasswordState, formData: FormData): Promise<PasswordState> {
  if (!(await currentActor())) return { error: "Masuk terlebih dahulu." };
  const currentPassword = String(formData.get("currentPassword") ?? "");
  const newPassword = String(formData.get("newPassword") ?? "");
  if (newPassword !== String(formData.get("repeatPassword") ?? "")) return { error: "Kedua kata sandi baru tidak sama." };
  const problem = passwordProblem(newPassword);
  if (problem) return { error: problem };
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return { error: "Masuk terlebih dahulu." };
  try {
    // Not better-auth's revokeOtherSessions: it replaces the current session too, and the page
    // re-rendered after this action still sends the old cookie, so it would look signed out.
    await auth().api.changePassword({ body: { currentPassword, newPassword }, headers: requestHeaders });
  } catch (error) {
    // isAPIError, not instanceof: better-auth has several APIError classes (see ../masuk/actions.ts).
    if (!isAPIError(error)) throw error;
    const lockedUntil = lockedUntilOf(error);
    if (lockedUntil) {
      const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
      return { error: `Terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.` };
    }
    return { error: "Kata sandi sekarang salah." };
  }
  await endOtherSessions(session.user.id, session.session.id);
  return { ok: true };
}
