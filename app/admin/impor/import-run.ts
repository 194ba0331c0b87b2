/**
 * One import request, shared by the server action (no JavaScript) and the upload route (with a
 * progress display): read the file, plan it (the dry run), and — when asked, for exactly the
 * file previewed — commit it all or nothing. Messages are in Indonesian, for the admin.
 */
import { createHash } from "node:crypto";
import { afterWrite } from "@/lib/server/after-write";
import type { Actor } from "@/lib/ledger/access";
import { commitImport } from "@/lib/ledger/import/commit";
import { planImportFile } from "@/lib/ledger/import/dry-run";
import type { ImportPlan } from "@/lib/ledger/import/plan";
import type { TextEncodingName } from "@/lib/ledger/import/decode";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_LISTED = 300;

export interface ImportPreviewRow {
  line: number;
  status: "create" | "update" | "unchanged" | "error";
  /** An update of a published result that waits for an admin's review (the import does not publish). */
  review?: boolean;
  entity: string;
  year: number;
  score: number | null;
}

export interface ImportState {
  stage: "idle" | "preview" | "committed" | "failed";
  message?: string;
  fileName?: string;
  /** Hash of the previewed file: the commit applies only that exact file. */
  fileHash?: string;
  /** How a CSV file's bytes were read (UTF-8, or Windows-1252 from Excel): shown, never silent. */
  encoding?: TextEncodingName;
  counts?: ImportPlan["counts"] & { rows: number };
  issues?: { line: number; severity: "error" | "warning"; column: string | null; message: string }[];
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
}

export function importRequestOf(formData: FormData): ImportRequest {
  const previewed = formData.get("previewedHash");
  return {
    file: formData.get("file"),
    intent: formData.get("intent") === "commit" ? "commit" : "preview",
    previewedHash: typeof previewed === "string" && previewed !== "" ? previewed : null,
    createEntities: formData.get("createEntities") === "on",
    publish: formData.get("publish") === "on",
  };
}

async function readUpload(file: FormDataEntryValue | null): Promise<{ ok: true; name: string; data: Uint8Array } | { ok: false; message: string }> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Pilih berkas CSV atau XLSX terlebih dahulu." };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: "Berkas lebih dari 20 MB; bagi menjadi beberapa berkas." };
  if (!/\.(csv|xlsx)$/i.test(file.name)) return { ok: false, message: "Hanya berkas .csv atau .xlsx yang dapat diimpor." };
  return { ok: true, name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

function previewOf(plan: ImportPlan): Pick<ImportState, "counts" | "issues" | "issuesOmitted" | "rows" | "rowsOmitted" | "newEntities" | "committable" | "review"> {
  const rows: ImportPreviewRow[] = [];
  for (const g of plan.groups) {
    const source = g.sources;
    for (const s of source) rows.push({ line: s.line, status: g.action, ...(g.review ? { review: true } : {}), entity: g.entityName, year: g.year, score: s.score });
  }
  // A group statement's rows are the group's figure, not results of the entities they name.
  for (const st of plan.statements) {
    const entity = `Pernyataan kelompok ${st.key.entityGroup} (${st.members.length} instansi)`;
    for (const line of st.lines) rows.push({ line, status: st.action, entity, year: st.key.year, score: null });
  }
  rows.sort((a, b) => a.line - b.line);
  // Changes first: what the admin must look at.
  const ordered = [...rows.filter((r) => r.status !== "unchanged"), ...rows.filter((r) => r.status === "unchanged")];
  return {
    counts: { ...plan.counts, rows: plan.rowCount },
    issues: plan.issues.slice(0, MAX_LISTED),
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
  const outcome = await planImportFile(upload.name, upload.data, actor, {
    createEntities: request.createEntities,
    // Publishing compares with the published values; otherwise with the changes waiting for review.
    publish: request.publish && actor.role === "ADMIN",
    onParsed: (rows) => progress({ type: "parsed", rows }),
  });
  if (!outcome.ok) return { stage: "failed", fileName: upload.name, message: outcome.message };
  const { plan } = outcome;
  await progress({ type: "validated", rows: plan.rowCount, errorRows: plan.counts.errorRows, warnings: plan.counts.warnings, committable: plan.committable });
  const preview = { fileName: upload.name, fileHash, ...(outcome.encoding ? { encoding: outcome.encoding } : {}), ...previewOf(plan) };

  if (request.intent !== "commit") return { stage: "preview", ...preview };
  if (request.previewedHash !== fileHash) {
    return { stage: "preview", ...preview, message: "Berkas berbeda dari yang diperiksa: periksa hasil uji coba ini dulu, lalu terapkan." };
  }
  if (request.publish && actor.role !== "ADMIN") return { stage: "preview", ...preview, message: "Hanya admin yang dapat langsung menerbitkan hasil impor." };
  await progress({ type: "committing", changes: [...plan.groups, ...plan.statements].filter((g) => g.action !== "unchanged").length });
  const result = await commitImport(plan, actor, { publish: request.publish, fileName: upload.name });
  if (!result.ok) return { stage: "preview", ...preview, message: result.message };
  afterWrite();
  return {
    stage: "committed",
    fileName: upload.name,
    summary: { ...result.summary, published: request.publish },
    newEntities: result.summary.newEntities,
  };
}
