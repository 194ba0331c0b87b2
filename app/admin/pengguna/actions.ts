"use server";

import { afterWrite } from "@/lib/server/after-write";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { ROLES, type Role } from "@/lib/ledger/access";
import { adminCreateUser, updateUserAccess } from "@/lib/ledger/users";

const roleOf = (v: FormDataEntryValue | null): Role => (ROLES.find((r) => r === v) ?? "EDITOR");
const provincesOf = (formData: FormData) => formData.getAll("provinceIds").map(Number).filter((n) => Number.isInteger(n) && n > 0);

export async function createUserAction(formData: FormData): Promise<void> {
  const outcome = await adminCreateUser(await currentActor(), {
    email: String(formData.get("email") ?? ""),
    name: String(formData.get("name") ?? ""),
    role: roleOf(formData.get("role")),
    provinceIds: provincesOf(formData),
    password: String(formData.get("password") ?? ""),
  });
  if (!outcome.ok) redirect(`/admin/pengguna?galat=${encodeURIComponent(outcome.message)}`);
  afterWrite();
  redirect("/admin/pengguna?dibuat=1");
}

export async function updateUserAction(formData: FormData): Promise<void> {
  const outcome = await updateUserAccess(await currentActor(), String(formData.get("userId") ?? ""), {
    role: roleOf(formData.get("role")),
    provinceIds: provincesOf(formData),
    active: formData.get("active") === "on",
  });
  if (!outcome.ok) redirect(`/admin/pengguna?galat=${encodeURIComponent(outcome.message)}`);
  afterWrite();
  redirect("/admin/pengguna?disimpan=1");
}
