/**
 * The admin's reads of results: drafts, published and deleted ones (never for public pages),
 * one result to edit, the options of the result form and the publishing page's counts.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import type { Band } from "@/lib/domain/types";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/text";
import { loadMethodologies } from "@/lib/db/methodologies";
import { RESULT_FOR_WRITE } from "./revisions";

export interface AdminResultFilter {
  year?: number;
  /** REVIEW: with a change waiting for review. */
  status?: "DRAFT" | "PUBLISHED" | "DELETED" | "REVIEW";
  query?: string;
  provinceId?: number;
}

/** Rows per page of the admin's result list. */
export const ADMIN_RESULTS_PAGE_SIZE = 50;
/** The most rows a download of the list writes. */
export const ADMIN_RESULTS_DOWNLOAD_LIMIT = 20_000;

/** Results the actor may see in the admin list: an editor sees its provinces only. */
function scopeWhere(actor: Actor) {
  return isAdmin(actor) ? {} : { entity: { provinceId: { in: [...actor.provinceIds] } } };
}

function adminResultWhere(actor: Actor, filter: AdminResultFilter, prisma: PrismaClient) {
  return {
    ...scopeWhere(actor),
    ...(filter.year ? { year: filter.year } : {}),
    ...(filter.provinceId ? { provinceId: filter.provinceId } : {}),
    ...(filter.status === "DELETED"
      ? { deletedAt: { not: null } }
      : filter.status === "REVIEW"
        ? { revision: { isNot: null } }
        : filter.status
          ? { status: filter.status, deletedAt: null }
          : {}),
    ...(filter.query ? { entity: { ...scopeWhere(actor).entity, name: containsText(prisma, filter.query) } } : {}),
  };
}

const ADMIN_RESULT_INCLUDE = {
  entity: { select: { name: true, type: true, slug: true } },
  province: { select: { name: true } },
  revision: { select: { id: true } },
} as const;

/** One page (1-based) of the results the actor may see, newest change first, and how many match. */
export async function listAdminResults(actor: Actor, filter: AdminResultFilter, prisma: PrismaClient = db(), page = 1) {
  const where = adminResultWhere(actor, filter, prisma);
  const [rows, total] = await Promise.all([
    prisma.result.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * ADMIN_RESULTS_PAGE_SIZE,
      take: ADMIN_RESULTS_PAGE_SIZE,
      include: ADMIN_RESULT_INCLUDE,
    }),
    prisma.result.count({ where }),
  ]);
  return { rows, total, pageSize: ADMIN_RESULTS_PAGE_SIZE };
}

/** Every result of the list as filtered (up to the download limit), for the list's download. */
export async function downloadAdminResults(actor: Actor, filter: AdminResultFilter, prisma: PrismaClient = db()) {
  return prisma.result.findMany({
    where: adminResultWhere(actor, filter, prisma),
    orderBy: [{ year: "desc" }, { id: "asc" }],
    take: ADMIN_RESULTS_DOWNLOAD_LIMIT,
    include: ADMIN_RESULT_INCLUDE,
  });
}

/** The provinces the actor's list can be filtered by. */
export async function adminProvinceOptions(actor: Actor, prisma: PrismaClient = db()) {
  return prisma.province.findMany({
    where: isAdmin(actor) ? {} : { id: { in: [...actor.provinceIds] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** One result to edit, with its sources and its revision waiting for review (lib/ledger/revisions.ts). */
export async function getAdminResult(id: number, prisma: PrismaClient = db()) {
  return prisma.result.findUnique({
    where: { id },
    include: { ...RESULT_FOR_WRITE, entity: { select: { id: true, name: true, type: true, slug: true, provinceId: true } } },
  });
}

export interface EntityOption {
  id: number;
  name: string;
  type: string;
  province: string | null;
}

/** Entities the actor may enter results for, for the searchable select. */
export async function entityOptions(actor: Actor, prisma: PrismaClient = db()): Promise<EntityOption[]> {
  const rows = await prisma.entity.findMany({
    where: isAdmin(actor) ? {} : { provinceId: { in: [...actor.provinceIds] } },
    select: { id: true, name: true, type: true, province: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, province: r.province?.name ?? null }));
}

export interface MethodologyOption {
  year: number;
  name: string;
  bandsVerified: boolean;
  bands: Band[];
  dimensions: { code: string; name: string }[];
}

/** Every year's method, newest first, for the form's year select, its computed zone and its dimension fields. */
export async function methodologyOptions(prisma: PrismaClient = db()): Promise<MethodologyOption[]> {
  const methodologies = [...(await loadMethodologies(prisma)).values()].reverse();
  return methodologies.map((m) => ({
    year: m.year,
    name: m.name,
    bandsVerified: m.bandsVerified,
    bands: [...m.bands],
    dimensions: m.dimensions.map((d) => ({ code: d.code, name: d.name })),
  }));
}

/**
 * Counts per year and entity type, for the publishing page: drafts, published results, and
 * results with a change waiting for review (a revision: of a published result, deleted ones
 * included, or of a draft) — what publishing the year or type would make public.
 */
export async function publicationSummary(prisma: PrismaClient = db()) {
  const rows = await prisma.result.findMany({
    where: { OR: [{ deletedAt: null }, { revision: { isNot: null } }] },
    select: { year: true, status: true, deletedAt: true, entity: { select: { type: true } }, revision: { select: { id: true } } },
  });
  type Counts = { drafts: number; published: number; revisions: number };
  const byYear = new Map<number, Map<string, Counts>>();
  for (const r of rows) {
    const types = byYear.get(r.year) ?? new Map<string, Counts>();
    byYear.set(r.year, types);
    const counts = types.get(r.entity.type) ?? { drafts: 0, published: 0, revisions: 0 };
    types.set(r.entity.type, counts);
    if (r.revision) counts.revisions++;
    if (r.deletedAt !== null) continue;
    if (r.status === "PUBLISHED") counts.published++;
    else counts.drafts++;
  }
  return [...byYear.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, types]) => ({
      year,
      types: [...types.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([type, counts]) => ({ type, ...counts })),
    }));
}
