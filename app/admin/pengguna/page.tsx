import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { listUsers } from "@/lib/ledger/users";
import { listProvinces } from "@/lib/ledger/entities";
import { createUserAction, updateUserAction } from "./actions";
import { stacked } from "../_components/stacked-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

const input = "rounded border border-slate-400 px-2 py-1";

function ProvinceSelect({ provinces, selected, id }: { provinces: { id: number; name: string }[]; selected: number[]; id: string }) {
  return (
    <select id={id} name="provinceIds" multiple size={5} defaultValue={selected.map(String)} className={`${input} min-w-56`}>
      {provinces.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
    </select>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor({ admin: true });
  const t = await getTranslations("admin");
  const params = await searchParams;
  const [users, provinces] = await Promise.all([listUsers(), listProvinces()]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("users.title")}</h1>
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{String(params.galat)}</p>}
      {(params.dibuat || params.disimpan) && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{params.dibuat ? t("users.created") : t("users.saved")}</p>}
      <table className={`mb-8 ${stacked.table}`}>
        <thead className={stacked.thead}>
          <tr className="border-b border-slate-300 text-left">
            <th className="py-2 pr-3">{t("users.email")}</th>
            <th className="py-2 pr-3">{t("users.role")}</th>
            <th className="py-2 pr-3">{t("users.provinces")}</th>
            <th className="py-2 pr-3">{t("users.active")}</th>
            <th className="py-2"><span className="sr-only">{t("users.save")}</span></th>
          </tr>
        </thead>
        <tbody className={stacked.tbody}>
          {users.map((u) => {
            const formId = `user-${u.id}`;
            return (
              <tr key={u.id} className={`${stacked.tr} align-top`} data-email={u.email}>
                <td className={`${stacked.td} [overflow-wrap:anywhere]`} data-label={t("users.email")}><span>{u.email}<span className="block text-xs text-slate-600">{u.name}</span></span></td>
                <td className={stacked.td} data-label={t("users.role")}>
                  <select form={formId} name="role" defaultValue={u.role} aria-label={t("users.role")} className={input}>
                    <option value="ADMIN">{t("role.ADMIN")}</option>
                    <option value="EDITOR">{t("role.EDITOR")}</option>
                  </select>
                </td>
                <td className={stacked.td} data-label={t("users.provinces")}>
                  <select form={formId} name="provinceIds" multiple size={4} defaultValue={u.scopes.map((s) => String(s.provinceId))} aria-label={t("users.provinces")} className={`${input} min-w-56`}>
                    {provinces.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </select>
                </td>
                <td className={stacked.td} data-label={t("users.active")}><input form={formId} type="checkbox" name="active" defaultChecked={u.active} aria-label={t("users.active")} /></td>
                <td className={stacked.td} data-label="">
                  <form id={formId} action={updateUserAction}>
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("users.save")}</button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 className="mb-2 text-lg font-semibold">{t("users.create")}</h2>
      <form action={createUserAction} className="flex max-w-3xl flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">{t("users.email")}<input name="email" type="email" required className={input} /></label>
        <label className="flex flex-col">{t("users.name")}<input name="name" className={input} /></label>
        <label className="flex flex-col">{t("users.role")}
          <select name="role" defaultValue="EDITOR" className={input}>
            <option value="EDITOR">{t("role.EDITOR")}</option>
            <option value="ADMIN">{t("role.ADMIN")}</option>
          </select>
        </label>
        <label className="flex flex-col" htmlFor="new-user-provinces">{t("users.provinces")}
          <ProvinceSelect id="new-user-provinces" provinces={provinces} selected={[]} />
        </label>
        <label className="flex flex-col">{t("users.password")}<input name="password" type="password" autoComplete="new-password" required minLength={12} className={input} /></label>
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">{t("users.create")}</button>
      </form>
    </>
  );
}
