import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { adminProvinceOptions, listAdminResults } from "@/lib/ledger/result-reads";
import { formatScore } from "@/lib/domain/score";
import { stacked } from "../_components/stacked-table";
import { LIST_STATUSES, listSearch, readListQuery } from "./list-query";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.results"))("title") };
}

export default async function AdminResultsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("admin");
  const params = await searchParams;
  const { filter, page } = readListQuery(params);
  const [{ rows, total, pageSize }, provinces] = await Promise.all([listAdminResults(actor, filter, undefined, page), adminProvinceOptions(actor)]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const larangan = params.larangan;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("results.title")}</h1>
        <Link href="/admin/hasil/baru" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
          {t("results.new")}
        </Link>
      </div>
      {larangan && (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{t("forbidden")}</p>
      )}
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="flex flex-col">
          {t("results.filterQuery")}
          <input name="q" defaultValue={filter.query ?? ""} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("results.filterYear")}
          <input name="tahun" defaultValue={filter.year ?? ""} inputMode="numeric" className="w-24 rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("results.filterProvince")}
          <select name="provinsi" defaultValue={filter.provinceId ?? ""} className="max-w-full rounded border border-slate-400 px-2 py-1">
            <option value="">{t("results.allProvinces")}</option>
            {provinces.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t("results.filterStatus")}
          <select name="status" defaultValue={filter.status ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("results.all")}</option>
            {LIST_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("results.apply")}</button>
      </form>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        <p data-total={total}>{t("results.range", { from, to, total })}</p>
        <p>
          {t("results.download")}{" "}
          {/* Files from a route handler: plain links. */}
          <a href={`/admin/hasil/unduh${listSearch(filter, { format: "csv" })}`} className="text-blue-800 underline" download>
            {t("results.downloadCsv")}
          </a>{" "}
          ·{" "}
          <a href={`/admin/hasil/unduh${listSearch(filter, { format: "xlsx" })}`} className="text-blue-800 underline" download>
            {t("results.downloadXlsx")}
          </a>
        </p>
      </div>
      {rows.length === 0 ? (
        <p>{t("results.empty")}</p>
      ) : (
        <table className={stacked.table}>
          <thead className={stacked.thead}>
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
          <tbody className={stacked.tbody}>
            {rows.map((r) => {
              const isPublic = r.status === "PUBLISHED" && !r.deletedAt;
              return (
                <tr key={r.id} className={stacked.tr} data-result-id={r.id}>
                  <td className={stacked.td} data-label={t("results.entity")}>
                    <span>{r.entity.name}{r.province ? <span className="text-slate-600"> · {r.province.name}</span> : null}</span>
                  </td>
                  <td className={stacked.td} data-label={t("results.year")}>{r.year}</td>
                  <td className={`${stacked.td} tabular-nums sm:text-right`} data-label={t("results.score")}>{r.score === null ? "—" : formatScore(r.score)}</td>
                  <td className={stacked.td} data-label={t("results.computed")}>{r.computedLabel ?? "—"}</td>
                  <td className={stacked.td} data-label={t("results.status")}>
                    <span>
                      {r.deletedAt ? t("status.DELETED") : t(`status.${r.status === "PUBLISHED" ? "PUBLISHED" : "DRAFT"}`)}
                      {r.revision && <span className="block text-xs font-medium text-sky-900" data-pending>{t("status.REVIEW")}</span>}
                    </span>
                  </td>
                  <td className={`${stacked.td} text-slate-700`} data-label={t("results.updated")}>
                    <span className="[overflow-wrap:anywhere]">{r.updatedAt.toISOString().slice(0, 10)} · {r.updatedBy}</span>
                  </td>
                  <td className={stacked.td} data-label="">
                    <span className="flex flex-wrap gap-x-3">
                      <Link href={`/admin/hasil/${r.id}`} className="underline">{t("results.edit")}</Link>
                      {isPublic && (
                        <a
                          href={`/instansi/${r.entity.slug}`}
                          target="_blank"
                          rel="noopener"
                          className="text-blue-800 underline"
                          aria-label={t("results.publicPageOf", { name: r.entity.name })}
                          data-public-link
                        >
                          {t("results.publicPage")}
                        </a>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label={t("results.pagination")} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
          {page > 1 && (
            <Link href={`/admin/hasil${listSearch(filter, { halaman: page - 1 })}`} className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100" rel="prev">
              {t("results.previous")}
            </Link>
          )}
          <span aria-current="page">{t("results.pageOf", { page, pages })}</span>
          {page < pages && (
            <Link href={`/admin/hasil${listSearch(filter, { halaman: page + 1 })}`} className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100" rel="next">
              {t("results.next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
