"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { clearFailedSignIns, recordFailedSignIn, signInLockedUntil } from "@/lib/ledger/sign-in-throttle";

export interface SignInState {
  error?: string;
  email?: string;
}

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: "Masukkan alamat email yang valid." }),
  password: z.string().min(1, { error: "Masukkan kata sandi." }),
});

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email };
  const lockedUntil = await signInLockedUntil(parsed.data.email);
  if (lockedUntil) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
    return { error: `Terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.`, email };
  }
  try {
    await auth().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    await recordFailedSignIn(parsed.data.email);
    return { error: "Email atau kata sandi salah.", email };
  }
  await clearFailedSignIns(parsed.data.email);
  redirect("/admin/hasil");
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
  redirect("/admin/masuk");
}
