/**
 * Load the real data: reference data (provinces, kabupaten/kota and the entities that exist from
 * them), each year's methodology, the published results — through the importer, as an import
 * of data/seed/results.csv by the system — and the published aggregate facts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/ledger/access";
import { applyImportPlan } from "@/lib/ledger/import/commit";
import type { RowIssue } from "@/lib/ledger/import/context";
import { loadImportContext } from "@/lib/ledger/import/load-context";
import { parseCsv, type RawRow } from "@/lib/ledger/import/parse";
import { planImport } from "@/lib/ledger/import/plan";
import { SeedRowError } from "./csv";
import { seedFacts } from "./facts";
import { readMethodologies, seedMethodologies } from "./methodology";
import { withCuratorFacts } from "./curator-notes";
import { seedReference } from "./reference";

export const SEED_DIR = join(process.cwd(), "data", "seed");

/**
 * Who loads the results: the system, as an admin would import them — published, creating the
 * Polres, ministries and agencies the file names — recorded as "seed" on every row it creates.
 */
export const SEED_ACTOR: Actor = { userId: "seed", email: "seed", role: "ADMIN", provinceIds: [], via: "seed" };

export interface SeedSummary {
  results: number;
  sources: number;
  /** Group statements: rows stating a figure for a whole group (lib/ledger/import/plan-statements.ts). */
  statements: number;
  facts: number;
  createdEntities: number;
}

/**
 * Load everything. Idempotent: a second run adds nothing, and a result that exists already is
 * left as it is (an admin may have corrected it since). A row that cannot be matched aborts the
 * whole seed with its line number: the transaction leaves the database as it was.
 */
export async function seedDatabase(prisma: PrismaClient, dir: string = SEED_DIR): Promise<SeedSummary> {
  const methodologySeeds = readMethodologies(join(dir, "methodology.json"));
  return prisma.$transaction(
    async (tx) => {
      const client = tx as unknown as PrismaClient;
      await seedReference(client);
      await seedMethodologies(client, methodologySeeds);
      const r = await seedResults(tx, join(dir, "results.csv"), "results.csv");
      const facts =
        (await seedFacts(client, join(dir, "aggregates.csv"), "aggregates.csv")) +
        (await seedFacts(client, join(dir, "supplement-aggregates.csv"), "supplement-aggregates.csv"));
      return { ...r, facts };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}

/**
 * The results file as an import: the same parsing, matching, entity creation (Polres linked to
 * their kabupaten/kota, Polresta aliases), primary-value rule and bulk writes as an upload. Each
 * source row records its origin as `results.csv:LINE`. No audit entry: this is the first load,
 * not a change to undo.
 */
async function seedResults(
  tx: Prisma.TransactionClient,
  file: string,
  label: string,
): Promise<Omit<SeedSummary, "facts">> {
  const rows = seedRows(readFileSync(file, "utf8"), label);
  // A row compiled twice (the same entity, year, source and figures) is one source.
  const plan = planImport(rows, await loadImportContext(tx, SEED_ACTOR, { createEntities: true, keepExisting: true, mergeRepeatedRows: true }));
  const errors = plan.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    const byLine = new Map(rows.map((r) => [r.line, r]));
    const [first, ...more] = errors.map((e) => ({ line: e.line, problem: seedProblem(e, byLine.get(e.line)!) }));
    throw new SeedRowError(label, first!.line, [first!.problem, ...more.map((e) => `line ${e.line}: ${e.problem}`)].join("; "));
  }
  const applied = await applyImportPlan(tx, plan, SEED_ACTOR, { publish: true, origin: (line) => `${label}:${line}` });
  return {
    results: applied.createdResultIds.length,
    sources: applied.sourcesAdded,
    statements: applied.createdStatementIds.length,
    createdEntities: applied.createdEntityIds.length,
  };
}

/**
 * The rows of the project's results file as the seed imports them: the curators' notes give facts
 * about their rows (a year inferred, a list position used as a rank, a group statement, a
 * conflict), read into the import's fact columns.
 */
export function seedRows(text: string, label = "results.csv"): RawRow[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`${label}: ${parsed.message}`);
  return parsed.rows.map(withCuratorFacts);
}

/** A row the seed cannot load, said for whoever maintains the data file. */
function seedProblem(issue: RowIssue, row: RawRow): string {
  const v = row.values;
  switch (issue.reason) {
    case "unknown_entity":
      return `no ${v.entity_type} named "${v.entity_name}" in ${v.province || "the reference data"}`;
    case "unknown_province":
      return `unknown province "${v.province}"`;
    case "ambiguous_entity":
      return `"${v.entity_name}" (${v.entity_type}) matches several entities; add the province or a distinguishing alias`;
    default:
      return `${issue.column ? `${issue.column}: ` : ""}${issue.message}`;
  }
}
