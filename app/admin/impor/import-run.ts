/**
 * One import request, shared by the server action (no JavaScript) and the upload route (with a
 * progress display): read the file, plan it (the dry run), and — when asked, for exactly the
 * file previewed — commit it all or nothing. Messages are in Indonesian, for the admin.
 */
import { createHash } from "node:crypto";
import { afterWrite } from "@/lib/server/after-write";
import type { Actor } from "@/lib/ledger/access";
import { commitImport } from "@/lib/ledger/import/commit";
import { FIELD_LABELS, inScreenWords, type MappingSource } from "@/lib/ledger/import/headers";
import { rememberMapping } from "@/lib/ledger/import/mapping-memory";
import type { ImportPlan } from "@/lib/ledger/import/plan";
import { previewRows, previewTotals, type PreviewRow } from "@/lib/ledger/import/preview";
import { planScreenImport } from "@/lib/ledger/import/screen";
import type { TextEncodingName } from "@/lib/ledger/import/decode";
import { RESULT_FILE_COLUMNS, type ResultFileColumn } from "@/lib/domain/results-file";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_LISTED = 300;

export type ImportPreviewRow = PreviewRow;

/** One column of the file on the mapping step: what it holds and the field it fills. */
export interface MappedColumn {
  index: number;
  header: string;
  column: ResultFileColumn | null;
  source: MappingSource;
  samples: string[];
}

/** The fields a column can be mapped to, with their Indonesian names (the mapping's selects). */
export const MAPPABLE_FIELDS: { value: ResultFileColumn; label: string }[] = RESULT_FILE_COLUMNS.map((value) => ({ value, label: FIELD_LABELS[value] }));

export interface ImportState {
  /** "mapping": some columns need the admin's choice before the file can be checked. */
  stage: "idle" | "mapping" | "preview" | "committed" | "failed";
  message?: string;
  /** The screen field a failure is about. */
  field?: "sourceUrl";
  fileName?: string;
  /**
   * The check's token: the file's hash and the hash of the options it was checked with
   * ("<file>.<options>"). The commit applies only that exact file with those exact options.
   */
  fileHash?: string;
  mapping?: MappedColumn[];
  /** Names corrected on the screen for this check (kept as fields: the commit sends them again). */
  corrected?: { line: number; written: string; id: number; name: string }[];
  /** About the columns: ignored, to choose, missing. */
  notices?: string[];
  totals?: ReturnType<typeof previewTotals>;
  /** How a CSV file's bytes were read (UTF-8, or Windows-1252 from Excel): shown, never silent. */
  encoding?: TextEncodingName;
  counts?: ImportPlan["counts"] & { rows: number };
  issues?: { line: number; severity: "error" | "warning"; column: string | null; message: string; suggestions?: { id: number; name: string }[] }[];
  issuesOmitted?: number;
  rows?: ImportPreviewRow[];
  rowsOmitted?: number;
  newEntities?: string[];
  committable?: boolean;
  /** Published results whose change will wait for (preview) or waits for (committed) an admin's review. */
  review?: number;
  summary?: { created: number; updated: number; review: number; unchanged: number; auditId: number | null; published: boolean };
}

/** What the upload route streams while it works (one JSON object per line). */
export type ImportProgress =
  | { type: "received"; bytes: number }
  | { type: "parsed"; rows: number }
  | { type: "validated"; rows: number; errorRows: number; warnings: number; committable: boolean }
  | { type: "committing"; changes: number }
  | { type: "done"; state: ImportState };

export interface ImportRequest {
  file: FormDataEntryValue | null;
  intent: "preview" | "commit";
  previewedHash: string | null;
  createEntities: boolean;
  publish: boolean;
  /** The mapping's selects: column position → field name, "" to ignore. */
  chosen?: Map<number, string>;
  /** The source link for the whole file. */
  sourceUrl?: string;
  /** The screen's corrections of unknown entities: line → entity id. */
  corrections?: Map<number, number>;
  /**
   * The request comes from the import screen (its form always sends the source-link field): the
   * columns go through the mapping step. Otherwise (a script posting a file) they are read by
   * their exact names, as the command line reads them.
   */
  screen?: boolean;
}

const POSITION = /^\d{1,4}$/;

export function importRequestOf(formData: FormData): ImportRequest {
  const previewed = formData.get("previewedHash");
  const chosen = new Map<number, string>();
  const corrections = new Map<number, number>();
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const [kind, position] = key.split(".");
    if (!position || !POSITION.test(position)) continue;
    // "map.3" = "score" | "" (ignore) | "auto" (as recognised); "fix.12" = an entity id or "" (none).
    if (kind === "map" && value !== "auto" && (value === "" || (RESULT_FILE_COLUMNS as readonly string[]).includes(value))) chosen.set(Number(position), value);
    if (kind === "fix" && /^[1-9]\d{0,9}$/.test(value)) corrections.set(Number(position), Number(value));
  }
  const sourceUrl = formData.get("sourceUrl");
  return {
    file: formData.get("file"),
    intent: formData.get("intent") === "commit" ? "commit" : "preview",
    previewedHash: typeof previewed === "string" && previewed !== "" ? previewed : null,
    createEntities: formData.get("createEntities") === "on",
    publish: formData.get("publish") === "on",
    chosen,
    sourceUrl: typeof sourceUrl === "string" ? sourceUrl : "",
    corrections,
    screen: formData.has("sourceUrl"),
  };
}

