/**
 * A deterministic national-scale dataset for benchmarks: every Pemprov, Pemkab, Pemkot and
 * Kantor Pertanahan of the reference data, ~500 Polres and 40 ministries and agencies, scored
 * every assessment year 2015–2025 (none in 2020). Never written into the real database: the
 * bench script points it at its own SQLite file.
 */
import { join } from "node:path";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { classifyScore } from "@/lib/domain/classify";
import { storedClassification } from "./classification";
import { slugify, entityKey } from "@/lib/domain/normalize";
import type { EntityType, Methodology } from "@/lib/domain/types";
import { loadMethodologies } from "@/lib/db/methodologies";
import { readMethodologies, seedMethodologies } from "./seed/methodology";
import { seedReference } from "./seed/reference";

export const SYNTHETIC_YEARS = [2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025] as const;

/** mulberry32: a small, fast, seeded PRNG; the same seed always gives the same dataset. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Zone of a year without bands on record, as sources of that era published it. */
function legacyZone(score: number): "HIJAU" | "KUNING" | "MERAH" {
  return score >= 8100 ? "HIJAU" : score >= 5100 ? "KUNING" : "MERAH";
}

export interface SyntheticSummary {
  entities: number;
  results: number;
  drafts: number;
}

export async function generateSyntheticDataset(
  prisma: PrismaClient,
  options: { seed?: number; seedDir: string },
): Promise<SyntheticSummary> {
  const random = seededRandom(options.seed ?? 20261123);
  await seedReference(prisma);
  await seedMethodologies(prisma, readMethodologies(join(options.seedDir, "methodology.json")));
  const methodologies: Map<number, Methodology> = await loadMethodologies(prisma);

  // Polres for most kabupaten/kota, ministries and agencies: created as results would name them.
  const regencies = await prisma.regency.findMany({ orderBy: { code: "asc" } });
  const extra: { type: EntityType; name: string; slug: string; provinceId: number | null; regencyId: number | null }[] = [];
  regencies.slice(0, 500).forEach((r) => {
    const name = `Polres ${r.kind === "KOTA" ? `${r.shortName} Kota` : r.shortName}`;
    extra.push({ type: "POLRES", name, slug: `${slugify(name)}-${r.code.replace(".", "-")}`, provinceId: r.provinceId, regencyId: r.id });
  });
  for (let i = 1; i <= 28; i++) {
    const name = `Kementerian Sintetis ${String(i).padStart(2, "0")}`;
    extra.push({ type: "KEMENTERIAN", name, slug: slugify(name), provinceId: null, regencyId: null });
  }
  for (let i = 1; i <= 12; i++) {
    const name = `Lembaga Sintetis ${String(i).padStart(2, "0")}`;
    extra.push({ type: "LEMBAGA", name, slug: slugify(name), provinceId: null, regencyId: null });
  }
  const existingSlugs = new Set((await prisma.entity.findMany({ select: { slug: true } })).map((e) => e.slug));
  const fresh = extra.filter((e) => !existingSlugs.has(e.slug));
  if (fresh.length > 0) await prisma.entity.createMany({ data: fresh });
  const created = await prisma.entity.findMany({ where: { slug: { in: fresh.map((e) => e.slug) } } });
  if (created.length > 0) {
    await prisma.entityAlias.createMany({
      data: created.map((e) => ({ entityId: e.id, alias: e.name, key: entityKey(e.type as EntityType, e.name) })),
    });
  }

  const entities = await prisma.entity.findMany({ orderBy: { id: "asc" }, select: { id: true, type: true, provinceId: true } });
  await prisma.resultSource.deleteMany({});
  await prisma.result.deleteMany({});
  await prisma.publishedFact.deleteMany({});

  let results = 0;
  let drafts = 0;
  const batch: Prisma.ResultCreateManyInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await prisma.result.createMany({ data: batch.splice(0, batch.length) });
  };
  const counts = new Map<string, number>();
  for (const entity of entities) {
    let level = 72 + 9 * normal(random);
    for (const year of SYNTHETIC_YEARS) {
      level = Math.min(99, level + 1.2 + 2.5 * normal(random));
      // Round to whole tenths for a share of rows, so ties occur as they do in real data.
      const raw = Math.max(20, Math.min(100, level + 3 * normal(random)));
      const score = random() < 0.15 ? Math.round(raw * 10) * 10 : Math.round(raw * 100);
      const methodology = methodologies.get(year);
      const classification = classifyScore(score, methodology);
      const draft = year === 2025 && entity.type === "KANTOR_PERTANAHAN";
      const dimensions =
        year >= 2022
          ? JSON.stringify(
              Object.fromEntries(
                ["input", "proses", "output", "pengaduan"].map((code) => [
                  code,
                  Math.max(0, Math.min(10000, score + Math.round(400 * normal(random)))),
                ]),
              ),
            )
          : null;
      batch.push({
        entityId: entity.id,
        year,
        provinceId: entity.provinceId,
        score,
        dimensionScores: dimensions,
        publishedZone: classification ? classification.zone : legacyZone(score),
        publishedCategory: classification?.category ?? null,
        ...storedClassification(score, methodology),
        status: draft ? "DRAFT" : "PUBLISHED",
        publishedAt: draft ? null : new Date(Date.UTC(year, 11, 10)),
        sourceUrl: "https://example.org/rapor-bench-synthetic",
        notes: "synthetic benchmark data",
        createdBy: "bench",
        updatedBy: "bench",
      });
      results++;
      if (draft) drafts++;
      else {
        const key = `${year}|${entity.type}|${entity.provinceId ?? "N"}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        const national = `${year}|${entity.type}|N`;
        if (entity.provinceId !== null) counts.set(national, (counts.get(national) ?? 0) + 1);
      }
      if (batch.length >= 1000) await flush();
    }
  }
  await flush();
  // Published counts per (year, type, province) and nationally: every group is complete.
  await prisma.publishedFact.createMany({
    data: [...counts].map(([key, value]) => {
      const [year, type, province] = key.split("|");
      return {
        year: Number(year),
        provinceId: province === "N" ? null : Number(province),
        entityGroup: type!,
        metric: "count_assessed",
        value: String(value),
        sourceUrl: "https://example.org/rapor-bench-synthetic",
        notes: "synthetic",
        origin: "synthetic",
      };
    }),
  });
  return { entities: entities.length, results, drafts };
}
