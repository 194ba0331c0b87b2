"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "./actions";

export function SignInForm() {
  const t = useTranslations("admin.signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
