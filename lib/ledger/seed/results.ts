import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storedClassification } from "../classification";
import { acceptedProvinces, addToIndex, buildEntityIndex, matchEntity, type EntityIndex } from "@/lib/domain/match";
import { entityKey, provinceKey, slugify } from "@/lib/domain/normalize";
import { choosePrimary, type SourceReport } from "@/lib/domain/primary";
import { parseScore } from "@/lib/domain/score";
import { CATEGORIES, ENTITY_TYPES, ZONES, type Category, type EntityType, type Methodology, type Zone } from "@/lib/domain/types";
import { readCsv, type CsvRow } from "./csv";

export const RESULT_COLUMNS = [
  "year", "entity_type", "entity_name", "province", "score", "zone", "category", "opinion",
  "national_rank", "province_rank", "source_url", "notes",
] as const;

/** Entity types created as results name them (the others exist from reference data). */
const CREATED_FROM_RESULTS: readonly EntityType[] = ["KEMENTERIAN", "LEMBAGA", "POLRES", "POLDA", "KANWIL_BPN", "OTHER"];

const DISPLAY_PREFIX: Partial<Record<EntityType, string>> = {
  POLRES: "Polres",
  POLDA: "Polda",
  KANWIL_BPN: "Kanwil BPN",
};

export class SeedRowError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file} line ${line}: ${message}`);
  }
}

export interface ParsedResultRow extends SourceReport {
  line: number;
  year: number;
  type: EntityType;
  entityName: string;
  provinceName: string;
  notes: string;
}

function optionalInt(value: string, what: string, fail: (m: string) => never): number | null {
  if (value === "") return null;
  if (!/^\d+$/.test(value)) fail(`${what} "${value}" is not a whole number`);
  return Number(value);
}

/** Parse and validate one row of results.csv; throws with the line number on bad input. */
export function parseResultRow(row: CsvRow, file: string): ParsedResultRow {
  const v = row.values;
  const fail = (message: string): never => {
    throw new SeedRowError(file, row.line, message);
  };
  const year = optionalInt(v.year ?? "", "year", fail) ?? fail("year is empty");
  const type = (v.entity_type ?? "") as EntityType;
  if (!ENTITY_TYPES.includes(type)) fail(`unknown entity_type "${v.entity_type}"`);
  const entityName = v.entity_name ?? "";
  if (!entityName) fail("entity_name is empty");
  let score: number | null = null;
  if (v.score) {
    const parsed = parseScore(v.score);
    if (!parsed.ok) fail(`score "${v.score}" is not a score of 0–100 with at most two decimals`);
    else score = parsed.hundredths;
  }
  const zone = (v.zone || null) as Zone | null;
  if (zone && !ZONES.includes(zone)) fail(`unknown zone "${v.zone}"`);
  const category = (v.category || null) as Category | null;
  if (category && !CATEGORIES.includes(category)) fail(`unknown category "${v.category}"`);
  const sourceUrl = v.source_url ?? "";
  if (!/^https?:\/\//.test(sourceUrl)) fail(`source_url "${sourceUrl}" is not a URL`);
  return {
    line: row.line,
    year,
    type,
    entityName,
    provinceName: v.province ?? "",
    score,
    zone,
    category,
    opinion: v.opinion || null,
    nationalRank: optionalInt(v.national_rank ?? "", "national_rank", fail),
    provinceRank: optionalInt(v.province_rank ?? "", "province_rank", fail),
    sourceUrl,
    notes: v.notes ?? "",
  };
}

interface ProvinceInfo {
  id: number;
  key: string;
  splitFromId: number | null;
  formedIn: number | null;
}

export async function loadProvinces(prisma: PrismaClient): Promise<ProvinceInfo[]> {
  const provinces = await prisma.province.findMany({
    select: { id: true, name: true, splitFromId: true, formedIn: true },
  });
  return provinces.map((p) => ({ id: p.id, key: provinceKey(p.name), splitFromId: p.splitFromId, formedIn: p.formedIn }));
}

export function findProvince(provinces: readonly ProvinceInfo[], name: string): ProvinceInfo | undefined {
  const key = provinceKey(name);
  return provinces.find((p) => p.key === key);
}

/** The row's province, plus, before a split, the provinces later formed from it. */

export async function loadEntityIndex(prisma: PrismaClient): Promise<EntityIndex> {
  const entities = await prisma.entity.findMany({ select: { id: true, type: true, provinceId: true, aliases: { select: { key: true } } } });
  return buildEntityIndex(
    entities.map((e) => ({ id: e.id, type: e.type as EntityType, provinceId: e.provinceId, keys: e.aliases.map((a) => a.key) })),
  );
}

function polresAliases(name: string, notes: string): string[] {
  const aliases = [`Polres ${name}`];
  if (/polrestabes/i.test(notes)) aliases.push(`Polrestabes ${name}`);
  else if (/polresta/i.test(notes)) aliases.push(`Polresta ${name}`);
  return aliases;
}

/**
 * Load results.csv: every row is kept as a ResultSource; rows of one entity-year become one
 * Result whose primary value follows PRIMARY_RULE. Unmatched rows fail with their line.
 * Idempotent: results and sources that exist already are left untouched.
 */
export async function seedResults(
  prisma: PrismaClient,
  file: string,
  methodologies: ReadonlyMap<number, Methodology>,
  label = "results.csv",
): Promise<{ results: number; sources: number; createdEntities: number }> {
  const rows = readCsv(file, RESULT_COLUMNS).map((r) => parseResultRow(r, label));
  const provinces = await loadProvinces(prisma);
  const index = await loadEntityIndex(prisma);
  // Regency keys in the Polres/land-office form: "balangan", "kota:banjarmasin".
  const regencies = (await prisma.regency.findMany({ select: { id: true, provinceId: true, name: true } })).map((r) => ({
    ...r,
    key: entityKey("KANTOR_PERTANAHAN", r.name),
  }));
  const slugs = new Set((await prisma.entity.findMany({ select: { slug: true } })).map((e) => e.slug));
  let createdEntities = 0;

  const groups = new Map<string, { entityId: number; year: number; provinceId: number | null; rows: ParsedResultRow[] }>();
  for (const row of rows) {
    const fail = (message: string): never => {
      throw new SeedRowError(label, row.line, message);
    };
    let province: ProvinceInfo | null = null;
    if (row.provinceName) province = findProvince(provinces, row.provinceName) ?? fail(`unknown province "${row.provinceName}"`);
    const accepted = province ? acceptedProvinces(provinces, province, row.year) : null;
    let match = matchEntity(index, row.type, row.entityName, accepted);
    if (match.kind === "ambiguous") {
      throw new SeedRowError(label, row.line, `"${row.entityName}" (${row.type}) matches ${match.candidates.length} entities; add the province or a distinguishing alias`,
      );
    }
    if (match.kind === "none") {
      if (!CREATED_FROM_RESULTS.includes(row.type)) {
        fail(`no ${row.type} named "${row.entityName}" in ${row.provinceName || "the reference data"}`);
      }
      const prefix = DISPLAY_PREFIX[row.type];
      const name = prefix ? `${prefix} ${row.entityName}` : row.entityName;
      let slug = slugify(name);
      if (slugs.has(slug) && province) slug = `${slug}-${slugify(row.provinceName)}`;
      if (slugs.has(slug)) fail(`cannot create "${name}": slug ${slug} is taken`);
      slugs.add(slug);
      // Link a Polres to the kabupaten/kota of its name in the province, if there is one
      // ("Polres Balangan" → Kabupaten Balangan; "Polres Banjarmasin" → Kota Banjarmasin).
      const polresKey = entityKey("POLRES", row.entityName);
      const inProvince = row.type === "POLRES" && province ? regencies.filter((r) => r.provinceId === province.id) : [];
      const regency =
        inProvince.find((r) => r.key === polresKey) ?? inProvince.find((r) => r.key === `kota:${polresKey}`);
      const aliases = row.type === "POLRES" ? polresAliases(row.entityName, row.notes) : [];
      const entity = await prisma.entity.create({
        data: {
          type: row.type,
          name,
          slug,
          provinceId: province?.id ?? null,
          regencyId: regency?.id ?? null,
          aliases: {
            create: [...new Set([name, row.entityName, ...aliases])].map((alias) => ({ alias, key: entityKey(row.type, alias) })),
          },
        },
      });
      createdEntities++;
      const matchable = {
        id: entity.id,
        type: row.type,
        provinceId: entity.provinceId,
        keys: [name, row.entityName, ...aliases].map((a) => entityKey(row.type, a)),
      };
      addToIndex(index, matchable);
      match = { kind: "match", entity: matchable };
    }
    const key = `${match.entity.id}|${row.year}`;
    const group = groups.get(key);
    if (group) {
      if (group.provinceId !== (province?.id ?? null)) fail(`province differs from line ${group.rows[0]!.line} for the same entity and year`);
      group.rows.push(row);
    } else {
      groups.set(key, { entityId: match.entity.id, year: row.year, provinceId: province?.id ?? null, rows: [row] });
    }
  }

  const existing = new Set(
    (await prisma.result.findMany({ select: { entityId: true, year: true } })).map((r) => `${r.entityId}|${r.year}`),
  );
  const existingOrigins = new Set((await prisma.resultSource.findMany({ select: { origin: true } })).map((s) => s.origin));
  let results = 0;
  let sources = 0;
  for (const [key, group] of groups) {
    const choice = choosePrimary(group.rows);
    const hasConflict = choice.conflictingScores.length > 0 || group.rows.some((r) => r.notes.startsWith("CONFLICT"));
    let resultId: number;
    if (existing.has(key)) {
      resultId = (await prisma.result.findUniqueOrThrow({
        where: { entityId_year: { entityId: group.entityId, year: group.year } },
        select: { id: true },
      })).id;
    } else {
      const created = await prisma.result.create({
        data: {
          entityId: group.entityId,
          year: group.year,
          provinceId: group.provinceId,
          score: choice.merged.score,
          publishedZone: choice.merged.zone,
          publishedCategory: choice.merged.category,
          publishedOpinion: choice.merged.opinion,
          ...storedClassification(choice.merged.score, methodologies.get(group.year)),
          publishedNationalRank: choice.merged.nationalRank,
          publishedProvinceRank: choice.merged.provinceRank,
          status: "PUBLISHED",
          publishedAt: new Date(),
          sourceUrl: choice.primary.sourceUrl,
          notes: choice.primary.notes,
          hasConflict,
          createdBy: "seed",
          updatedBy: "seed",
        },
      });
      resultId = created.id;
      results++;
    }
    const fresh = group.rows.filter((r) => !existingOrigins.has(`${label}:${r.line}`));
    if (fresh.length > 0) {
      await prisma.resultSource.createMany({
        data: fresh.map((r) => ({
          resultId,
          isPrimary: r === choice.primary,
          score: r.score,
          zone: r.zone,
          category: r.category,
          opinion: r.opinion,
          nationalRank: r.nationalRank,
          provinceRank: r.provinceRank,
          sourceUrl: r.sourceUrl,
          notes: r.notes,
          origin: `${label}:${r.line}`,
        })),
      });
      sources += fresh.length;
    }
  }
  return { results, sources, createdEntities };
}
