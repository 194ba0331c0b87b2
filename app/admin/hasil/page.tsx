import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { listAdminResults, type AdminResultFilter } from "@/lib/ledger/result-reads";
import { formatScore } from "@/lib/domain/score";
import { parseYear } from "@/lib/domain/numbers";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.results"))("title") };
}

const STATUSES = ["DRAFT", "PUBLISHED", "DELETED"] as const;

export default async function AdminResultsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("admin");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const year = parseYear(one(params.tahun)) ?? undefined;
  const status = STATUSES.find((s) => s === one(params.status));
  const query = one(params.q).trim();
  const filter: AdminResultFilter = { year, status, query: query || undefined };
  const { rows, total } = await listAdminResults(actor, filter);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("results.title")}</h1>
        <Link href="/admin/hasil/baru" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
          {t("results.new")}
        </Link>
      </div>
      {one(params.larangan) && (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{t("forbidden")}</p>
      )}
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="flex flex-col">
          {t("results.filterQuery")}
          <input name="q" defaultValue={query} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("results.filterYear")}
          <input name="tahun" defaultValue={year ?? ""} inputMode="numeric" className="w-24 rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("results.filterStatus")}
          <select name="status" defaultValue={status ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("results.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("results.apply")}</button>
      </form>
      <p className="mb-2 text-sm text-slate-700">{t("results.showing", { shown: rows.length, total })}</p>
      {rows.length === 0 ? (
        <p>{t("results.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th className="py-2 pr-3">{t("results.entity")}</th>
                <th className="py-2 pr-3">{t("results.year")}</th>
                <th className="py-2 pr-3 text-right">{t("results.score")}</th>
                <th className="py-2 pr-3">{t("results.computed")}</th>
                <th className="py-2 pr-3">{t("results.status")}</th>
                <th className="py-2 pr-3">{t("results.updated")}</th>
                <th className="py-2"><span className="sr-only">{t("results.edit")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200" data-result-id={r.id}>
                  <td className="py-2 pr-3">{r.entity.name}{r.province ? <span className="text-slate-600"> · {r.province.name}</span> : null}</td>
                  <td className="py-2 pr-3">{r.year}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{r.score === null ? "—" : formatScore(r.score)}</td>
                  <td className="py-2 pr-3">{r.computedLabel ?? "—"}</td>
                  <td className="py-2 pr-3">{r.deletedAt ? t("status.DELETED") : t(`status.${r.status === "PUBLISHED" ? "PUBLISHED" : "DRAFT"}`)}</td>
                  <td className="py-2 pr-3 text-slate-700">{r.updatedAt.toISOString().slice(0, 10)} · {r.updatedBy}</td>
                  <td className="py-2"><Link href={`/admin/hasil/${r.id}`} className="underline">{t("results.edit")}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
