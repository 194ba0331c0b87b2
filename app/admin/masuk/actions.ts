"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { lockedUntilOf } from "@/lib/auth/lockout";

export interface SignInState {
  error?: string;
  email?: string;
}

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: "Masukkan alamat email yang valid." }),
  password: z.string().min(1, { error: "Masukkan kata sandi." }),
});

const lockedMessage = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.`;
};

/**
 * Sign in through better-auth, whose hooks count every failure per account and refuse a locked
 * one (lib/auth/lockout.ts). Its errors are recognised with isAPIError: better-auth has several
 * APIError classes, and an `instanceof` check against one of them failed in the production
 * build, turning every wrong password into an HTTP 500.
 */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email };
  try {
    await auth().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const lockedUntil = lockedUntilOf(error);
    return { error: lockedUntil ? lockedMessage(lockedUntil) : "Email atau kata sandi salah.", email };
  }
  redirect("/admin/hasil");
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
  redirect("/admin/masuk");
}
