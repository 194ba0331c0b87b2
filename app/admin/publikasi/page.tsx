import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { publicationSummary } from "@/lib/ledger/result-reads";
import { publicationAction } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.publish"))("title") };
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
  await requirePageActor({ admin: true });
  const t = await getTranslations("admin.publish");
  const tType = await getTranslations("entityType");
  const params = await searchParams;
  const summary = await publicationSummary();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      {params.jumlah !== undefined && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{t("done", { count: Number(params.jumlah) })}</p>}
      {summary.length === 0 && <p>{t("none")}</p>}
      {summary.map(({ year, types }) => {
        const drafts = types.reduce((s, x) => s + x.drafts, 0);
        const published = types.reduce((s, x) => s + x.published, 0);
        return (
          <section key={year} className="mb-6" aria-labelledby={`year-${year}`} data-year={year}>
            <h2 id={`year-${year}`} className="mb-2 flex flex-wrap items-center gap-3 text-lg font-semibold">
              {year}
              <span className="text-sm font-normal text-slate-700">{t("drafts")}: {drafts} · {t("published")}: {published}</span>
              {drafts > 0 && <PublishButton year={year} publish label={`${t("publish")} ${year}`} />}
              {published > 0 && <PublishButton year={year} publish={false} label={`${t("unpublish")} ${year}`} />}
            </h2>
            <table className="w-full max-w-3xl border-collapse text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th className="py-1 pr-3">{t("type")}</th>
                  <th className="py-1 pr-3 text-right">{t("drafts")}</th>
                  <th className="py-1 pr-3 text-right">{t("published")}</th>
                  <th className="py-1"><span className="sr-only">{t("publish")}</span></th>
                </tr>
              </thead>
              <tbody>
                {types.map((row) => (
                  <tr key={row.type} className="border-b border-slate-200" data-type={row.type}>
                    <td className="py-1 pr-3">{tType(row.type as never)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{row.drafts}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{row.published}</td>
                    <td className="space-x-2 py-1">
                      {row.drafts > 0 && <PublishButton year={year} type={row.type} publish label={t("publish")} />}
                      {row.published > 0 && <PublishButton year={year} type={row.type} publish={false} label={t("unpublish")} />}
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
