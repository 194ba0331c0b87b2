"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction, type PasswordState } from "./actions";

export function PasswordForm() {
  const t = useTranslations("admin.account");
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  const field = (name: string, label: string, autoComplete: string) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} type="password" autoComplete={autoComplete} required className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
    </div>
  );
  return (
    <form action={action} className="max-w-sm space-y-4">
      {state.error && <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{state.error}</p>}
      {state.ok && <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm">{t("done")}</p>}
      {field("currentPassword", t("current"), "current-password")}
      {field("newPassword", t("new"), "new-password")}
      {field("repeatPassword", t("repeat"), "new-password")}
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60">{t("submit")}</button>
    </form>
  );
}
