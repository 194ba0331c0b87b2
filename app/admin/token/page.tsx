import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { listUsers } from "@/lib/ledger/users";
import { listApiTokens } from "@/lib/ledger/tokens";
import { revokeTokenAction } from "./actions";
import { TokenForm } from "./token-form";
import { stacked } from "../_components/stacked-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.tokens"))("title") };
}

export default async function TokensPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor({ admin: true });
  const t = await getTranslations("admin.tokens");
  const params = await searchParams;
  const [tokens, users] = await Promise.all([listApiTokens(), listUsers()]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{String(params.galat)}</p>}
      <table className={`mb-6 ${stacked.table}`}>
        <thead className={stacked.thead}>
          <tr className="border-b border-slate-300 text-left">
            <th className="py-2 pr-3">{t("name")}</th>
            <th className="py-2 pr-3">{t("user")}</th>
            <th className="py-2 pr-3">{t("lastUsed")}</th>
            <th className="py-2"><span className="sr-only">{t("revoke")}</span></th>
          </tr>
        </thead>
        <tbody className={stacked.tbody}>
          {tokens.map((k) => (
            <tr key={k.id} className={stacked.tr}>
              <td className={stacked.td} data-label={t("name")}>{k.name} <code className="text-xs text-slate-600">{k.prefix}…</code></td>
              <td className={`${stacked.td} [overflow-wrap:anywhere]`} data-label={t("user")}>{k.user.email}</td>
              <td className={stacked.td} data-label={t("lastUsed")}>{k.lastUsedAt ? k.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : t("never")}</td>
              <td className={stacked.td} data-label="">
                {k.revokedAt ? (
                  <span className="text-slate-600">{t("revoked")}</span>
                ) : (
                  <form action={revokeTokenAction}>
                    <input type="hidden" name="id" value={k.id} />
                    <button type="submit" className="rounded border border-red-400 px-2 py-0.5 text-red-800 hover:bg-red-50">{t("revoke")}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TokenForm users={users.filter((u) => u.active).map((u) => ({ id: u.id, email: u.email }))} />
    </>
  );
}
