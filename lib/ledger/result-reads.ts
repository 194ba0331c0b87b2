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

export interface AdminResultFilter {
  year?: number;
  status?: "DRAFT" | "PUBLISHED" | "DELETED";
  query?: string;
}

/** Results the actor may see in the admin list: an editor sees its provinces only. */
function scopeWhere(actor: Actor) {
  return isAdmin(actor) ? {} : { entity: { provinceId: { in: [...actor.provinceIds] } } };
}

export async function listAdminResults(actor: Actor, filter: AdminResultFilter, prisma: PrismaClient = db()) {
  const where = {
    ...scopeWhere(actor),
    ...(filter.year ? { year: filter.year } : {}),
    ...(filter.status === "DELETED"
      ? { deletedAt: { not: null } }
      : filter.status
        ? { status: filter.status, deletedAt: null }
        : {}),
    ...(filter.query ? { entity: { ...scopeWhere(actor).entity, name: containsText(prisma, filter.query) } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.result.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 100,
      include: { entity: { select: { name: true, type: true, slug: true } }, province: { select: { name: true } } },
    }),
    prisma.result.count({ where }),
  ]);
  return { rows, total };
}

export async function getAdminResult(id: number, prisma: PrismaClient = db()) {
  return prisma.result.findUnique({
    where: { id },
    include: { entity: { select: { id: true, name: true, type: true, slug: true, provinceId: true } } },
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

/** Counts of drafts and published results per year and entity type, for the publishing page. */
export async function publicationSummary(prisma: PrismaClient = db()) {
  const rows = await prisma.result.findMany({
    where: { deletedAt: null },
    select: { year: true, status: true, entity: { select: { type: true } } },
  });
  const byYear = new Map<number, Map<string, { drafts: number; published: number }>>();
  for (const r of rows) {
    const types = byYear.get(r.year) ?? new Map<string, { drafts: number; published: number }>();
    byYear.set(r.year, types);
    const counts = types.get(r.entity.type) ?? { drafts: 0, published: 0 };
    types.set(r.entity.type, counts);
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
