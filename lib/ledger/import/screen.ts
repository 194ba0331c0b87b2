/**
 * The import screen's dry run: read the file's cells, map its columns (headers.ts: recognised,
 * remembered for this user, or chosen on the screen), apply the screen's corrections and its
 * source link for the whole file, then plan as every import does. Writes nothing.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/ledger/access";
import { db } from "@/lib/db/client";
import { publishedFieldRules } from "@/lib/ledger/schemas/result";
import type { TextEncodingName } from "./decode";
import { mappingNotices, proposeMapping, type MappingProposal } from "./headers";
import { loadImportContext } from "./load-context";
import { rememberedMapping } from "./mapping-memory";
import { parseImportFile, readImportTable, rowsOfTable, type RawRow } from "./parse";
import { planImport, type ImportPlan } from "./plan";

/** How the screen names the option that creates unknown entities (never a command-line flag). */
export const SCREEN_CREATE_HINT = 'centang "Buat instansi baru untuk Polres, kementerian atau lembaga yang belum ada", lalu periksa ulang';

export interface ScreenOptions {
  createEntities: boolean;
  publish: boolean;
  /** The admin's choice per column position: a field name, or "" to ignore the column. */
  chosen: ReadonlyMap<number, string>;
  /** The source link for rows that give none (a field on the screen); "" for none. */
  sourceUrl: string;
  /** Rows whose unknown entity the admin named on the screen: line → entity id. */
  corrections: ReadonlyMap<number, number>;
  /**
   * A request that is not the screen's (a script posting a file): the file's columns are read by
   * their exact names, as the command line reads them (parseImportFile), with no mapping step.
   */
  strict?: boolean;
  onParsed?: (rows: number) => Promise<void> | void;
}

export type ScreenOutcome =
  | { kind: "failed"; message: string; field?: "sourceUrl" }
  | { kind: "mapping"; proposal: MappingProposal; notices: string[]; samples: string[][]; encoding?: TextEncodingName }
  | {
      kind: "planned";
      plan: ImportPlan;
      /** Null for a strict reading (no mapping step). */
      proposal: MappingProposal | null;
      notices: string[];
      samples: string[][];
      encoding?: TextEncodingName;
      provinceNames: ReadonlyMap<number, string>;
      /** The corrections applied: the name as written and the entity that replaces it. */
      corrected: { line: number; written: string; id: number; name: string }[];
    };

export async function planScreenImport(name: string, data: Uint8Array, actor: Actor, options: ScreenOptions, prisma: PrismaClient = db()): Promise<ScreenOutcome> {
  let sourceUrl: string | null = null;
  if (options.sourceUrl.trim() !== "") {
    const checked = publishedFieldRules.sourceUrl.safeParse(options.sourceUrl.trim());
    if (!checked.success) return { kind: "failed", field: "sourceUrl", message: `Tautan sumber untuk seluruh berkas: ${checked.error.issues[0]!.message}` };
    sourceUrl = checked.data;
  }
  let mapped: RawRow[];
  let proposal: MappingProposal | null = null;
  let notices: string[] = [];
  let samples: string[][] = [];
  let encoding: { encoding?: TextEncodingName } = {};
  if (options.strict) {
    const parsed = await parseImportFile(name, data);
    if (!parsed.ok) return { kind: "failed", message: parsed.message };
    if (parsed.rows.length === 0) return { kind: "failed", message: "Berkas tidak memuat baris data." };
    mapped = parsed.rows;
    encoding = parsed.encoding ? { encoding: parsed.encoding } : {};
  } else {
    const read = await readImportTable(name, data);
    if (!read.ok) return { kind: "failed", message: read.message };
    const { table } = read;
    if (table.records.length === 0) return { kind: "failed", message: "Berkas tidak memuat baris data." };
    proposal = proposeMapping(table.header, await rememberedMapping(actor.userId, prisma), options.chosen, sourceUrl !== null);
    notices = mappingNotices(proposal);
    // The first values of each column, so that the admin sees what a column holds before mapping it.
    samples = sampleRows(table.header.length, table.records);
    encoding = table.encoding ? { encoding: table.encoding } : {};
    if (!proposal.complete) return { kind: "mapping", proposal, notices, samples, ...encoding };
    mapped = rowsOfTable(table, proposal.columns, sourceUrl);
  }
  await options.onParsed?.(mapped.length);

  const ctx = await loadImportContext(prisma, actor, {
    createEntities: options.createEntities,
    publish: options.publish,
    ...(options.strict ? {} : { createEntitiesHint: SCREEN_CREATE_HINT }),
  });
  const corrected: { line: number; written: string; id: number; name: string }[] = [];
  const rows = mapped.map((row) => {
    const id = options.corrections.get(row.line);
    const entity = id === undefined ? undefined : ctx.entities.get(id);
    if (!entity) return row;
    // The entity the admin picked replaces the name as written (its type stays the file's).
    corrected.push({ line: row.line, written: row.values.entity_name, id: entity.id, name: entity.name });
    return { ...row, values: { ...row.values, entity_name: entity.name } };
  });
  const plan = planImport(rows, ctx);
  const provinceNames = new Map(ctx.provinces.map((p) => [p.id, p.name]));
  return { kind: "planned", plan, proposal, notices, samples, ...encoding, provinceNames, corrected };
}

/** Up to three values of each column, the first non-empty ones (a column may be empty in its first rows). */
function sampleRows(width: number, records: readonly { cells: readonly string[] }[]): string[][] {
  const columns = Array.from({ length: width }, (_, i) => {
    const found: string[] = [];
    for (const r of records) {
      const cell = (r.cells[i] ?? "").trim();
      if (cell !== "") found.push(cell);
      if (found.length === 3) break;
    }
    return found;
  });
  return [0, 1, 2].map((k) => columns.map((values) => values[k] ?? ""));
}
