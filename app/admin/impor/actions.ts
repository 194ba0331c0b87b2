"use server";

import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/actor";
import { commitImport, planImportFile } from "@/lib/data/import";
import type { ImportPlan } from "@/lib/import/plan";

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_LISTED = 300;

export interface ImportPreviewRow {
  line: number;
  status: "create" | "update" | "unchanged" | "error";
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
  counts?: ImportPlan["counts"] & { rows: number };
  issues?: { line: number; severity: "error" | "warning"; column: string | null; message: string }[];
  issuesOmitted?: number;
  rows?: ImportPreviewRow[];
  rowsOmitted?: number;
  newEntities?: string[];
  committable?: boolean;
  summary?: { created: number; updated: number; unchanged: number; auditId: number | null; published: boolean };
}

async function readUpload(formData: FormData): Promise<{ ok: true; name: string; data: Uint8Array } | { ok: false; message: string }> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Pilih berkas CSV atau XLSX terlebih dahulu." };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: "Berkas lebih dari 20 MB; bagi menjadi beberapa berkas." };
  if (!/\.(csv|xlsx)$/i.test(file.name)) return { ok: false, message: "Hanya berkas .csv atau .xlsx yang dapat diimpor." };
  return { ok: true, name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

function previewOf(plan: ImportPlan): Pick<ImportState, "counts" | "issues" | "issuesOmitted" | "rows" | "rowsOmitted" | "newEntities" | "committable"> {
  const rows: ImportPreviewRow[] = [];
  for (const g of plan.groups) {
    const source = g.sources;
    for (const s of source) rows.push({ line: s.line, status: g.action, entity: g.entityName, year: g.year, score: s.score });
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
  };
}

/** Dry run or commit of an uploaded file, by the button pressed ("intent"). */
export async function importAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await currentActor();
  if (!actor) return { stage: "failed", message: "Sesi Anda berakhir; masuk kembali." };
  const upload = await readUpload(formData);
  if (!upload.ok) return { stage: "failed", message: upload.message };
  const createEntities = formData.get("createEntities") === "on";
  const publish = formData.get("publish") === "on";
  const fileHash = createHash("sha256").update(upload.data).digest("hex");
  const outcome = await planImportFile(upload.name, upload.data, actor, { createEntities });
  if (!outcome.ok) return { stage: "failed", fileName: upload.name, message: outcome.message };
  const preview = { fileName: upload.name, fileHash, ...previewOf(outcome.plan) };

  if (formData.get("intent") !== "commit") return { stage: "preview", ...preview };
  if (formData.get("previewedHash") !== fileHash) {
    return { stage: "preview", ...preview, message: "Berkas berbeda dari yang diperiksa: periksa hasil uji coba ini dulu, lalu terapkan." };
  }
  if (publish && actor.role !== "ADMIN") return { stage: "preview", ...preview, message: "Hanya admin yang dapat langsung menerbitkan hasil impor." };
  const result = await commitImport(outcome.plan, actor, { publish, fileName: upload.name });
  if (!result.ok) return { stage: "preview", ...preview, message: result.message };
  revalidatePath("/admin/hasil");
  revalidatePath("/admin/riwayat");
  if (publish) revalidatePath("/", "layout");
  return {
    stage: "committed",
    fileName: upload.name,
    summary: { ...result.summary, published: publish },
    newEntities: result.summary.newEntities,
  };
}
