/**
 * The admin's reads of releases (/admin/rilis): the results a selection offers, with their names
 * and the values the public would see — now and once released — and the releases themselves.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { db } from "@/lib/db/client";
import { loadMethodologies } from "@/lib/db/methodologies";
import { candidateIds, type ReleaseSelection, type ReleaseStatus } from "./releases";
import { releaseRecord } from "./release-withdraw";
import { publicState, RESULT_FOR_WRITE, workingState } from "./revisions";
import { shownResult, type ShownResult } from "./revision-reads";

export interface ReleaseRow {
  resultId: number;
  entity: string;
  entityType: string;
  province: string | null;
  year: number;
  /** "draft": not public yet; "revision": a change to a published result (public at `now`); "published": public, nothing waits. */
  kind: "draft" | "revision" | "published";
  /** What the public sees now (null: nothing, a draft). */
  now: ShownResult | null;
  /** What the public will see once released. */
  next: ShownResult;
}

/** The rows of these results, in the order of their names. */
export async function releaseRows(ids: readonly number[], prisma: PrismaClient = db()): Promise<ReleaseRow[]> {
  if (ids.length === 0) return [];
  const results = [];
  for (let i = 0; i < ids.length; i += 500) {
    results.push(
      ...(await prisma.result.findMany({
        where: { id: { in: ids.slice(i, i + 500) } },
        include: { ...RESULT_FOR_WRITE, entity: { select: { provinceId: true, name: true, type: true } } },
      })),
    );
  }
  const entityIds = [...new Set(results.flatMap((r) => [r.entityId, r.revision?.entityId ?? r.entityId]))];
  const [entities, provinces, methodologies] = await Promise.all([
    prisma.entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true } }),
    prisma.province.findMany({ select: { id: true, name: true } }),
    loadMethodologies(prisma),
  ]);
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const provinceName = new Map(provinces.map((p) => [p.id, p.name]));
  const names = {
    entity: (id: number) => entityName.get(id) ?? `#${id}`,
    province: (id: number | null) => (id === null ? null : (provinceName.get(id) ?? `#${id}`)),
  };
  return results
    .map((r) => {
      const isPublic = r.status === "PUBLISHED" && r.deletedAt === null;
      const next = workingState(r);
      return {
        resultId: r.id,
        entity: r.entity.name,
        entityType: r.entity.type,
        province: names.province(r.entity.provinceId),
        year: r.year,
        kind: r.revision ? ("revision" as const) : isPublic ? ("published" as const) : ("draft" as const),
        now: isPublic ? shownResult(publicState(r), names, methodologies.get(r.year)) : null,
        next: shownResult(next, names, methodologies.get(next.year)),
      };
    })
    .sort((a, b) => a.entity.localeCompare(b.entity, "id") || a.resultId - b.resultId);
}

/** What a selection offers the actor, as rows. */
export async function releaseCandidates(actor: Actor, selection: ReleaseSelection, prisma: PrismaClient = db()): Promise<ReleaseRow[]> {
  return releaseRows(await candidateIds(actor, selection, prisma), prisma);
}

export interface ReleaseSummary {
  id: number;
  name: string;
  status: ReleaseStatus;
  scheduledAt: Date | null;
  submittedBy: string;
  submittedById: string | null;
  submittedAt: Date;
  approvedBy: string | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  note: string;
  count: number;
  publishAuditId: number | null;
}

/** Releases an actor may see (an editor: the ones it submitted), newest first. */
export async function listReleases(actor: Actor, prisma: PrismaClient = db()): Promise<ReleaseSummary[]> {
  const rows = await prisma.release.findMany({
    where: isAdmin(actor) ? {} : { submittedById: actor.userId },
    orderBy: { id: "desc" },
    take: 200,
    include: { _count: { select: { items: true } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, status: r.status as ReleaseStatus, count: _count.items }));
}

export interface ReleaseDetail extends ReleaseSummary {
  rows: ReleaseRow[];
  /** For a published or withdrawn release: its rows as the publication recorded them. */
  published: { resultId: number; entity: string; year: number; revision: boolean }[];
}

export async function releaseDetail(actor: Actor, id: number, prisma: PrismaClient = db()): Promise<ReleaseDetail | null> {
  const release = await prisma.release.findUnique({ where: { id }, include: { items: { select: { resultId: true } } } });
  if (!release) return null;
  if (!isAdmin(actor) && release.submittedById !== actor.userId) return null;
  const ids = release.items.map((i) => i.resultId);
  let published: ReleaseDetail["published"] = [];
  if (release.publishAuditId !== null) {
    const audit = await prisma.auditLog.findUnique({ where: { id: release.publishAuditId }, select: { after: true } });
    const record = releaseRecord(audit?.after ?? null);
    published = record ? record.rows.map((r) => ({ resultId: r.resultId, entity: r.entity, year: r.year, revision: r.revision })) : [];
  }
  const { items: _items, ...rest } = release;
  void _items;
  return { ...rest, status: release.status as ReleaseStatus, count: ids.length, rows: await releaseRows(ids, prisma), published };
}

/** The choices of the selection form: years that have results, provinces (an editor: its own). */
export async function releaseFormOptions(actor: Actor, prisma: PrismaClient = db()): Promise<{ years: number[]; provinces: { id: number; name: string }[] }> {
  const [years, provinces] = await Promise.all([
    prisma.result.groupBy({ by: ["year"], orderBy: { year: "desc" } }),
    prisma.province.findMany({ where: isAdmin(actor) ? {} : { id: { in: [...actor.provinceIds] } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { years: years.map((y) => y.year), provinces };
}
