import type { PrismaClient } from "@/lib/generated/prisma/client";
import { provinceKey } from "@/lib/domain/normalize";
import { readCsv, SeedRowError } from "./csv";

export const FACT_COLUMNS = ["year", "province", "entity_type", "metric", "value", "source_url", "notes"] as const;

/** Load published aggregate facts; idempotent by origin (file and line). */
export async function seedFacts(prisma: PrismaClient, file: string, label: string): Promise<number> {
  const rows = readCsv(file, FACT_COLUMNS);
  const provinces = new Map((await prisma.province.findMany({ select: { id: true, name: true } })).map((p) => [provinceKey(p.name), p.id]));
  const existing = new Set((await prisma.publishedFact.findMany({ select: { origin: true } })).map((f) => f.origin));
  const data = rows
    .filter((row) => !existing.has(`${label}:${row.line}`))
    .map((row) => {
      const v = row.values;
      const fail = (message: string): never => {
        throw new SeedRowError(label, row.line, message);
      };
      if (!/^\d{4}$/.test(v.year ?? "")) fail(`year "${v.year}" is not a year`);
      const provinceName = v.province ?? "";
      const provinceId =
        provinceName === "NASIONAL" ? null : (provinces.get(provinceKey(provinceName)) ?? fail(`unknown province "${provinceName}"`));
      if (!v.entity_type) fail("entity_type is empty");
      if (!v.metric) fail("metric is empty");
      if (!v.value) fail("value is empty");
      if (!/^https?:\/\//.test(v.source_url ?? "")) fail(`source_url "${v.source_url}" is not a URL`);
      return {
        year: Number(v.year),
        provinceId,
        entityGroup: v.entity_type!,
        metric: v.metric!,
        value: v.value!,
        sourceUrl: v.source_url!,
        notes: v.notes ?? "",
        origin: `${label}:${row.line}`,
      };
    });
  if (data.length > 0) await prisma.publishedFact.createMany({ data });
  return data.length;
}
