/**
 * Import plan, step 2: the entity a row names. Its province, then the entity by name and type
 * among those of that province (before the 2022 Papua split, of the provinces later formed from
 * it too); else an entity the plan creates — a Polres, a ministry, an agency — named as sources
 * name it, linked to the kabupaten/kota of its name, and findable by every spelling the file uses.
 */
import { acceptedProvinces, addToIndex, buildEntityIndex, matchEntity, type EntityIndex, type MatchResult } from "@/lib/domain/match";
import { entityKey, provinceKey, slugify } from "@/lib/domain/normalize";
import { suggestNames } from "@/lib/domain/suggest";
import { TYPES_CREATED_FROM_RESULTS, entityNameFromSource, type EntityType } from "@/lib/domain/types";
import type { CheckedRow } from "@/lib/ledger/schemas/result-row";
import { regencyKey, type ContextProvince, type EntityRef, type ImportContext, type NewEntity } from "./context";
import type { ReportIssue } from "./plan-issues";

/** The entity of a row: who it is, its name as stored, and its province (for the access step). */
export interface PlannedEntity {
  ref: EntityRef;
  name: string;
  provinceId: number | null;
}

const ENTITY_COLUMNS: readonly string[] = ["entity_type", "entity_name", "province"];

/** Rows of a year without a valid year are matched as of today: after every province split. */
const AFTER_EVERY_SPLIT = 9999;

/**
 * The entities a plan creates, matched by later rows exactly as existing entities are: by the
 * keys of every spelling the file uses (as their aliases will be once committed).
 */
export class NewEntities {
  readonly list: NewEntity[] = [];
  private readonly index: EntityIndex = buildEntityIndex([]);
  private readonly keys = new Map<number, Set<string>>();
  private readonly slugs = new Set<string>();

  match(type: EntityType, name: string, accepted: readonly number[] | null): MatchResult {
    return matchEntity(this.index, type, name, accepted);
  }

  get(ref: number): NewEntity {
    return this.list[ref]!;
  }

  hasSlug(slug: string): boolean {
    return this.slugs.has(slug);
  }

  add(entity: Omit<NewEntity, "ref" | "lines" | "aliases">): NewEntity {
    const created: NewEntity = { ...entity, ref: this.list.length, aliases: [], lines: [] };
    this.list.push(created);
    this.slugs.add(created.slug);
    this.keys.set(created.ref, new Set());
    this.findableAs(created, created.name);
    return created;
  }

  /** A row names the entity: its line, and the spellings it adds. */
  named(entity: NewEntity, line: number, aliases: readonly string[]): void {
    entity.lines.push(line);
    for (const alias of aliases) {
      if (alias !== entity.name && !entity.aliases.includes(alias)) entity.aliases.push(alias);
      this.findableAs(entity, alias);
    }
  }

  private findableAs(entity: NewEntity, spelling: string): void {
    const key = entityKey(entity.type, spelling);
    const known = this.keys.get(entity.ref)!;
    if (known.has(key)) return;
    known.add(key);
    addToIndex(this.index, { id: entity.ref, type: entity.type, provinceId: entity.provinceId, keys: [key] });
  }
}

/** A Polres sources call a Polresta or Polrestabes (the row's notes say so) is findable by that title too. */
export function polresTitleAliases(name: string, notes: string): string[] {
  const place = name.replace(/^Polres /, "");
  if (/polrestabes/i.test(notes)) return [`Polrestabes ${place}`];
  if (/polresta/i.test(notes)) return [`Polresta ${place}`];
  return [];
}

/** The kabupaten/kota of a Polres's name in its province: "Balangan" → Kabupaten Balangan, "Banjarmasin" → Kota Banjarmasin. */
export function regencyOfPolres(ctx: Pick<ImportContext, "regencies">, provinceId: number, name: string): number | null {
  const key = entityKey("POLRES", name);
  return ctx.regencies.get(regencyKey(provinceId, key)) ?? ctx.regencies.get(regencyKey(provinceId, `kota:${key}`)) ?? null;
}

function findProvince(ctx: Pick<ImportContext, "provinces">, name: string): ContextProvince | null {
  const key = provinceKey(name);
  return ctx.provinces.find((p) => p.key === key) ?? null;
}

