import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { changedFields, listAudit } from "@/lib/ledger/history-reads";
import { isRevertible } from "@/lib/ledger/revert";
import { revertAction } from "./actions";
import { parseYear } from "@/lib/domain/numbers";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.history"))("title") };
}

const ACTIONS = ["CREATE", "UPDATE", "DELETE", "RESTORE", "PUBLISH", "UNPUBLISH", "MERGE", "REVERT", "IMPORT"] as const;
const TARGETS = ["RESULT", "ENTITY", "METHODOLOGY", "USER", "API_TOKEN", "IMPORT"] as const;

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export default async function HistoryPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("admin.history");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const filter = {
    action: ACTIONS.find((a) => a === one(params.tindakan)),
    targetType: TARGETS.find((x) => x === one(params.jenis)),
    actorEmail: one(params.oleh).trim() || undefined,
    year: parseYear(one(params.tahun)) ?? undefined,
    targetId: one(params.id).trim() || undefined,
  };
  const rows = await listAudit(actor, filter);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      {params.dibatalkan && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{t("reverted", { id: one(params.dibatalkan) })}</p>}
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{one(params.pesan) || one(params.galat)}</p>}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          {t("filterAction")}
          <select name="tindakan" defaultValue={filter.action ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("all")}</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{t(`actions.${a}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col">
          {t("filterTarget")}
          <select name="jenis" defaultValue={filter.targetType ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("all")}</option>
            {TARGETS.map((x) => <option key={x} value={x}>{t(`targets.${x}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col">
          {t("filterActor")}
          <input name="oleh" defaultValue={filter.actorEmail ?? ""} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("filterYear")}
          <input name="tahun" defaultValue={filter.year ?? ""} inputMode="numeric" className="w-24 rounded border border-slate-400 px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("apply")}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left align-bottom">
                <th className="py-2 pr-3">#</th>
                <th className="py-2 pr-3">{t("when")}</th>
                <th className="py-2 pr-3">{t("who")}</th>
                <th className="py-2 pr-3">{t("action")}</th>
                <th className="py-2 pr-3">{t("target")}</th>
                <th className="py-2 pr-3">{t("changes")}</th>
                <th className="py-2"><span className="sr-only">{t("revert")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200 align-top" data-audit-id={row.id} data-action={row.action}>
                  <td className="py-2 pr-3 tabular-nums">{row.id}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{row.at.toISOString().slice(0, 19).replace("T", " ")} UTC</td>
                  <td className="py-2 pr-3">{row.actorEmail}{row.via !== "session" && <span className="block text-xs text-slate-600">{row.via}</span>}</td>
                  <td className="py-2 pr-3">
                    {t(`actions.${row.action as (typeof ACTIONS)[number]}`)}
                    {row.publishedEdit && <span className="block text-xs font-medium text-amber-800">{t("publishedEdit")}</span>}
                    {row.revertOfId && <span className="block text-xs text-slate-600">{t("revertOf", { id: row.revertOfId })}</span>}
                  </td>
                  <td className="py-2 pr-3">
                    {t(`targets.${row.targetType as (typeof TARGETS)[number]}`)}:{" "}
                    {row.targetType === "RESULT" ? <Link className="underline" href={`/admin/hasil/${row.targetId}`}>{row.targetName}</Link> : row.targetName}
                  </td>
                  <td className="py-2 pr-3">
                    <ul className="space-y-0.5">
                      {changedFields(row.before, row.after).slice(0, 8).map((c) => (
                        <li key={c.field} className="break-all"><span className="font-medium">{c.field}</span>: {show(c.before)} → {show(c.after)}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="py-2">
                    {isRevertible(row) ? (
                      <form action={revertAction}>
                        <input type="hidden" name="auditId" value={row.id} />
                        <button type="submit" className="rounded border border-slate-400 px-2 py-0.5 hover:bg-slate-100">{t("revert")}</button>
                      </form>
                    ) : (
                      <span className="text-xs text-slate-600">{t("noRevert")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
