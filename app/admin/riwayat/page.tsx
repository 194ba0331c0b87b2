import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { formatJakarta } from "@/lib/domain/jakarta-time";
import { lastReleaseEntry, listAudit } from "@/lib/ledger/history-reads";
import { describeEntry, historyLookup } from "@/lib/ledger/history-view";
import { isRevertible } from "@/lib/ledger/revert";
import { EntryDetailView } from "./entry-detail";
import { ACTIONS, historyFilter, historyQuery, TARGETS } from "./filters";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.history"))("title") };
}

/** A change recorded as a revision waiting for review (lib/ledger/revisions.ts): not public when made. */
function madePending(after: string | null): boolean {
  if (!after) return false;
  const snapshot = JSON.parse(after) as { pending?: unknown } | null;
  return snapshot?.pending === true;
}

/** Consecutive rows of one operation over several results (same batch, same action): one entry. */
function groupBatches<T extends { batchId: string | null; targetType: string; action: string }>(rows: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (head && row.batchId && row.targetType === "RESULT" && head.targetType === "RESULT" && head.batchId === row.batchId && head.action === row.action) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

const BASE_ACTIONS = new Set(["CREATE", "UPDATE", "DELETE", "RESTORE", "PUBLISH", "UNPUBLISH", "MERGE", "REVERT", "IMPORT", "DISCARD"]);

export default async function HistoryPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("admin.history");
  const tx = await getTranslations("adminHistory");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const filter = historyFilter(params);
  const query = historyQuery(filter);
  const [rows, lastRelease] = await Promise.all([listAudit(actor, filter), filter.sinceLastRelease ? lastReleaseEntry() : Promise.resolve(null)]);
  const lookup = await historyLookup(rows);
  const actionLabel = (row: { action: string; targetType: string }) =>
    row.targetType === "RELEASE" && ["PUBLISH", "UNPUBLISH", "REVERT"].includes(row.action)
      ? tx(`releaseActions.${row.action as "PUBLISH"}`)
      : BASE_ACTIONS.has(row.action)
        ? t(`actions.${row.action as "CREATE"}`)
        : tx(`actions.${row.action as "SUBMIT"}`);
  const targetLabel = (type: string) => (type === "RELEASE" ? tx("targets.RELEASE") : t(`targets.${type as "RESULT"}`));
  const actionOption = (a: string) => (BASE_ACTIONS.has(a) ? t(`actions.${a as "CREATE"}`) : tx(`actions.${a as "SUBMIT"}`));
  const sinceLink = historyQuery({ ...filter, sinceLastRelease: !filter.sinceLastRelease });
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-700">
        {tx("timesIn")}{" "}
        <Link href={`/admin/riwayat${sinceLink ? `?${sinceLink}` : ""}`} className="font-medium underline">{filter.sinceLastRelease ? tx("allChanges") : tx("sinceRelease")}</Link>
      </p>
      {filter.sinceLastRelease && (
        <p className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm" data-testid="since-release">
          {lastRelease ? tx("sinceReleaseOn", { id: lastRelease.id, at: formatJakarta(lastRelease.at), note: lastRelease.note }) : tx("sinceReleaseNone")}
        </p>
      )}
      {params.dibatalkan && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{t("reverted", { id: one(params.dibatalkan) })}</p>}
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{one(params.pesan) || one(params.galat)}</p>}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          {t("filterAction")}
          <select name="tindakan" defaultValue={filter.action ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("all")}</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{actionOption(a)}</option>)}
          </select>
        </label>
        <label className="flex flex-col">
          {t("filterTarget")}
          <select name="jenis" defaultValue={filter.targetType ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("all")}</option>
            {TARGETS.map((x) => <option key={x} value={x}>{targetLabel(x)}</option>)}
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
        {filter.targetId && <input type="hidden" name="id" value={filter.targetId} />}
        <label className="flex items-center gap-2 self-center pt-4">
          <input type="checkbox" name="sejak" value="rilis" defaultChecked={filter.sinceLastRelease ?? false} />
          {tx("sinceRelease")}
        </label>
        <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("apply")}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        // Below md each entry is a block of its cells: readable at 390 px without sideways scrolling.
        <table className="w-full border-collapse text-sm max-md:block">
          <thead className="max-md:hidden">
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
          <tbody className="max-md:block">
            {groupBatches(rows).map((group) => {
              if (group.length > 1) {
                // One operation over many results (a year published from /admin/publikasi): one entry, its results in a table.
                const first = group[0]!;
                return (
                  <tr key={`batch-${first.id}`} className="border-b border-slate-200 align-top max-md:block max-md:py-2" data-audit-id={first.id} data-action={first.action} data-batch={first.batchId ?? undefined}>
                    <td className="py-2 pr-3 tabular-nums max-md:inline max-md:py-0">#{group[group.length - 1]!.id}–{first.id}</td>
                    <td className="py-2 pr-3 max-md:inline max-md:py-0 md:whitespace-nowrap">{formatJakarta(first.at)}</td>
                    <td className="py-2 pr-3 max-md:block max-md:py-0">{first.actorEmail}</td>
                    <td className="py-2 pr-3 max-md:block max-md:py-0">
                      <span className="font-medium">{actionLabel(first)}</span>
                      <span className="block text-xs text-slate-700">{tx("rowsCount", { count: group.length })}</span>
                    </td>
                    <td className="py-2 pr-3 max-md:block max-md:py-0">
                      {targetLabel(first.targetType)}
                      {first.note && <span className="block text-xs text-slate-700">{first.note}</span>}
                    </td>
                    <td className="py-2 pr-3 max-md:block max-md:py-1" colSpan={2}>
                      <ul className="divide-y divide-slate-100">
                        {group.map((row) => (
                          <li key={row.id} className="py-1" data-audit-id={row.id}>
                            <span className="flex flex-wrap items-baseline justify-between gap-2">
                              <Link className="font-medium underline" href={`/admin/hasil/${row.targetId}`}>{row.targetName}</Link>
                              {row.revertedBy !== null ? (
                                <span className="text-xs font-medium text-slate-800">{tx("revertedBy", { id: row.revertedBy })}</span>
                              ) : (
                                isRevertible(row) && (
                                  <Link href={`/admin/riwayat/batalkan/${row.id}${query ? `?kembali=${encodeURIComponent(query)}` : ""}`} className="text-xs underline">{tx("revertAsk")}</Link>
                                )
                              )}
                            </span>
                            <EntryDetailView detail={describeEntry(row, lookup)} caption={row.targetName} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              }
              const row = group[0]!;
              const name = `${targetLabel(row.targetType)}: ${row.targetName}`;
              const undone = row.revertedBy !== null || row.superseded;
              return (
                <tr key={row.id} className="border-b border-slate-200 align-top max-md:block max-md:py-2" data-audit-id={row.id} data-action={row.action} data-reverted={undone ? "1" : undefined}>
                  <td className="py-2 pr-3 tabular-nums max-md:inline max-md:py-0">#{row.id}</td>
                  <td className="py-2 pr-3 max-md:inline max-md:py-0 md:whitespace-nowrap">{formatJakarta(row.at)}</td>
                  <td className="py-2 pr-3 max-md:block max-md:py-0">{row.actorEmail}{row.via !== "session" && <span className="block text-xs text-slate-600">{row.via}</span>}</td>
                  <td className="py-2 pr-3 max-md:block max-md:py-0">
                    <span className="font-medium">{actionLabel(row)}</span>
                    {row.publishedEdit && <span className="block text-xs font-medium text-amber-800">{t("publishedEdit")}</span>}
                    {madePending(row.after) && <span className="block text-xs font-medium text-sky-900" data-pending>{t("pending")}</span>}
                    {row.revertOfId && <span className="block text-xs text-slate-600">{t("revertOf", { id: row.revertOfId })}</span>}
                    {row.revertedBy !== null && <span className="block text-xs font-medium text-slate-800" data-reverted-by={row.revertedBy}>{tx("revertedBy", { id: row.revertedBy })}</span>}
                    {row.revertedBy === null && row.superseded && <span className="block text-xs font-medium text-slate-800">{tx("superseded")}</span>}
                  </td>
                  <td className="py-2 pr-3 max-md:block max-md:py-0">
                    {targetLabel(row.targetType)}:{" "}
                    {row.targetType === "RESULT" ? (
                      <Link className="underline" href={`/admin/hasil/${row.targetId}`}>{row.targetName}</Link>
                    ) : row.targetType === "RELEASE" ? (
                      <Link className="underline" href={`/admin/rilis/${row.targetId}`}>{row.targetName}</Link>
                    ) : (
                      row.targetName
                    )}
                    {row.note && <span className="block text-xs text-slate-700">{row.note}</span>}
                  </td>
                  <td className="py-2 pr-3 max-md:block max-md:py-1">
                    <EntryDetailView detail={describeEntry(row, lookup)} caption={name} />
                  </td>
                  <td className="py-2 max-md:block max-md:py-0">
                    {isRevertible(row) && !undone ? (
                      <form method="get" action={`/admin/riwayat/batalkan/${row.id}`}>
                        {query && <input type="hidden" name="kembali" value={query} />}
                        <button type="submit" className="rounded border border-slate-400 px-2 py-0.5 hover:bg-slate-100">{tx("revertAsk")}</button>
                      </form>
                    ) : (
                      !undone && <span className="text-xs text-slate-600">{t("noRevert")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
