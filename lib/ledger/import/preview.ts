/**
 * What a planned import will do, row by row, in the words and formats of the public pages: a
 * result created, changed (each field old → new, and whether the result is public already — its
 * change then waits as a pending revision unless the import publishes), unchanged, or refused.
 * Pure: made from the plan and the province names.
 */
import { formatHundredths } from "@/lib/domain/score";
import type { ResultFields } from "./context";
import type { GroupPlan, ImportPlan } from "./plan";

export interface FieldChange {
  field: keyof ResultFields;
  label: string;
  before: string;
  after: string;
}

export interface PreviewRow {
  line: number;
  status: "create" | "update" | "unchanged" | "error";
  entity: string;
  year: number;
  /** The score the row gives, in hundredths. */
  score: number | null;
  /** The result is public now (an update of it is visible only once published). */
  published?: boolean;
  /** An update that waits for an admin's review (the import does not publish). */
  review?: boolean;
  changes?: FieldChange[];
}

const LABELS: Record<keyof ResultFields, string> = {
  provinceId: "Provinsi",
  score: "Nilai",
  publishedZone: "Zona",
  publishedCategory: "Kategori",
  publishedOpinion: "Opini",
  publishedNationalRank: "Peringkat nasional",
  publishedProvinceRank: "Peringkat provinsi",
  sourceUrl: "Tautan sumber",
};

const ZONE_WORDS: Record<string, string> = { HIJAU: "Zona Hijau", KUNING: "Zona Kuning", MERAH: "Zona Merah" };

/** A field's value as the public pages write it ("91,66", "Zona Hijau", "A"); "—" for none. */
export function shownValue(field: keyof ResultFields, fields: ResultFields, provinceNames: ReadonlyMap<number, string>): string {
  const value = fields[field];
  if (value === null || value === undefined || value === "") return "—";
  switch (field) {
    case "score":
      return formatHundredths(value as number);
    case "publishedZone":
      return ZONE_WORDS[value as string] ?? String(value);
    case "provinceId":
      return provinceNames.get(value as number) ?? String(value);
    default:
      return String(value);
  }
}

export function fieldChanges(before: ResultFields, after: ResultFields, provinceNames: ReadonlyMap<number, string>): FieldChange[] {
  return (Object.keys(LABELS) as (keyof ResultFields)[])
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, label: LABELS[field], before: shownValue(field, before, provinceNames), after: shownValue(field, after, provinceNames) }));
}

function groupRows(g: GroupPlan, provinceNames: ReadonlyMap<number, string>): PreviewRow[] {
  const published = g.existing?.publicFields != null;
  // Old → new from what the public sees when the result is public, else from the stored draft
  // (or the change already waiting, which this import would replace).
  const before = g.existing ? (g.existing.publicFields ?? g.existing.fields) : null;
  const changes = g.action === "update" && before ? fieldChanges(before, g.fields, provinceNames) : undefined;
  return g.sources.map((s) => ({
    line: s.line,
    status: g.action,
    entity: g.entityName,
    year: g.year,
    score: s.score,
    ...(published ? { published: true } : {}),
    ...(g.review ? { review: true } : {}),
    ...(changes && s.isPrimary ? { changes } : {}),
  }));
}

/** Every row of the file, changes first, then unchanged; error rows with their entity as written. */
export function previewRows(plan: ImportPlan, provinceNames: ReadonlyMap<number, string>): PreviewRow[] {
  const rows: PreviewRow[] = plan.groups.flatMap((g) => groupRows(g, provinceNames));
  // A group statement's rows are the group's figure, not results of the entities they name.
  for (const st of plan.statements) {
    const entity = `Pernyataan kelompok ${st.key.entityGroup} (${st.members.length} instansi)`;
    for (const line of st.lines) rows.push({ line, status: st.action, entity, year: st.key.year, score: null });
  }
  rows.sort((a, b) => a.line - b.line);
  return [...rows.filter((r) => r.status !== "unchanged"), ...rows.filter((r) => r.status === "unchanged")];
}

/** Totals per kind, with the changes to public results counted apart. */
export function previewTotals(plan: ImportPlan): { create: number; update: number; updatePublished: number; unchanged: number; error: number } {
  const updatePublished = plan.groups.filter((g) => g.action === "update" && g.existing?.publicFields != null).reduce((n, g) => n + g.sources.length, 0);
  return { create: plan.counts.create, update: plan.counts.update, updatePublished, unchanged: plan.counts.unchanged, error: plan.counts.errorRows };
}