/** Step 2 for one row: its entity and the province the row gives; null when there is none (reported). */
export function planEntity(
  row: CheckedRow,
  line: number,
  year: number | null,
  ctx: ImportContext,
  created: NewEntities,
  report: ReportIssue,
): { entity: PlannedEntity; provinceId: number | null } | null {
  const cellIssues = row.issues.filter((i) => ENTITY_COLUMNS.includes(i.column));
  const { entity_type: type, entity_name: name, province: provinceName = "" } = row.cells;
  for (const issue of cellIssues) report(issue.column, issue.message);
  let province: ContextProvince | null = null;
  if (provinceName) {
    province = findProvince(ctx, provinceName);
    if (!province) report("province", `Provinsi "${provinceName}" tidak dikenal.`, "unknown_province");
  }
  if (type === undefined || name === undefined || cellIssues.length > 0 || (provinceName && !province)) return null;

  const accepted = province ? acceptedProvinces(ctx.provinces, province, year ?? AFTER_EVERY_SPLIT) : null;
  const match = matchEntity(ctx.index, type, name, accepted);
  if (match.kind === "match") {
    const e = ctx.entities.get(match.entity.id)!;
    return { entity: { ref: { kind: "existing", id: e.id }, name: e.name, provinceId: e.provinceId }, provinceId: province?.id ?? null };
  }
  if (match.kind === "ambiguous") {
    report("entity_name", `"${name}" cocok dengan ${match.candidates.length} instansi; isi provinsi atau pakai nama lengkap.`, "ambiguous_entity");
    return null;
  }
  if (province) {
    const elsewhere = matchEntity(ctx.index, type, name, null);
    if (elsewhere.kind === "match") {
      const e = ctx.entities.get(elsewhere.entity.id)!;
      const actual = ctx.provinces.find((p) => p.id === e.provinceId)?.name ?? "tingkat nasional";
      report("province", `${e.name} berada di ${actual}, bukan di ${province.name}.`, "other_province");
      return null;
    }
  }

  const fullName = entityNameFromSource(type, name);
  const aliases = [name, ...(type === "POLRES" ? polresTitleAliases(fullName, row.cells.notes ?? "") : [])];
  const pending = created.match(type, name, accepted);
  if (pending.kind === "ambiguous") {
    report("entity_name", `"${name}" cocok dengan ${pending.candidates.length} instansi baru; isi provinsi atau pakai nama lengkap.`, "ambiguous_entity");
    return null;
  }
  if (pending.kind === "match") {
    const entity = created.get(pending.entity.id);
    created.named(entity, line, aliases);
    return { entity: { ref: { kind: "new", ref: entity.ref }, name: entity.name, provinceId: entity.provinceId }, provinceId: province?.id ?? null };
  }

  if (!ctx.createEntities || !TYPES_CREATED_FROM_RESULTS.includes(type)) {
    const candidates = [...ctx.entities.values()].filter(
      (e) => e.type === type && (province === null || e.provinceId === null || e.provinceId === province.id),
    );
    const close = suggestNames(entityKey(type, name), candidates);
    const suggestions = close.map((e) => e.name);
    const hint = suggestions.length > 0 ? ` Mungkin maksud Anda: ${suggestions.join(", ")}?` : "";
    const create = TYPES_CREATED_FROM_RESULTS.includes(type) ? ` Atau buat sebagai instansi baru (${ctx.createEntitiesHint ?? "--create-entities"}).` : "";
    report(
      "entity_name",
      `Instansi ${type} "${name}"${province ? ` di ${province.name}` : ""} tidak dikenal.${hint}${create}`,
      "unknown_entity",
      close.map((e) => ({ id: e.id, name: e.name })),
    );
    return null;
  }

  const taken = (slug: string) => ctx.takenSlugs.has(slug) || created.hasSlug(slug);
  let slug = slugify(fullName);
  if (taken(slug)) slug = `${slug}-${slugify(province?.name ?? "nasional")}`;
  if (taken(slug)) {
    report("entity_name", `Instansi baru "${fullName}" tidak dapat dibuat: alamat ${slug} sudah dipakai.`, "address_taken");
    return null;
  }
  const entity = created.add({
    type,
    name: fullName,
    slug,
    provinceId: province?.id ?? null,
    regencyId: type === "POLRES" && province ? regencyOfPolres(ctx, province.id, name) : null,
  });
  created.named(entity, line, aliases);
  return { entity: { ref: { kind: "new", ref: entity.ref }, name: entity.name, provinceId: entity.provinceId }, provinceId: province?.id ?? null };
}
