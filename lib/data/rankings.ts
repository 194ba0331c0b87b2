import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildRanking, type RankingGroup, type RankingInput } from "@/lib/domain/ranking-view";
import type { Category, EntityType, Zone } from "@/lib/domain/types";
import { db } from "./db";
import { getMethodologies } from "./methodology";
import { PUBLIC_RESULT_WHERE } from "./visibility";

/** Years that have at least one published result, newest first. */
export async function getPublishedYears(prisma: PrismaClient = db()): Promise<number[]> {
  const rows = await prisma.result.groupBy({
    by: ["year"],
    where: PUBLIC_RESULT_WHERE,
    orderBy: { year: "desc" },
  });
  return rows.map((r) => r.year);
}

export interface NationalRanking {
  year: number;
  methodology: { name: string; bandsVerified: boolean } | null;
  groups: RankingGroup[];
}

/** One year's published results, ranked nationally within each entity type. */
export async function getNationalRanking(year: number, prisma: PrismaClient = db()): Promise<NationalRanking> {
  const [results, methodologies, facts, marks] = await Promise.all([
    prisma.result.findMany({
      where: { year, ...PUBLIC_RESULT_WHERE },
      select: {
        id: true,
        score: true,
        publishedZone: true,
        publishedCategory: true,
        publishedOpinion: true,
        publishedNationalRank: true,
        hasConflict: true,
        sourceUrl: true,
        entity: { select: { name: true, slug: true, type: true } },
        province: { select: { name: true, slug: true } },
        _count: { select: { sources: true } },
      },
    }),
    getMethodologies(prisma),
    prisma.publishedFact.findMany({ where: { year, provinceId: null, metric: "count_assessed" } }),
    prisma.groupCompleteness.findMany({ where: { year, provinceId: null, complete: true } }),
  ]);
  const inputs: RankingInput[] = results.map((r) => ({
    resultId: r.id,
    entity: { name: r.entity.name, slug: r.entity.slug, type: r.entity.type as EntityType },
    province: r.province,
    score: r.score,
    publishedZone: r.publishedZone as Zone | null,
    publishedCategory: r.publishedCategory as Category | null,
    publishedOpinion: r.publishedOpinion,
    publishedNationalRank: r.publishedNationalRank,
    hasConflict: r.hasConflict,
    sourceUrl: r.sourceUrl,
    sourceCount: r._count.sources,
  }));
  const methodology = methodologies.get(year) ?? null;
  const groups = buildRanking(inputs, methodology, {
    assessedCount: (type) => {
      const fact = facts.find((f) => f.entityGroup === type && /^\d+$/.test(f.value));
      return fact ? Number(fact.value) : null;
    },
    markedComplete: (type) => marks.some((m) => m.entityGroup === type),
  });
  return {
    year,
    methodology: methodology ? { name: methodology.name, bandsVerified: methodology.bandsVerified } : null,
    groups,
  };
}
