/**
 * Copy every row of one Rapor database into another, empty one, of either kind (SQLite →
 * PostgreSQL to move a deployment, or back): results and their sources, the changes waiting
 * for review (pending revisions), group statements and their members, entities, methodology,
 * published facts, users with their password hashes and sessions, tokens, the audit trail.
 * Ids are kept (links, audit references and revert data stay valid), PostgreSQL's id sequences
 * are moved past the copied ids, and the whole copy is one transaction: a failure leaves the
 * target as empty as it was. Then every table is compared, row by row, with the source.
 *
 * DataRevision and YearRevision are not copied: they are the target's own cache keys, which the
 * copy raises.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { providerOf } from "@/lib/db/client";

interface TableSpec {
  /** The model, as in prisma/schema.prisma. */
  model: string;
  /** Columns the rows are ordered by (the primary key). */
  orderBy: readonly string[];
  /** An autoincrement id (its PostgreSQL sequence is moved past the copied ids). */
  serialId?: boolean;
  /** Columns referring to the same table: written after every row exists. */
  selfReferences?: readonly string[];
}

/** Every model, parents before children. A unit test checks it lists every model of the schema. */
export const COPIED_TABLES: readonly TableSpec[] = [
  { model: "Province", orderBy: ["id"], serialId: true, selfReferences: ["splitFromId"] },
  { model: "Regency", orderBy: ["id"], serialId: true },
  { model: "Entity", orderBy: ["id"], serialId: true },
  { model: "EntityAlias", orderBy: ["id"], serialId: true },
  { model: "Methodology", orderBy: ["year"] },
  { model: "MethodologyBand", orderBy: ["id"], serialId: true },
  { model: "MethodologyDimension", orderBy: ["id"], serialId: true },
  { model: "Result", orderBy: ["id"], serialId: true },
  { model: "ResultSource", orderBy: ["id"], serialId: true },
  // Changes to published results waiting for review (after the results and entities they name).
  { model: "ResultRevision", orderBy: ["id"], serialId: true },
  { model: "RevisionSource", orderBy: ["id"], serialId: true },
  { model: "PublishedFact", orderBy: ["id"], serialId: true },
  { model: "GroupCompleteness", orderBy: ["id"], serialId: true },
  { model: "GroupStatement", orderBy: ["id"], serialId: true },
  { model: "GroupStatementMember", orderBy: ["statementId", "entityId"] },
  // Releases and the results they hold (lib/ledger/releases.ts).
  { model: "Release", orderBy: ["id"], serialId: true },
  { model: "ReleaseItem", orderBy: ["id"], serialId: true },
  { model: "User", orderBy: ["id"] },
  { model: "Session", orderBy: ["id"] },
  { model: "Account", orderBy: ["id"] },
  { model: "Verification", orderBy: ["id"] },
  { model: "RateLimit", orderBy: ["id"] },
  { model: "SignInThrottle", orderBy: ["key"] },
  { model: "EditorScope", orderBy: ["userId", "provinceId"] },
  { model: "ApiToken", orderBy: ["id"], serialId: true },
  { model: "ImportMapping", orderBy: ["userId", "headerKey"] },
  { model: "AuditLog", orderBy: ["id"], serialId: true },
];

/** Models whose rows are the database's own state (the revision counters), not data to move. */
export const NOT_COPIED = ["DataRevision", "YearRevision"] as const;

type Row = Record<string, unknown>;

interface Delegate {
  findMany(args: { orderBy: Record<string, "asc">[]; skip: number; take: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  update(args: { where: Row; data: Row }): Promise<Row>;
  count(): Promise<number>;
}

type Client = PrismaClient | Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function delegate(client: Client, model: string): Delegate {
  return (client as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;
}

const CHUNK = 500;

async function* rowsOf(client: Client, spec: TableSpec): AsyncGenerator<Row[]> {
  const orderBy = spec.orderBy.map((column) => ({ [column]: "asc" as const }));
  for (let skip = 0; ; skip += CHUNK) {
    const rows = await delegate(client, spec.model).findMany({ orderBy, skip, take: CHUNK });
    if (rows.length > 0) yield rows;
    if (rows.length < CHUNK) return;
  }
}

/** A row as text that is equal on both databases for equal data (dates as ISO, bigints as digits). */
function canonical(row: Row): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
}

export interface TableComparison {
  model: string;
  sourceRows: number;
  targetRows: number;
  /** SHA-256 of the table's rows in key order, on each side. */
  sourceDigest: string;
  targetDigest: string;
  equal: boolean;
}

/** Count and digest every copied table on both sides. */
export async function compareDatabases(source: PrismaClient, target: PrismaClient): Promise<TableComparison[]> {
  const out: TableComparison[] = [];
  for (const spec of COPIED_TABLES) {
    const digest = async (client: PrismaClient) => {
      const hash = createHash("sha256");
      let rows = 0;
      for await (const chunk of rowsOf(client, spec)) {
        for (const row of chunk) hash.update(canonical(row) + "\n");
        rows += chunk.length;
      }
      return { rows, digest: hash.digest("hex") };
    };
    const [s, t] = [await digest(source), await digest(target)];
    out.push({ model: spec.model, sourceRows: s.rows, targetRows: t.rows, sourceDigest: s.digest, targetDigest: t.digest, equal: s.rows === t.rows && s.digest === t.digest });
  }
  return out;
}

export interface CopyOutcome {
  copied: { model: string; rows: number }[];
}

/** Copy every table; refuses a target that holds any data (nothing is written then). */
export async function copyDatabase(source: PrismaClient, target: PrismaClient, log: (line: string) => void = () => {}): Promise<CopyOutcome> {
  const occupied: string[] = [];
  for (const spec of COPIED_TABLES) {
    const count = await delegate(target, spec.model).count();
    if (count > 0) occupied.push(`${spec.model} (${count})`);
  }
  if (occupied.length > 0) {
    throw new Error(`the target database is not empty: ${occupied.join(", ")}. Copy into a new, migrated database only.`);
  }
  const postgres = providerOf(target) === "postgresql";
  const copied: CopyOutcome["copied"] = [];
  await target.$transaction(
    async (tx) => {
      for (const spec of COPIED_TABLES) {
        let rows = 0;
        const later: { where: Row; data: Row }[] = [];
        for await (const chunk of rowsOf(source, spec)) {
          const data = chunk.map((row) => {
            if (!spec.selfReferences) return row;
            const copy = { ...row };
            const data: Row = {};
            for (const column of spec.selfReferences) {
              if (copy[column] !== null && copy[column] !== undefined) data[column] = copy[column];
              copy[column] = null;
            }
            if (Object.keys(data).length > 0) later.push({ where: Object.fromEntries(spec.orderBy.map((c) => [c, row[c]])), data });
            return copy;
          });
          await delegate(tx, spec.model).createMany({ data });
          rows += chunk.length;
        }
        for (const update of later) await delegate(tx, spec.model).update(update);
        if (postgres && spec.serialId) {
          // Inserting explicit ids does not move a PostgreSQL sequence: the next row must not collide.
          await tx.$executeRawUnsafe(
            `SELECT setval(pg_get_serial_sequence('"${spec.model}"', 'id'), COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM "${spec.model}"`,
          );
        }
        copied.push({ model: spec.model, rows });
        log(`${spec.model}: ${rows}`);
      }
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  return { copied };
}
