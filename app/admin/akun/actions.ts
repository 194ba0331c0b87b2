"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/actor";
import { passwordProblem } from "@/lib/data/admin-users";

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
  try {
    await auth().api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) return { error: "Kata sandi sekarang salah." };
    throw error;
  }
  return { ok: true };
}
