"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { adminCreateUser, updateUserAccess } from "@/lib/ledger/users";

/** The form's fields as the user schema reads them (lib/ledger/schemas/user.ts). */
const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function createUserAction(formData: FormData): Promise<void> {
  const outcome = await adminCreateUser(await currentActor(), {
    email: text(formData, "email"),
    name: text(formData, "name"),
    role: formData.get("role"),
    provinceIds: formData.getAll("provinceIds"),
    password: text(formData, "password"),
  });
  if (!outcome.ok) redirect(`/admin/pengguna?galat=${encodeURIComponent(outcome.message)}`);
  afterWrite();
  redirect("/admin/pengguna?dibuat=1");
}

export async function updateUserAction(formData: FormData): Promise<void> {
  const outcome = await updateUserAccess(await currentActor(), text(formData, "userId"), {
    role: formData.get("role"),
    provinceIds: formData.getAll("provinceIds"),
    active: formData.get("active"),
  });
  if (!outcome.ok) redirect(`/admin/pengguna?galat=${encodeURIComponent(outcome.message)}`);
  afterWrite();
  redirect("/admin/pengguna?disimpan=1");
}
