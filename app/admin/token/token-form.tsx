"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTokenAction, type TokenState } from "./actions";

export function TokenForm({ users }: { users: { id: string; email: string }[] }) {
  const t = useTranslations("admin.tokens");
  const [state, action, pending] = useActionState<TokenState, FormData>(createTokenAction, {});
  const input = "rounded border border-slate-400 px-2 py-1";
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 text-sm">
      {state.error && <p role="alert" className="w-full rounded border border-red-300 bg-red-50 p-3 text-red-800">{state.error}</p>}
      {state.token && (
        <p role="status" className="w-full rounded border border-green-300 bg-green-50 p-3">
          {t("shownOnce")} <code className="break-all font-mono">{state.token}</code>
        </p>
      )}
      <label className="flex flex-col">{t("name")}<input name="name" required className={input} /></label>
      <label className="flex flex-col">{t("user")}
        <select name="userId" className={input}>
          {users.map((u) => <option key={u.id} value={u.id}>{u.email}</option>)}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60">{t("create")}</button>
    </form>
  );
}
