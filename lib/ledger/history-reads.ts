/** The admin's reads of the audit trail, for the history page (/admin/riwayat). */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/text";

export interface AuditFilter {
  action?: string;
  targetType?: string;
  actorEmail?: string;
  year?: number;
  targetId?: string;
  /** Only the changes since the latest release went public (its entry included). */
  sinceLastRelease?: boolean;
  /** One entry (its revert's confirmation page). */
  auditId?: number;
}

/** The entry of the latest publication: a release's (or its republication), else any PUBLISH. */
export async function lastReleaseEntry(prisma: PrismaClient = db()): Promise<{ id: number; at: Date; note: string } | null> {
  const select = { id: true, at: true, note: true } as const;
  const release = await prisma.auditLog.findFirst({ where: { targetType: "RELEASE", action: { in: ["PUBLISH", "REVERT"] }, after: { contains: '"direction":"publish"' } }, orderBy: { id: "desc" }, select });
  return release ?? (await prisma.auditLog.findFirst({ where: { action: "PUBLISH" }, orderBy: { id: "desc" }, select }));
}

export const PAGE_SIZE = 100;

export async function listAudit(actor: Actor, filter: AuditFilter, prisma: PrismaClient = db()) {
  // An editor sees the changes to results of its provinces, and its own changes.
  let scope = {};
  if (!isAdmin(actor)) {
    const ids = await prisma.result.findMany({ where: { entity: { provinceId: { in: [...actor.provinceIds] } } }, select: { id: true } });
    scope = { OR: [{ actorId: actor.userId }, { targetType: "RESULT", targetId: { in: ids.map((r) => String(r.id)) } }] };
  }
  const since = filter.sinceLastRelease ? await lastReleaseEntry(prisma) : null;
  const where = {
    ...scope,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.actorEmail ? { actorEmail: containsText(prisma, filter.actorEmail.toLowerCase()) } : {}),
    ...(filter.year ? { year: filter.year } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(since ? { id: { gte: since.id } } : {}),
    ...(filter.auditId ? { id: filter.auditId } : {}),
  };
  const rows = await prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, take: PAGE_SIZE });
  // Name the results' entities so a row reads "Kota Banjarmasin 2024", not "RESULT 812".
  const resultIds = [...new Set(rows.filter((r) => r.targetType === "RESULT").map((r) => Number(r.targetId)))];
  const results = await prisma.result.findMany({ where: { id: { in: resultIds } }, select: { id: true, year: true, entity: { select: { name: true } } } });
  const names = new Map(results.map((r) => [String(r.id), `${r.entity.name} ${r.year}`]));
  // Entities by their current name (or the name the row recorded, for one merged away), users by email.
  const entityIds = [...new Set(rows.filter((r) => r.targetType === "ENTITY").map((r) => Number(r.targetId)))];
  const entities = await prisma.entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true } });
  for (const e of entities) names.set(`ENTITY:${e.id}`, e.name);
  const userIds = [...new Set(rows.filter((r) => r.targetType === "USER").map((r) => r.targetId))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  for (const u of users) names.set(`USER:${u.id}`, u.email);
  const tokenIds = [...new Set(rows.filter((r) => r.targetType === "API_TOKEN").map((r) => Number(r.targetId)))];
  const tokens = await prisma.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true, prefix: true } });
  for (const t of tokens) names.set(`API_TOKEN:${t.id}`, `${t.name} (${t.prefix}…)`);
  const releaseIds = [...new Set(rows.filter((r) => r.targetType === "RELEASE").map((r) => Number(r.targetId)))];
  const releases = await prisma.release.findMany({ where: { id: { in: releaseIds } }, select: { id: true, name: true } });
  for (const r of releases) names.set(`RELEASE:${r.id}`, r.name);
  // A release's publication or withdrawal is undone by the next one: only its latest can be reverted.
  const latest = new Map<string, number>();
  for (const r of await prisma.auditLog.findMany({
    where: { targetType: "RELEASE", targetId: { in: releaseIds.map(String) }, action: { in: ["PUBLISH", "UNPUBLISH", "REVERT"] } },
    select: { id: true, targetId: true },
  })) {
    latest.set(r.targetId, Math.max(latest.get(r.targetId) ?? 0, r.id));
  }
  // Rows already undone: marked, and their revert button gone.
  const reverts = await prisma.auditLog.findMany({ where: { revertOfId: { in: rows.map((r) => r.id) } }, select: { id: true, revertOfId: true }, orderBy: { id: "asc" } });
  const revertedBy = new Map(reverts.map((r) => [r.revertOfId!, r.id]));
  return rows.map((r) => ({ ...r, targetName: targetName(r, names), revertedBy: revertedBy.get(r.id) ?? null,
    superseded: r.targetType === "RELEASE" && ["PUBLISH", "UNPUBLISH", "REVERT"].includes(r.action) && (latest.get(r.targetId) ?? r.id) !== r.id,
  }));
}

function targetName(row: { targetType: string; targetId: string; before: string | null; after: string | null }, names: Map<string, string>): string {
  if (row.targetType === "RESULT") return names.get(row.targetId) ?? `#${row.targetId}`;
  const known = names.get(`${row.targetType}:${row.targetId}`);
  if (known) return `${known} (#${row.targetId})`;
  const snapshot = (JSON.parse(row.after ?? row.before ?? "{}") ?? {}) as { name?: unknown };
  return typeof snapshot.name === "string" ? `${snapshot.name} (#${row.targetId})` : row.targetId;
}

/** The fields that differ between two JSON snapshots, for display. */
export function changedFields(before: string | null, after: string | null): { field: string; before: unknown; after: unknown }[] {
  const b = before ? (JSON.parse(before) as Record<string, unknown>) : {};
  const a = after ? (JSON.parse(after) as Record<string, unknown>) : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: f, before: b[f] ?? null, after: a[f] ?? null }));
}
