/**
 * The dry run of an import: every row matched, validated and grouped into the results it
 * creates, updates or leaves unchanged, with each error and warning tied to its line. Pure:
 * the database is read beforehand into an ImportContext; nothing is written here.
 */
import { canWriteInProvince, type Actor } from "@/lib/ledger/access";
import { storedClassification, type StoredClassification } from "../classification";
import { acceptedProvinces, matchEntity, type EntityIndex } from "@/lib/domain/match";
import { entityKey, provinceKey, slugify } from "@/lib/domain/normalize";
import { choosePrimary, type SourceReport } from "@/lib/domain/primary";
import { suggestNames } from "@/lib/domain/suggest";
import {
  ENTITY_TYPES,
  TYPES_CREATED_FROM_RESULTS,
  entityNameFromSource,
  type Category,
  type EntityType,
  type Methodology,
  type Zone,
} from "@/lib/domain/types";
import { NOTHING_PUBLISHED_PARAM, categoryMismatch, resultFieldsSchema } from "@/lib/ledger/schemas/result";
import type { RawRow } from "./parse";

export interface ContextEntity {
  id: number;
  type: EntityType;
  name: string;
  provinceId: number | null;
  key: string;
}

export interface ContextProvince {
  id: number;
  name: string;
  key: string;
  splitFromId: number | null;
  formedIn: number | null;
}

/** The comparable content of a result (what an import sets). */
export interface ResultFields {
  provinceId: number | null;
  score: number | null;
  publishedZone: Zone | null;
  publishedCategory: Category | null;
  publishedOpinion: string | null;
  publishedNationalRank: number | null;
  publishedProvinceRank: number | null;
  sourceUrl: string | null;
}

export interface SourceFields {
  score: number | null;
  zone: Zone | null;
  category: Category | null;
  opinion: string | null;
  nationalRank: number | null;
  provinceRank: number | null;
  sourceUrl: string;
  notes: string;
}

export interface ExistingResult {
  id: number;
  version: number;
  deleted: boolean;
  fields: ResultFields;
  /** sourceFingerprint() of each of its sources. */
  sources: ReadonlySet<string>;
}

export interface ImportContext {
  index: EntityIndex;
  entities: ReadonlyMap<number, ContextEntity>;
  provinces: readonly ContextProvince[];
  methodologies: ReadonlyMap<number, Methodology>;
  /** By `${entityId}|${year}`. */
  existing: ReadonlyMap<string, ExistingResult>;
  takenSlugs: ReadonlySet<string>;
  createEntities: boolean;
  /** Who imports: rows outside an EDITOR's provinces are errors. */
  actor: Actor;
}

export interface RowIssue {
  line: number;
  severity: "error" | "warning";
  column: string | null;
  message: string;
}

export interface NewEntity {
  ref: number;
  type: EntityType;
  name: string;
  slug: string;
  provinceId: number | null;
  aliases: string[];
  lines: number[];
}

export type EntityRef = { kind: "existing"; id: number } | { kind: "new"; ref: number };

export interface GroupPlan {
  action: "create" | "update" | "unchanged";
  entity: EntityRef;
  entityName: string;
  year: number;
  lines: number[];
  fields: ResultFields;
  /** Zone, category and label from the year's bands (lib/ledger/classification.ts). */
  computed: StoredClassification;
  hasConflict: boolean;
  notes: string;
  sources: (SourceFields & { isPrimary: boolean; line: number })[];
  existing: ExistingResult | null;
}

export type RowStatus = "create" | "update" | "unchanged" | "error";

export interface ImportPlan {
  rowCount: number;
  groups: GroupPlan[];
  newEntities: NewEntity[];
  issues: RowIssue[];
  rowStatus: Map<number, RowStatus>;
  counts: { create: number; update: number; unchanged: number; errorRows: number; warnings: number; newEntities: number };
  /** True when the plan can be committed (no error anywhere). */
  committable: boolean;
}

export function sourceFingerprint(s: Omit<SourceFields, "notes">): string {
  return [s.sourceUrl, s.score, s.zone, s.category, s.opinion, s.nationalRank, s.provinceRank].map((v) => v ?? "").join("|");
}

const RANK_COLUMNS = ["national_rank", "province_rank"] as const;
const POSITIVE_INTEGER = /^[1-9]\d*$/;

