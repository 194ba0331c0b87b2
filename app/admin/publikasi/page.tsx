import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { parseYear } from "@/lib/domain/numbers";
import { publicationSummary } from "@/lib/ledger/result-reads";
import { listPendingRevisions } from "@/lib/ledger/revision-reads";
import { RevisionChanges } from "../_components/revision-changes";
import { publicationAction } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.publish"))("title") };
}

/** Returning published results to draft asks first (a link to the confirmation step, no script needed). */
function UnpublishLink({ year, type, label }: { year: number; type?: string; label: string }) {
  const query = new URLSearchParams({ tarik: String(year), ...(type ? { jenis: type } : {}) });
  return (
    <Link href={`/admin/publikasi?${query}#konfirmasi`} className="inline-block rounded border border-slate-400 px-2 py-0.5 text-sm font-normal hover:bg-slate-100">
      {label}…
    </Link>
  );
}

function PublishButton({ year, type, publish, label }: { year: number; type?: string; publish: boolean; label: string }) {
  return (
    <form action={publicationAction} className="inline">
      <input type="hidden" name="year" value={year} />
      {type && <input type="hidden" name="type" value={type} />}
      <input type="hidden" name="publish" value={publish ? "1" : "0"} />
      <button type="submit" className={`rounded border px-2 py-0.5 text-sm ${publish ? "border-green-700 text-green-900 hover:bg-green-50" : "border-slate-400 hover:bg-slate-100"}`}>
        {label}
      </button>
    </form>
  );
}

export default async function PublicationPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor({ admin: true });
  const t = await getTranslations("admin.publish");
  const tRevision = await getTranslations("admin.revision");
  const tType = await getTranslations("entityType");
  const tRelease = await getTranslations("adminRelease");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const [summary, pending] = await Promise.all([publicationSummary(), listPendingRevisions(actor)]);
  // The confirmation step of returning a year (or one type in it) to draft: how many results.
  const askYear = parseYear(one(params.tarik));
  const askType = one(params.jenis) || null;
  const askTypes = summary.find((s) => s.year === askYear)?.types.filter((x) => !askType || x.type === askType) ?? [];
  const unpublish = askYear && askTypes.length ? { year: askYear, type: askType, count: askTypes.reduce((n, x) => n + x.published, 0) } : null;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      {params.jumlah !== undefined && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          {one(params.arah) === "tarik" ? tRelease("unpublished", { count: Number(one(params.jumlah)) }) : t("done", { count: Number(one(params.jumlah)) })}
        </p>
      )}
      {unpublish && (
        <section id="konfirmasi" role="alertdialog" aria-labelledby="konfirmasi-judul" className="mb-6 max-w-3xl rounded border border-red-300 bg-red-50 p-3 text-sm">
          <h2 id="konfirmasi-judul" className="mb-1 font-semibold">
            {tRelease("unpublishAsk", { count: unpublish.count, scope: unpublish.type ? `${tType(unpublish.type as never)} ${unpublish.year}` : String(unpublish.year) })}
          </h2>
          <p className="mb-2">{tRelease("unpublishHint")}</p>
          <form action={publicationAction} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="year" value={unpublish.year} />
            {unpublish.type && <input type="hidden" name="type" value={unpublish.type} />}
            <input type="hidden" name="publish" value="0" />
            <button type="submit" className="rounded border border-red-700 px-3 py-1 font-medium text-red-900 hover:bg-red-100">{tRelease("unpublishConfirm", { count: unpublish.count })}</button>
            <Link href="/admin/publikasi" className="underline">{tRelease("withdrawCancel")}</Link>
          </form>
        </section>
      )}
      {params.galat !== undefined && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{String(params.pesan ?? params.galat)}</p>}
      {pending.length > 0 && (
        <section aria-labelledby="menunggu-tinjauan" className="mb-8 max-w-4xl" data-testid="pending-revisions">
          <h2 id="menunggu-tinjauan" className="mb-1 text-lg font-semibold">{t("pendingTitle", { count: pending.length })}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("pendingIntro")}</p>
          <ul className="space-y-4">
            {pending.map((r) => (
              <li key={r.resultId} className="rounded border border-slate-300 p-3" data-result-id={r.resultId}>
                <p className="mb-1 flex flex-wrap items-baseline gap-x-3 font-medium">
                  <Link href={`/admin/hasil/${r.resultId}`} className="underline">{r.entity} {r.year}</Link>
                  <span className="text-xs font-normal text-slate-700">
                    {tRevision("by", { createdBy: r.createdBy, createdAt: when(r.createdAt), updatedBy: r.updatedBy, updatedAt: when(r.updatedAt), baseVersion: r.baseVersion })}
                  </span>
                </p>
                <RevisionChanges changes={r.changes} caption={`${r.entity} ${r.year}`} />
                <Link href={`/admin/hasil/${r.resultId}`} className="mt-2 inline-block text-sm underline">{t("open")}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.length === 0 && <p>{t("none")}</p>}
      {summary.map(({ year, types }) => {
        const drafts = types.reduce((s, x) => s + x.drafts, 0);
        const published = types.reduce((s, x) => s + x.published, 0);
        const revisions = types.reduce((s, x) => s + x.revisions, 0);
        return (
          <section key={year} className="mb-6" aria-labelledby={`year-${year}`} data-year={year}>
            <h2 id={`year-${year}`} className="mb-2 flex flex-wrap items-center gap-3 text-lg font-semibold">
              {year}
              <span className="text-sm font-normal text-slate-700">
                {t("drafts")}: {drafts} · {t("published")}: {published} · {t("revisions")}: {revisions}
              </span>
              {drafts + revisions > 0 && <PublishButton year={year} publish label={`${t("publish")} ${year}`} />}
              {published > 0 && <UnpublishLink year={year} label={`${t("unpublish")} ${year}`} />}
              {drafts + revisions > 0 && (
                <Link href={`/admin/rilis?tahun=${year}`} className="text-sm font-normal underline">{tRelease("fromPublish")}</Link>
              )}
            </h2>
            <table className="w-full max-w-3xl border-collapse text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th className="py-1 pr-3">{t("type")}</th>
                  <th className="py-1 pr-3 text-right">{t("drafts")}</th>
                  <th className="py-1 pr-3 text-right">{t("published")}</th>
                  <th className="py-1 pr-3 text-right">{t("revisions")}</th>
                  <th className="py-1"><span className="sr-only">{t("publish")}</span></th>
                </tr>
              </thead>
              <tbody>
                {types.map((row) => (
                  <tr key={row.type} className="border-b border-slate-200" data-type={row.type}>
                    <td className="py-1 pr-3">{tType(row.type as never)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{row.drafts}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{row.published}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{row.revisions}</td>
                    <td className="space-x-2 py-1">
                      {row.drafts + row.revisions > 0 && <PublishButton year={year} type={row.type} publish label={t("publish")} />}
                      {row.published > 0 && <UnpublishLink year={year} type={row.type} label={t("unpublish")} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
