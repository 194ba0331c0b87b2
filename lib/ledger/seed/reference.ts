import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { entityKey, slugify } from "@/lib/domain/normalize";
import type { EntityType } from "@/lib/domain/types";
import { readCsv } from "./csv";

/**
 * Provinces formed by a split (the 2022 splits of Papua and Papua Barat), as data: the province
 * their areas came from, the date and the law that formed them (data/seed/province-history.json).
 */
export interface ProvinceSplit {
  code: string;
  from: string;
  /** ISO date the law was enacted ("2022-07-25"). */
  formedOn: string;
  law: string;
}

const provinceHistorySchema = z.array(
  z.object({
    code: z.string().regex(/^\d{2}$/),
    name: z.string(),
    from: z.string().regex(/^\d{2}$/),
    formedOn: z.iso.date(),
    law: z.string().min(1),
  }),
);

export const PROVINCE_HISTORY_FILE = join(process.cwd(), "data", "seed", "province-history.json");

export function readProvinceHistory(file = PROVINCE_HISTORY_FILE): ProvinceSplit[] {
  const parsed = provinceHistorySchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data.map(({ code, from, formedOn, law }) => ({ code, from, formedOn, law }));
}

export type RegencyKind = "KABUPATEN" | "KOTA" | "KABUPATEN_ADMINISTRASI" | "KOTA_ADMINISTRASI";

const KIND_PREFIXES: readonly [string, RegencyKind][] = [
  ["Kabupaten Administrasi ", "KABUPATEN_ADMINISTRASI"],
  ["Kota Administrasi ", "KOTA_ADMINISTRASI"],
  ["Kabupaten ", "KABUPATEN"],
  ["Kota ", "KOTA"],
];

export function regencyKind(name: string): { kind: RegencyKind; shortName: string } {
  for (const [prefix, kind] of KIND_PREFIXES) {
    if (name.startsWith(prefix)) return { kind, shortName: name.slice(prefix.length) };
  }
  throw new Error(`idn-area-data: cannot tell kabupaten from kota in "${name}"`);
}

const GOVERNMENT_TYPE: Record<RegencyKind, EntityType> = {
  KABUPATEN: "PEMKAB",
  KOTA: "PEMKOT",
  KABUPATEN_ADMINISTRASI: "KABUPATEN_ADMINISTRASI",
  KOTA_ADMINISTRASI: "KOTA_ADMINISTRASI",
};

function idnAreaDataDir(): string {
  const require = createRequire(join(process.cwd(), "package.json"));
  return join(dirname(require.resolve("idn-area-data/package.json")), "data");
}

export interface EntitySeed {
  type: EntityType;
  name: string;
  slug: string;
  regencyCode: string | null;
  provinceCode: string | null;
  aliases: string[];
}

/** The government and land-office entities that exist from the reference data alone. */
export function referenceEntities(
  provinces: readonly { code: string; name: string }[],
  regencies: readonly { code: string; provinceCode: string; name: string }[],
): EntitySeed[] {
  const out: EntitySeed[] = [];
  for (const p of provinces) {
    out.push({
      type: "PEMPROV",
      name: `Provinsi ${p.name}`,
      slug: `pemprov-${slugify(p.name)}`,
      regencyCode: null,
      provinceCode: p.code,
      aliases: [`Pemprov ${p.name}`, `Pemerintah Provinsi ${p.name}`, p.name],
    });
  }
  // A Kantor Pertanahan of a kota is told apart from the kabupaten's only where both exist.
  const kabupatenNames = new Set(
    regencies.filter((r) => regencyKind(r.name).kind === "KABUPATEN").map((r) => slugify(regencyKind(r.name).shortName)),
  );
  for (const r of regencies) {
    const { kind, shortName } = regencyKind(r.name);
    const type = GOVERNMENT_TYPE[kind];
    const short = slugify(shortName);
    const govSlug =
      kind === "KABUPATEN" ? `pemkab-${short}` : kind === "KOTA" ? `pemkot-${short}` : slugify(r.name);
    const govAliases =
      kind === "KABUPATEN"
        ? [`Kab. ${shortName}`, `Pemkab ${shortName}`, `Pemerintah Kabupaten ${shortName}`, shortName]
        : kind === "KOTA"
          ? [`Pemkot ${shortName}`, `Pemerintah Kota ${shortName}`, shortName]
          : [shortName];
    out.push({ type, name: r.name, slug: govSlug, regencyCode: r.code, provinceCode: r.provinceCode, aliases: govAliases });

    const isCityLike = kind === "KOTA" || kind === "KOTA_ADMINISTRASI";
    
    const sharesName = isCityLike && kabupatenNames.has(short);
    // "Kantor Pertanahan Kupang" is the kabupaten's where a Kota Kupang also exists.
    const landAliases = [`Kantah ${r.name}`, `BPN ${r.name}`];
    if (!sharesName) landAliases.push(`Kantor Pertanahan ${shortName}`);
    if (isCityLike) landAliases.push(`Kantor Pertanahan Kota ${shortName}`);
    out.push({
      type: "KANTOR_PERTANAHAN",
      name: `Kantor Pertanahan ${r.name}`,
      slug: `kantor-pertanahan-${sharesName ? `kota-${short}` : short}`,
      regencyCode: r.code,
      provinceCode: r.provinceCode,
      aliases: landAliases,
    });
  }
  return out;
}