const FIELD_COLUMNS: Record<string, string> = {
  year: "year",
  score: "score",
  publishedZone: "zone",
  publishedCategory: "category",
  publishedOpinion: "opinion",
  sourceUrl: "source_url",
  notes: "notes",
};

interface ValidRow {
  line: number;
  entity: EntityRef;
  entityName: string;
  entityProvinceId: number | null;
  year: number;
  provinceId: number | null;
  source: SourceFields;
}

const NATIONAL_TYPES: readonly EntityType[] = ["KEMENTERIAN", "LEMBAGA", "OTHER"];

export function planImport(rows: readonly RawRow[], ctx: ImportContext): ImportPlan {
  const issues: RowIssue[] = [];
  const newEntities: NewEntity[] = [];
  const newByKey = new Map<string, NewEntity>();
  const valid: ValidRow[] = [];
  const errorLines = new Set<number>();
  const seen = new Map<string, number>();

  for (const row of rows) {
    const v = row.values;
    const rowIssues: RowIssue[] = [];
    const error = (column: string | null, message: string) => rowIssues.push({ line: row.line, severity: "error", column, message });

    // Year and its methodology.
    let year: number | null = null;
    if (!/^\d{4}$/.test(v.year)) error("year", `Tahun "${v.year}" tidak valid.`);
    else if (!ctx.methodologies.has(Number(v.year))) error("year", `Tahun ${v.year} belum punya metodologi; tambahkan metodologinya dulu.`);
    else year = Number(v.year);

    // Type and province.
    const type = v.entity_type.trim().toUpperCase() as EntityType;
    const typeOk = (ENTITY_TYPES as readonly string[]).includes(type);
    if (!typeOk) error("entity_type", `Jenis instansi "${v.entity_type}" tidak dikenal (${ENTITY_TYPES.join(", ")}).`);
    if (!v.entity_name) error("entity_name", "Nama instansi kosong.");
    let province: ContextProvince | null = null;
    if (v.province) {
      const key = provinceKey(v.province);
      province = ctx.provinces.find((p) => p.key === key) ?? null;
      if (!province) error("province", `Provinsi "${v.province}" tidak dikenal.`);
    } else if (typeOk && !NATIONAL_TYPES.includes(type)) {
      error("province", `Provinsi wajib diisi untuk ${type}.`);
    }

    // The entity.
    let entity: EntityRef | null = null;
    let entityName = v.entity_name;
    let entityProvinceId: number | null = province?.id ?? null;
    if (typeOk && v.entity_name && (province || !v.province)) {
      const accepted = province ? acceptedProvinces(ctx.provinces, province, year ?? 9999) : null;
      const match = matchEntity(ctx.index, type, v.entity_name, accepted);
      if (match.kind === "match") {
        const e = ctx.entities.get(match.entity.id)!;
        entity = { kind: "existing", id: e.id };
        entityName = e.name;
        entityProvinceId = e.provinceId;
      } else if (match.kind === "ambiguous") {
        error("entity_name", `"${v.entity_name}" cocok dengan ${match.candidates.length} instansi; isi provinsi atau pakai nama lengkap.`);
      } else {
        const elsewhere = province ? matchEntity(ctx.index, type, v.entity_name, null) : { kind: "none" as const };
        if (elsewhere.kind === "match") {
          const e = ctx.entities.get(elsewhere.entity.id)!;
          const actual = ctx.provinces.find((p) => p.id === e.provinceId)?.name ?? "tingkat nasional";
          error("province", `${e.name} berada di ${actual}, bukan di ${province!.name}.`);
        } else if (ctx.createEntities && TYPES_CREATED_FROM_RESULTS.includes(type)) {
          const key = `${type}|${entityKey(type, v.entity_name)}|${province?.id ?? "N"}`;
          let created = newByKey.get(key);
          if (!created) {
            const name = entityNameFromSource(type, v.entity_name);
            let slug = slugify(name);
            if (ctx.takenSlugs.has(slug) || newEntities.some((n) => n.slug === slug)) slug = `${slug}-${slugify(province?.name ?? "nasional")}`;
            if (ctx.takenSlugs.has(slug) || newEntities.some((n) => n.slug === slug)) {
              error("entity_name", `Instansi baru "${name}" tidak dapat dibuat: alamat ${slug} sudah dipakai.`);
            } else {
              created = { ref: newEntities.length, type, name, slug, provinceId: province?.id ?? null, aliases: [v.entity_name], lines: [] };
              newEntities.push(created);
              newByKey.set(key, created);
            }
          }
          if (created) {
            created.lines.push(row.line);
            entity = { kind: "new", ref: created.ref };
            entityName = created.name;
          }
        } else {
          const candidates = [...ctx.entities.values()].filter(
            (e) => e.type === type && (province === null || e.provinceId === null || e.provinceId === province.id),
          );
          const suggestions = suggestNames(entityKey(type, v.entity_name), candidates).map((e) => e.name);
          const hint = suggestions.length > 0 ? ` Mungkin maksud Anda: ${suggestions.join(", ")}?` : "";
          const create = TYPES_CREATED_FROM_RESULTS.includes(type) ? " Atau buat sebagai instansi baru (--create-entities)." : "";
          error("entity_name", `Instansi ${type} "${v.entity_name}"${province ? ` di ${province.name}` : ""} tidak dikenal.${hint}${create}`);
        }
      }
    }

    // Who may write it.
    if (entity && !canWriteInProvince(ctx.actor, entityProvinceId)) {
      error("province", `Anda tidak berwenang mengimpor hasil ${entityName}.`);
    }

    // Field rules, as the admin form and the API check them.
    const fieldInput = {
      entityId: entity?.kind === "existing" ? entity.id : 1,
      year: year ?? 2000,
      score: v.score,
      publishedZone: v.zone.toUpperCase(),
      publishedCategory: v.category.toUpperCase(),
      publishedOpinion: v.opinion,
      sourceUrl: v.source_url,
      notes: v.notes,
      confirmCategoryMismatch: true,
    };
    const parsed = resultFieldsSchema.safeParse(fieldInput);
    const ranks = RANK_COLUMNS.map((column) => (POSITIVE_INTEGER.test(v[column]) ? Number(v[column]) : null));
    const hasRank = ranks.some((rank) => rank !== null);
    const issuesOfFields = parsed.success
      ? []
      : parsed.error.issues.filter(
          // A row that publishes only a rank is real data too ("peringkat 3", score not stated).
          (issue) => !(hasRank && (issue as { params?: Record<string, unknown> }).params?.[NOTHING_PUBLISHED_PARAM]),
        );
    for (const issue of issuesOfFields) {
      const column = FIELD_COLUMNS[String(issue.path[0])] ?? null;
      if (column === "year" && year === null) continue;
      error(column, issue.message);
    }
    // A rank-only row failed just the "something published" rule: its fields, normalised by the
    // same schema with a stand-in opinion (dropped again below).
    const fields = parsed.success
      ? parsed.data
      : issuesOfFields.length === 0
        ? resultFieldsSchema.safeParse({ ...fieldInput, publishedOpinion: "-" }).data
        : undefined;
    if (!v.source_url) error("source_url", "Tautan sumber wajib diisi: setiap hasil mencantumkan sumbernya.");
    for (const column of RANK_COLUMNS) {
      const text = v[column];
      if (text !== "" && !POSITIVE_INTEGER.test(text)) error(column, `${column} "${text}" harus bilangan bulat positif.`);
    }

    if (rowIssues.length === 0 && fields && entity && year !== null) {
      const input = { ...fields, publishedOpinion: parsed.success ? fields.publishedOpinion : null };
      const mismatch = categoryMismatch(input, ctx.methodologies.get(year));
      if (mismatch) {
        issues.push({
          line: row.line,
          severity: "warning",
          column: mismatch.category ? "category" : "zone",
          message: `Zona/kategori yang dipublikasikan berbeda dari hasil hitung pita nilai ${year} (${mismatch.computed.zone}${mismatch.computed.category ? `, ${mismatch.computed.category}` : ""}: ${mismatch.computed.label}). Nilai sumber disimpan dan ditandai.`,
        });
      }
      const source: SourceFields = {
        score: input.score,
        zone: input.publishedZone,
        category: input.publishedCategory,
        opinion: input.publishedOpinion,
        nationalRank: ranks[0] ?? null,
        provinceRank: ranks[1] ?? null,
        sourceUrl: input.sourceUrl!,
        notes: input.notes,
      };
      const entityTag = entity.kind === "existing" ? `e${entity.id}` : `n${entity.ref}`;
      // The same source may give two figures (a within-source conflict): only identical rows are duplicates.
      const dupKey = `${entityTag}|${year}|${sourceFingerprint(source)}`;
      const first = seen.get(dupKey);
      if (first !== undefined) {
        rowIssues.push({
          line: row.line,
          severity: "error",
          column: null,
          message: `Duplikat baris ${first}: instansi, tahun, sumber dan nilai yang sama.`,
        });
      } else {
        seen.set(dupKey, row.line);
        valid.push({ line: row.line, entity, entityName, entityProvinceId, year, provinceId: province?.id ?? null, source });
      }
    }
    if (rowIssues.length > 0) errorLines.add(row.line);
    issues.push(...rowIssues);
  }

  // One result per entity and year; several rows are several sources of it.
  const byGroup = new Map<string, ValidRow[]>();
  for (const row of valid) {
    const key = `${row.entity.kind === "existing" ? `e${row.entity.id}` : `n${row.entity.ref}`}|${row.year}`;
    const list = byGroup.get(key);
    if (list) list.push(row);
    else byGroup.set(key, [row]);
  }
  const groups: GroupPlan[] = [];
  for (const members of byGroup.values()) {
    const head = members[0]!;
    const groupErrors: RowIssue[] = [];
    if (members.some((m) => m.provinceId !== head.provinceId)) {
      for (const m of members.slice(1)) {
        if (m.provinceId !== head.provinceId) groupErrors.push({ line: m.line, severity: "error", column: "province", message: `Provinsi berbeda dari baris ${head.line} untuk instansi dan tahun yang sama.` });
      }
    }
    const existing = head.entity.kind === "existing" ? (ctx.existing.get(`${head.entity.id}|${head.year}`) ?? null) : null;
    if (existing?.deleted) {
      for (const m of members) {
        groupErrors.push({ line: m.line, severity: "error", column: null, message: `Hasil ${head.entityName} ${head.year} telah dihapus; pulihkan dulu di Riwayat sebelum mengimpor ulang.` });
      }
    }
    if (groupErrors.length > 0) {
      issues.push(...groupErrors);
      for (const m of members) errorLines.add(m.line);
      continue;
    }
    const reports = members.map((m) => ({ ...m.source, line: m.line }) satisfies SourceReport & { line: number; notes: string });
    const choice = choosePrimary(reports);
    const fields: ResultFields = {
      provinceId: head.provinceId,
      score: choice.merged.score,
      publishedZone: choice.merged.zone,
      publishedCategory: choice.merged.category,
      publishedOpinion: choice.merged.opinion,
      publishedNationalRank: choice.merged.nationalRank,
      publishedProvinceRank: choice.merged.provinceRank,
      sourceUrl: choice.primary.sourceUrl,
    };
    const sources = reports.map((r) => ({ ...r, isPrimary: r === choice.primary }));
    let action: GroupPlan["action"] = "create";
    if (existing) {
      const sameFields = (Object.keys(fields) as (keyof ResultFields)[]).every((k) => fields[k] === existing.fields[k]);
      const sameSources = sources.every((s) => existing.sources.has(sourceFingerprint(s)));
      action = sameFields && sameSources ? "unchanged" : "update";
    }
    groups.push({
      action,
      entity: head.entity,
      entityName: head.entityName,
      year: head.year,
      lines: members.map((m) => m.line),
      fields,
      computed: storedClassification(fields.score, ctx.methodologies.get(head.year)),
      hasConflict: choice.conflictingScores.length > 0 || members.some((m) => m.source.notes.startsWith("CONFLICT")),
      notes: choice.primary.notes,
      sources,
      existing,
    });
  }

  const rowStatus = new Map<number, RowStatus>();
  for (const g of groups) for (const line of g.lines) rowStatus.set(line, g.action);
  for (const line of errorLines) rowStatus.set(line, "error");
  const usedRefs = new Set(groups.flatMap((g) => (g.entity.kind === "new" ? [g.entity.ref] : [])));
  const keptEntities = newEntities.filter((n) => usedRefs.has(n.ref));
  const count = (status: RowStatus) => [...rowStatus.values()].filter((s) => s === status).length;
  const errorRows = count("error");
  issues.sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return {
    rowCount: rows.length,
    groups,
    newEntities: keptEntities,
    issues,
    rowStatus,
    counts: {
      create: count("create"),
      update: count("update"),
      unchanged: count("unchanged"),
      errorRows,
      warnings: issues.filter((i) => i.severity === "warning").length,
      newEntities: keptEntities.length,
    },
    committable: errorRows === 0 && rows.length > 0,
  };
}
