/**
 * Is the database usable: reachable, and at the migration this code expects? For /api/health,
 * which load balancers and supervisors poll.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { compareMigrations, knownMigrations } from "./backup";

export interface DatabaseHealth {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: { applied: number; expected: number; pending: string[]; unknown: string[] } | null;
  message: string;
}

export async function databaseHealth(prisma: PrismaClient, migrationsDir: string): Promise<DatabaseHealth> {
  let applied: string[];
  try {
    const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    applied = rows.map((r) => r.name);
  } catch (error) {
    return { ok: false, database: "unreachable", migrations: null, message: `database not reachable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
  let known: string[];
  try {
    known = knownMigrations(migrationsDir);
  } catch {
    return { ok: false, database: "reachable", migrations: null, message: "the migrations folder cannot be read" };
  }
  const { pending, unknown } = compareMigrations(applied, known);
  const ok = pending.length === 0 && unknown.length === 0;
  return {
    ok,
    database: "reachable",
    migrations: { applied: applied.length, expected: known.length, pending, unknown },
    message: ok ? "ok" : pending.length > 0 ? `migrations not applied: ${pending.join(", ")}` : `database has migrations this code does not know: ${unknown.join(", ")}`,
  };
}
