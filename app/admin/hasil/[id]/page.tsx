import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { canWriteInProvince } from "@/lib/ledger/access";
import { entityOptions, getAdminResult, methodologyOptions } from "@/lib/ledger/result-reads";
import { listPendingRevisions } from "@/lib/ledger/revision-reads";
import { resultAsInput } from "@/lib/ledger/results";
import { workingState } from "@/lib/ledger/revisions";
import { ResultForm } from "../../_components/result-form";
import { RevisionChanges } from "../../_components/revision-changes";
import { deleteResultAction, discardRevisionAction, publishResultAction, restoreResultAction } from "../actions";
import { parseId } from "@/lib/domain/numbers";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.form"))("submitEdit") };
}

const ERRORS: Record<string, string> = {
  "401": "Masuk terlebih dahulu.",
  "403": "Anda tidak berwenang mengubah data ini.",
  "404": "Hasil tidak ditemukan.",
  "409": "Hasil ini sudah diubah orang lain setelah Anda membukanya. Halaman ini menampilkan versi terbaru.",
};

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export default async function EditResultPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("admin");
  const id = parseId((await params).id);
  const result = id === null ? null : await getAdminResult(id);
  if (!result || !canWriteInProvince(actor, result.entity.provinceId)) notFound();
  const query = await searchParams;
  const [entities, methodologies, [revision]] = await Promise.all([
    entityOptions(actor),
    methodologyOptions(),
    result.revision ? listPendingRevisions(actor, { resultId: result.id }) : Promise.resolve([]),
  ]);
  // The form and the actions work on the result as an edit sees it: with its change waiting, if any.
  const working = workingState(result);
  const raw = resultAsInput(working);
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const published = result.status === "PUBLISHED";
  const isAdmin = actor.role === "ADMIN";
  const error = ERRORS[String(query.galat ?? "")];
  const status = result.deletedAt ? "DELETED" : published ? "PUBLISHED" : "DRAFT";
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("form.editTitle", { entity: result.entity.name, year: result.year })}</h1>
      <p className="mb-4 text-sm text-slate-700" data-status={status} data-pending={revision ? "1" : "0"}>
        {t(`status.${status}`)}
        {revision && <> · <strong className="text-sky-900">{t("status.REVIEW")}</strong></>} ·{" "}
        {t("form.version", { version: result.version, when: when(result.updatedAt), by: result.updatedBy })}
      </p>
      {query.disimpan === "1" && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">{t("results.saved")}</p>}
      {query.disimpan === "tinjau" && <p role="status" className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">{t("results.savedForReview")}</p>}
      {error && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{error}</p>}

      {revision && (
        <section aria-labelledby="revisi" className="mb-6 space-y-3 rounded border border-sky-300 bg-sky-50/40 p-4" data-testid="pending-revision">
          <h2 id="revisi" className="text-lg font-semibold">{t("revision.title")}</h2>
          <p className="text-sm">{t("revision.intro")}</p>
          <p className="text-xs text-slate-700">
            {t("revision.by", { createdBy: revision.createdBy, createdAt: when(revision.createdAt), updatedBy: revision.updatedBy, updatedAt: when(revision.updatedAt), baseVersion: revision.baseVersion })}
          </p>
          <RevisionChanges changes={revision.changes} caption={t("revision.title")} />
          {isAdmin && (
            <div className="flex flex-wrap items-start gap-4 pt-1">
              <form action={publishResultAction}>
                <input type="hidden" name="id" value={result.id} />
                <input type="hidden" name="version" value={result.version} />
                <input type="hidden" name="publish" value="1" />
                <button type="submit" className="rounded border border-green-700 px-3 py-1 text-green-900 hover:bg-green-50">{t("revision.publish")}</button>
              </form>
              <form action={discardRevisionAction}>
                <input type="hidden" name="id" value={result.id} />
                <input type="hidden" name="version" value={result.version} />
                <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("revision.discard")}</button>
                <p className="mt-1 max-w-sm text-xs text-slate-600">{t("revision.discardHint")}</p>
              </form>
            </div>
          )}
        </section>
      )}

      {working.deleted ? (
        <form action={restoreResultAction} className="space-y-2">
          <p>{revision && !result.deletedAt ? t("form.deletionPending") : t("form.deletedNotice")}</p>
          {result.deletedAt && published && <p className="text-sm text-slate-700">{t("form.publishedNotice")}</p>}
          <input type="hidden" name="id" value={result.id} />
          <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("form.restore")}</button>
        </form>
      ) : (
        <>
          {revision && result.deletedAt && <p className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">{t("form.restorePending")}</p>}
          {published && <p className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">{t("form.publishedNotice")}</p>}
          {revision && <p className="mb-4 text-sm text-slate-700">{t("form.revisionNotice")}</p>}
          <ResultForm
            key={result.version}
            id={result.id}
            version={result.version}
            entities={entities}
            methodologies={methodologies}
            initial={{
              entityId: String(working.entityId),
              year: String(working.year),
              score: text(raw.score),
              dimensionScores: (raw.dimensionScores as Record<string, string> | null) ?? {},
              publishedZone: text(working.publishedZone),
              publishedCategory: text(working.publishedCategory),
              publishedOpinion: text(working.publishedOpinion),
              sourceUrl: text(working.sourceUrl),
              notes: working.notes,
            }}
          />
          <div className="mt-8 flex flex-wrap gap-6 border-t border-slate-200 pt-4">
            {isAdmin && (
              <form action={publishResultAction}>
                <input type="hidden" name="id" value={result.id} />
                <input type="hidden" name="publish" value={published ? "0" : "1"} />
                <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">
                  {published ? t("form.unpublishOne") : t("form.publishOne")}
                </button>
              </form>
            )}
            <form action={deleteResultAction}>
              <input type="hidden" name="id" value={result.id} />
              <input type="hidden" name="version" value={result.version} />
              <button type="submit" className="rounded border border-red-400 px-3 py-1 text-red-800 hover:bg-red-50">{t("form.delete")}</button>
              <p className="mt-1 text-xs text-slate-600">{t("form.deleteHint")}</p>
            </form>
          </div>
        </>
      )}
    </>
  );
}
