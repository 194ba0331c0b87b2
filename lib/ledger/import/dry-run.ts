/** The dry run of an import file: parse it, read the database, plan. Writes nothing. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/ledger/access";
import { db } from "@/lib/db/client";
import type { ImportOptions } from "./context";
import { loadImportContext } from "./load-context";
import type { TextEncodingName } from "./decode";
import { parseImportFile } from "./parse";
import { planImport, type ImportPlan } from "./plan";

/** `encoding`: how a CSV file's bytes were read, to show the admin (never replaced silently). */
export type PlanOutcome = { ok: true; plan: ImportPlan; encoding?: TextEncodingName } | { ok: false; message: string };

export async function planImportFile(
  name: string,
  data: Uint8Array,
  actor: Actor,
  options: ImportOptions & { onParsed?: (rows: number) => Promise<void> | void },
  prisma: PrismaClient = db(),
): Promise<PlanOutcome> {
  const parsed = await parseImportFile(name, data);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.rows.length === 0) return { ok: false, message: "Berkas tidak memuat baris data." };
  // A progress display learns the row count before the (longer) matching and validation.
  await options.onParsed?.(parsed.rows.length);
  return { ok: true, plan: planImport(parsed.rows, await loadImportContext(prisma, actor, options)), encoding: parsed.encoding };
}
