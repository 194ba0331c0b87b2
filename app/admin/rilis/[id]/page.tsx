import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { formatJakarta } from "@/lib/domain/jakarta-time";
import { OwnZoneTime } from "../../_components/own-zone-time";
import { parseId } from "@/lib/domain/numbers";
import { isAdmin } from "@/lib/ledger/access";
import { releaseDetail } from "@/lib/ledger/release-reads";
import { separateApproverRequired } from "@/lib/ledger/releases";
import { approveReleaseAction, returnReleaseAction, withdrawReleaseAction } from "../actions";
import { ReleaseRows } from "../release-rows";
import { WhenFields } from "../when-fields";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminRelease"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const DONE = ["SUBMITTED", "SCHEDULED", "PUBLISHED", "RETURNED", "WITHDRAWN"] as const;

export default async function ReleasePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("adminRelease");
  const id = parseId((await params).id);
  const release = id === null ? null : await releaseDetail(actor, id);
  if (!release) notFound();
  const query = await searchParams;
  const admin = isAdmin(actor);
  const done = DONE.find((s) => s === one(query.selesai));
  const confirming = one(query.tarik) === "1";
  const ownRelease = release.submittedById === actor.userId;
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/rilis" className="underline">{t("back")}</Link></p>
      <h1 className="mb-2 text-2xl font-bold">{t("detailTitle", { name: release.name })}</h1>
      {done && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{t(`done.${done}`)}</p>}
      {query.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{one(query.pesan)}</p>}
      <div className="mb-4 space-y-1 text-sm" data-testid="release-status" data-status={release.status}>
        <p><strong>{t("status")}: {t(`statuses.${release.status}`)}</strong></p>
        <p>{t("submitted", { email: release.submittedBy, at: formatJakarta(release.submittedAt) })}</p>
        {release.approvedBy && <p>{t("approved", { email: release.approvedBy })}</p>}
        {release.scheduledAt && release.status === "SCHEDULED" && <p>{t("scheduledAt", { at: formatJakarta(release.scheduledAt) })}<OwnZoneTime iso={release.scheduledAt.toISOString()} label={t("ownZone")} /></p>}
        {release.publishedAt && release.status === "PUBLISHED" && <p>{t("publishedAt", { at: formatJakarta(release.publishedAt) })}<OwnZoneTime iso={release.publishedAt.toISOString()} label={t("ownZone")} /></p>}
        {release.withdrawnAt && release.status === "WITHDRAWN" && <p>{t("withdrawnAt", { at: formatJakarta(release.withdrawnAt) })}<OwnZoneTime iso={release.withdrawnAt.toISOString()} label={t("ownZone")} /></p>}
        {release.note && release.status === "RETURNED" && <p className="rounded border border-amber-300 bg-amber-50 p-2">{t("returnNote", { note: release.note })}</p>}
        {release.note && release.status === "FAILED" && <p className="rounded border border-red-300 bg-red-50 p-2">{t("failure", { note: release.note })}</p>}
        {release.publishAuditId !== null && (
          <p><Link href={`/admin/riwayat?id=${release.id}&jenis=RELEASE`} className="underline">{t("history")}</Link></p>
        )}
      </div>

      {admin && release.status === "SUBMITTED" && (
        <div className="mb-6 grid gap-4 md:grid-cols-2">
          <form action={approveReleaseAction} className="space-y-3 rounded border border-slate-300 p-3 text-sm">
            <h2 className="text-base font-semibold">{t("approveTitle")}</h2>
            <input type="hidden" name="id" value={release.id} />
            <WhenFields admin separate={separateApproverRequired() && ownRelease} defaultMode="now" submit={false} />
            {!(separateApproverRequired() && ownRelease) && (
              <button type="submit" className="rounded border border-green-700 bg-green-50 px-3 py-1 font-medium text-green-900 hover:bg-green-100">{t("approve")}</button>
            )}
          </form>
          <ReturnForm id={release.id} />
        </div>
      )}
      {admin && (release.status === "SCHEDULED" || release.status === "FAILED") && <div className="mb-6 max-w-md"><ReturnForm id={release.id} /></div>}

      {admin && release.status === "PUBLISHED" && (
        <section aria-labelledby="tarik" className="mb-6 max-w-3xl rounded border border-slate-300 p-3 text-sm">
          <h2 id="tarik" className="mb-1 text-base font-semibold">{t("withdrawTitle")}</h2>
          <p className="mb-2 text-slate-700">{t("withdrawHint")}</p>
          {confirming ? (
            <form action={withdrawReleaseAction} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="id" value={release.id} />
              <button type="submit" className="rounded border border-red-700 bg-red-50 px-3 py-1 font-medium text-red-900 hover:bg-red-100">
                {t("withdrawConfirm", { count: release.published.length })}
              </button>
              <Link href={`/admin/rilis/${release.id}`} className="underline">{t("withdrawCancel")}</Link>
            </form>
          ) : (
            <Link href={`/admin/rilis/${release.id}?tarik=1`} className="inline-block rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("withdrawAsk")}</Link>
          )}
        </section>
      )}

      <section aria-labelledby="isi" className="max-w-4xl">
        <h2 id="isi" className="mb-2 text-lg font-semibold">{t("rowsTitle", { count: release.count })}</h2>
        {release.publishAuditId !== null && <p className="mb-2 text-sm text-slate-700">{t("publishedRows", { count: release.published.length })}</p>}
        <ReleaseRows rows={release.rows} caption={t("rowsTitle", { count: release.count })} />
      </section>
    </>
  );
}

async function ReturnForm({ id }: { id: number }) {
  const t = await getTranslations("adminRelease");
  return (
    <form action={returnReleaseAction} className="space-y-2 rounded border border-slate-300 p-3 text-sm">
      <h2 className="text-base font-semibold">{t("returnTitle")}</h2>
      <input type="hidden" name="id" value={id} />
      <label className="flex flex-col">
        {t("note")}
        <textarea name="catatan" required rows={3} maxLength={2000} className="rounded border border-slate-400 px-2 py-1" />
      </label>
      <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("return")}</button>
    </form>
  );
}
