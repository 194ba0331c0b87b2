"use server";

import { currentActor } from "@/lib/auth/actor";
import { importRequestOf, runImport, type ImportState } from "./import-run";

export type { ImportPreviewRow, ImportState } from "./import-run";

/** Dry run or commit of an uploaded file, by the button pressed ("intent"). The form uses it
 * when JavaScript is off; with JavaScript it posts to ./unggah to show progress. */
export async function importAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await currentActor();
  if (!actor) return { stage: "failed", message: "Sesi Anda berakhir; masuk kembali." };
  return runImport(actor, importRequestOf(formData));
}