export interface ReferenceData {
  provinces: { code: string; name: string }[];
  regencies: { code: string; provinceCode: string; name: string }[];
  splits: ProvinceSplit[];
}

export function readReferenceData(dir = idnAreaDataDir(), historyFile = PROVINCE_HISTORY_FILE): ReferenceData {
  const provinces = readCsv(join(dir, "provinces.csv"), ["code", "name"]).map((r) => ({
    code: r.values.code!,
    name: r.values.name!,
  }));
  const regencies = readCsv(join(dir, "regencies.csv"), ["code", "province_code", "name"]).map((r) => ({
    code: r.values.code!,
    provinceCode: r.values.province_code!,
    name: r.values.name!,
  }));
  return { provinces, regencies, splits: readProvinceHistory(historyFile) };
}

/** Upsert provinces, regencies and the entities that exist from them. Idempotent. */
export async function seedReference(prisma: PrismaClient, ref: ReferenceData = readReferenceData()): Promise<void> {
  const splits = new Map(ref.splits.map((s) => [s.code, s]));
  for (const p of ref.provinces) {
    const split = splits.get(p.code);
    const history = {
      formedIn: split ? Number(split.formedOn.slice(0, 4)) : null,
      formedOn: split ? new Date(`${split.formedOn}T00:00:00Z`) : null,
      formedBy: split?.law ?? null,
    };
    await prisma.province.upsert({
      where: { code: p.code },
      create: { code: p.code, name: p.name, slug: slugify(p.name), ...history },
      update: { name: p.name, slug: slugify(p.name), ...history },
    });
  }
  const provinceIds = new Map((await prisma.province.findMany()).map((p) => [p.code, p.id]));
  for (const split of ref.splits) {
    const id = provinceIds.get(split.code);
    if (id !== undefined) await prisma.province.update({ where: { id }, data: { splitFromId: provinceIds.get(split.from) ?? null } });
  }

  const existingRegencies = new Set((await prisma.regency.findMany({ select: { code: true } })).map((r) => r.code));
  const newRegencies = ref.regencies.filter((r) => !existingRegencies.has(r.code));
  if (newRegencies.length > 0) {
    await prisma.regency.createMany({
      data: newRegencies.map((r) => {
        const { kind, shortName } = regencyKind(r.name);
        const provinceId = provinceIds.get(r.provinceCode);
        if (provinceId === undefined) throw new Error(`idn-area-data: regency ${r.code} has unknown province ${r.provinceCode}`);
        const split = splits.get(r.provinceCode);
        return {
          code: r.code,
          name: r.name,
          kind,
          shortName,
          provinceId,
          formerProvinceId: split ? (provinceIds.get(split.from) ?? null) : null,
        };
      }),
    });
  }
  const regencyIds = new Map((await prisma.regency.findMany({ select: { code: true, id: true } })).map((r) => [r.code, r.id]));
  await upsertEntities(
    prisma,
    referenceEntities(ref.provinces, ref.regencies),
    (code) => regencyIds.get(code) ?? null,
    (code) => provinceIds.get(code) ?? null,
  );
}

/** Create missing entities (by slug) and their aliases. Existing entities are left as they are. */
export async function upsertEntities(
  prisma: PrismaClient,
  seeds: readonly EntitySeed[],
  regencyId: (code: string) => number | null,
  provinceId: (code: string) => number | null,
): Promise<void> {
  const existing = new Set((await prisma.entity.findMany({ select: { slug: true } })).map((e) => e.slug));
  const fresh = seeds.filter((s) => !existing.has(s.slug));
  if (fresh.length > 0) {
    await prisma.entity.createMany({
      data: fresh.map((s) => ({
        type: s.type,
        name: s.name,
        slug: s.slug,
        regencyId: s.regencyCode ? regencyId(s.regencyCode) : null,
        provinceId: s.provinceCode ? provinceId(s.provinceCode) : null,
      })),
    });
  }
  const ids = new Map(
    (await prisma.entity.findMany({ where: { slug: { in: seeds.map((s) => s.slug) } }, select: { slug: true, id: true } })).map(
      (e) => [e.slug, e.id],
    ),
  );
  const existingAliases = new Set(
    (await prisma.entityAlias.findMany({ select: { entityId: true, alias: true } })).map((a) => `${a.entityId}|${a.alias}`),
  );
  const aliasRows: { entityId: number; alias: string; key: string }[] = [];
  for (const s of seeds) {
    const entityId = ids.get(s.slug)!;
    for (const alias of new Set([s.name, ...s.aliases])) {
      if (existingAliases.has(`${entityId}|${alias}`)) continue;
      existingAliases.add(`${entityId}|${alias}`);
      aliasRows.push({ entityId, alias, key: entityKey(s.type, alias) });
    }
  }
  if (aliasRows.length > 0) await prisma.entityAlias.createMany({ data: aliasRows });
}