/** The options a check was made with, as one hash: a commit with other options is refused. */
function optionsHash(request: ImportRequest, columns: readonly { column: string | null }[]): string {
  const options = {
    createEntities: request.createEntities,
    publish: request.publish,
    mapping: columns.map((c) => c.column ?? ""),
    sourceUrl: (request.sourceUrl ?? "").trim(),
    corrections: [...(request.corrections ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]),
  };
  return createHash("sha256").update(JSON.stringify(options)).digest("hex").slice(0, 32);
}

async function readUpload(file: FormDataEntryValue | null): Promise<{ ok: true; name: string; data: Uint8Array } | { ok: false; message: string }> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Pilih berkas CSV atau XLSX terlebih dahulu." };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: "Berkas lebih dari 20 MB; bagi menjadi beberapa berkas." };
  if (!/\.(csv|xlsx)$/i.test(file.name)) return { ok: false, message: "Hanya berkas .csv atau .xlsx yang dapat diimpor." };
  return { ok: true, name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

function previewOf(plan: ImportPlan, provinceNames: ReadonlyMap<number, string>): Pick<ImportState, "counts" | "totals" | "issues" | "issuesOmitted" | "rows" | "rowsOmitted" | "newEntities" | "committable" | "review"> {
  const ordered = previewRows(plan, provinceNames);
  return {
    counts: { ...plan.counts, rows: plan.rowCount },
    totals: previewTotals(plan),
    issues: plan.issues.slice(0, MAX_LISTED).map((issue) => ({ ...issue, message: inScreenWords(issue.message) })),
    issuesOmitted: Math.max(0, plan.issues.length - MAX_LISTED),
    rows: ordered.slice(0, MAX_LISTED),
    rowsOmitted: Math.max(0, ordered.length - MAX_LISTED),
    newEntities: plan.newEntities.map((n) => n.name),
    committable: plan.committable,
    review: plan.review,
  };
}

/** Dry run or commit of an uploaded file; `progress` hears each stage as it is reached. */
export async function runImport(
  actor: Actor,
  request: ImportRequest,
  progress: (event: Exclude<ImportProgress, { type: "done" }>) => Promise<void> | void = () => {},
): Promise<ImportState> {
  const upload = await readUpload(request.file);
  if (!upload.ok) return { stage: "failed", message: upload.message };
  await progress({ type: "received", bytes: upload.data.byteLength });
  const fileHash = createHash("sha256").update(upload.data).digest("hex");
  const outcome = await planScreenImport(upload.name, upload.data, actor, {
    createEntities: request.createEntities,
    // Publishing compares with the published values; otherwise with the changes waiting for review.
    publish: request.publish && actor.role === "ADMIN",
    chosen: request.chosen ?? new Map(),
    sourceUrl: request.sourceUrl ?? "",
    corrections: request.corrections ?? new Map(),
    strict: !request.screen,
    onParsed: (rows) => progress({ type: "parsed", rows }),
  });
  if (outcome.kind === "failed") return { stage: "failed", fileName: upload.name, message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) };
  const mapping: MappedColumn[] = (outcome.proposal?.columns ?? []).map((c) => ({
    index: c.index,
    header: c.header,
    column: c.column,
    source: c.source,
    samples: outcome.samples.map((row) => row[c.index] ?? ""),
  }));
  const token = `${fileHash}.${optionsHash(request, outcome.proposal?.columns ?? [])}`;
  const about = { fileName: upload.name, fileHash: token, mapping, notices: outcome.notices, ...(outcome.encoding ? { encoding: outcome.encoding } : {}) };
  if (outcome.kind === "mapping") {
    return { stage: "mapping", ...about, message: "Beberapa kolom perlu dipetakan sebelum berkas diperiksa: pilih isinya di tabel pemetaan, lalu periksa lagi." };
  }
  const { plan } = outcome;
  await progress({ type: "validated", rows: plan.rowCount, errorRows: plan.counts.errorRows, warnings: plan.counts.warnings, committable: plan.committable });
  const preview = { ...about, corrected: outcome.corrected, ...previewOf(plan, outcome.provinceNames) };

  if (request.intent !== "commit") return { stage: "preview", ...preview };
  // The token of the check: the same file, and (when the screen checked it) the same options.
  const [checkedFile, checkedOptions] = (request.previewedHash ?? "").split(".");
  if (checkedFile !== fileHash) {
    return { stage: "preview", ...preview, message: "Berkas berbeda dari yang diperiksa: periksa hasil uji coba ini dulu, lalu terapkan." };
  }
  if (checkedOptions !== undefined && checkedOptions !== token.split(".")[1]) {
    return { stage: "preview", ...preview, message: "Pilihan impor berubah sejak pemeriksaan: periksa pratinjau baru ini dulu, lalu terapkan." };
  }
  if (request.publish && actor.role !== "ADMIN") return { stage: "preview", ...preview, message: "Hanya admin yang dapat langsung menerbitkan hasil impor." };
  await progress({ type: "committing", changes: [...plan.groups, ...plan.statements].filter((g) => g.action !== "unchanged").length });
  const result = await commitImport(plan, actor, { publish: request.publish, fileName: upload.name });
  if (!result.ok) return { stage: "preview", ...preview, message: result.message };
  if (outcome.proposal) await rememberMapping(actor.userId, outcome.proposal.columns);
  afterWrite();
  return {
    stage: "committed",
    fileName: upload.name,
    summary: { ...result.summary, published: request.publish },
    newEntities: result.summary.newEntities,
  };
}
