import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { formatJakarta } from "@/lib/domain/jakarta-time";
import { parseId } from "@/lib/domain/numbers";
import { listAudit } from "@/lib/ledger/history-reads";
import { describeEntry, historyLookup, revertPreview } from "@/lib/ledger/history-view";
import { releaseRecord } from "@/lib/ledger/release-withdraw";
import { isRevertible } from "@/lib/ledger/revert";
import type { ImportRecord } from "@/lib/ledger/import/commit";
import { revertAction } from "../../actions";
import { EntryDetailView } from "../../entry-detail";
import { historyFilter, historyQuery } from "../../filters";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.history"))("title") };
}

/**
 * The confirmation step of a revert: what the revert will change, then one submit. A page of its
 * own so that it works without JavaScript; the history's filters ride along (?kembali=...).
 */
export default async function ConfirmRevertPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const tx = await getTranslations("adminHistory");
  const id = parseId((await params).id);
  const [row] = id === null ? [] : await listAudit(actor, { auditId: id });
  if (!row) notFound();
  const query = await searchParams;
  const kembali = historyQuery(historyFilter(new URLSearchParams(String(Array.isArray(query.kembali) ? query.kembali[0] : (query.kembali ?? "")))));
  const back = `/admin/riwayat${kembali ? `?${kembali}` : ""}`;
  // Shown as the revert would change things: from now (what the entry made) to what comes back.
  const detail = revertPreview(describeEntry(row, await historyLookup([row])));
  const undone = row.revertedBy !== null || row.superseded;
  let effect = tx("willOther");
  if (row.targetType === "RESULT") effect = tx("willResult");
  else if (row.targetType === "RELEASE") {
    const record = releaseRecord(row.after);
    effect = record?.direction === "withdraw" ? tx("willReleaseWithdraw", { count: record.rows.length }) : tx("willReleasePublish", { count: record?.rows.length ?? 0 });
  } else if (row.targetType === "IMPORT") {
    const record = row.after ? (JSON.parse(row.after) as ImportRecord) : null;
    effect = tx("willImport", { created: record?.createdResultIds.length ?? 0, updated: record?.updated.length ?? 0, revised: record?.revised?.length ?? 0 });
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{tx("confirmTitle", { id: row.id })}</h1>
      <p className="mb-1 text-sm text-slate-700">{formatJakarta(row.at)} · {row.actorEmail} · {row.targetName}</p>
      {row.note && <p className="mb-3 text-sm text-slate-700">{row.note}</p>}
      {isRevertible(row) && !undone ? (
        <>
          <p className="mb-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="revert-effect">{effect}</p>
          <p className="mb-3 max-w-3xl text-sm text-slate-700">{tx("confirmIntro")}</p>
          <div className="mb-4 max-w-4xl" data-testid="revert-detail"><EntryDetailView detail={detail} caption={row.targetName} labels={row.targetType === "IMPORT" ? undefined : { before: tx("now"), after: tx("afterRevert") }} /></div>
          <form action={revertAction} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="auditId" value={row.id} />
            <input type="hidden" name="kembali" value={kembali} />
            <button type="submit" className="rounded border border-red-700 bg-red-50 px-3 py-1 font-medium text-red-900 hover:bg-red-100">{tx("confirm")}</button>
            <Link href={back} className="text-sm underline">{tx("cancel")}</Link>
          </form>
        </>
      ) : (
        <p className="text-sm">
          {row.revertedBy !== null ? tx("revertedBy", { id: row.revertedBy }) : tx("cannot")} · <Link href={back} className="underline">{tx("cancel")}</Link>
        </p>
      )}
    </>
  );
}
