import { parseYear } from "@/lib/domain/numbers";
import type { AuditFilter } from "@/lib/ledger/history-reads";

export const ACTIONS = ["CREATE", "UPDATE", "DELETE", "RESTORE", "PUBLISH", "UNPUBLISH", "DISCARD", "MERGE", "REVERT", "IMPORT", "SUBMIT", "SCHEDULE", "RETURN"] as const;
export const TARGETS = ["RESULT", "ENTITY", "METHODOLOGY", "USER", "API_TOKEN", "IMPORT", "RELEASE"] as const;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const get = (params: Params, key: string): string => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
};

/** The history's filters from its address (unknown values dropped). */
export function historyFilter(params: Params): AuditFilter {
  return {
    action: ACTIONS.find((a) => a === get(params, "tindakan")),
    targetType: TARGETS.find((x) => x === get(params, "jenis")),
    actorEmail: get(params, "oleh").trim() || undefined,
    year: parseYear(get(params, "tahun")) ?? undefined,
    targetId: get(params, "id").trim() || undefined,
    sinceLastRelease: get(params, "sejak") === "rilis" || undefined,
  };
}

/** The filters back as a query string: kept across a revert and its confirmation. */
export function historyQuery(filter: AuditFilter): string {
  const params = new URLSearchParams();
  if (filter.action) params.set("tindakan", filter.action);
  if (filter.targetType) params.set("jenis", filter.targetType);
  if (filter.actorEmail) params.set("oleh", filter.actorEmail);
  if (filter.year) params.set("tahun", String(filter.year));
  if (filter.targetId) params.set("id", filter.targetId);
  if (filter.sinceLastRelease) params.set("sejak", "rilis");
  return params.toString();
}
