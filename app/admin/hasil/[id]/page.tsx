import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { canWriteInProvince } from "@/lib/ledger/access";
import { entityOptions, getAdminResult, methodologyOptions } from "@/lib/ledger/result-reads";
import { resultAsInput } from "@/lib/ledger/results";
import { ResultForm } from "../../_components/result-form";
import { deleteResultAction, publishResultAction, restoreResultAction } from "../actions";
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

export default async function EditResultPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("admin");
  const id = parseId((await params).id);
  const result = id === null ? null : await getAdminResult(id);
  if (!result || !canWriteInProvince(actor, result.entity.provinceId)) notFound();
  const query = await searchParams;
  const [entities, methodologies] = await Promise.all([entityOptions(actor), methodologyOptions()]);
  const raw = resultAsInput(result);
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const published = result.status === "PUBLISHED";
  const error = ERRORS[String(query.galat ?? "")];
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("form.editTitle", { entity: result.entity.name, year: result.year })}</h1>
      <p className="mb-4 text-sm text-slate-700">
        {t(`status.${result.deletedAt ? "DELETED" : published ? "PUBLISHED" : "DRAFT"}`)} ·{" "}
        {t("form.version", { version: result.version, when: result.updatedAt.toISOString().slice(0, 16).replace("T", " "), by: result.updatedBy })}
      </p>
      {query.disimpan && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">{t("results.saved")}</p>}
      {error && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{error}</p>}
      {result.deletedAt ? (
        <form action={restoreResultAction} className="space-y-2">
          <p>{t("form.deletedNotice")}</p>
          <input type="hidden" name="id" value={result.id} />
          <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("form.restore")}</button>
        </form>
      ) : (
        <>
          {published && <p className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">{t("form.publishedNotice")}</p>}
          <ResultForm
            key={result.version}
            id={result.id}
            version={result.version}
            entities={entities}
            methodologies={methodologies}
            initial={{
              entityId: String(result.entityId),
              year: String(result.year),
              score: text(raw.score),
              dimensionScores: (raw.dimensionScores as Record<string, string> | null) ?? {},
              publishedZone: text(result.publishedZone),
              publishedCategory: text(result.publishedCategory),
              publishedOpinion: text(result.publishedOpinion),
              sourceUrl: text(result.sourceUrl),
              notes: result.notes,
            }}
          />
          <div className="mt-8 flex flex-wrap gap-6 border-t border-slate-200 pt-4">
            {actor.role === "ADMIN" && (
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
