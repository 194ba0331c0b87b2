/**
 * The PostgreSQL migration runner (lib/db/migrate.ts): applies each committed migration once,
 * records it as `prisma migrate deploy` would, ends at the schema Prisma describes, and refuses
 * what it must (a changed migration, a failing one: rolled back whole, named).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { createPostgresDatabase, migratePostgres, readMigrations } from "@/lib/db/migrate";
import { prismaDiff } from "@/scripts/postgres/migration-sql";
import { POSTGRES_SCHEMA } from "@/scripts/postgres/schema";
import { testPostgresServer } from "../helpers/temp-db";

const ROOT = resolve(__dirname, "..", "..");
const FOLDER = join(ROOT, "prisma", "postgresql", "migrations");
const server = testPostgresServer();

describe.skipIf(!server)("PostgreSQL migrations", () => {
  const created: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "rapor-migrations-"));

  async function freshDatabase(label: string): Promise<string> {
    const url = new URL(server!);
    const name = `m_${label}_${process.pid}_${Date.now()}`;
    url.pathname = `/${name}`;
    await createPostgresDatabase(url.toString());
    created.push(name);
    return url.toString();
  }

  async function query<T extends Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Tables, columns, indexes and constraints, as the catalogue describes them. */
  async function shape(url: string): Promise<unknown> {
    const columns = await query(
      url,
      `SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`,
    );
    const indexes = await query(url, `SELECT indexname::text, indexdef::text FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
    const constraints = await query(
      url,
      `SELECT conname::text, pg_get_constraintdef(oid)::text AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid NOT IN (SELECT oid FROM pg_class WHERE relname = '_prisma_migrations') ORDER BY conname`,
    );
    return { columns, indexes, constraints };
  }

  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    const client = new Client({ connectionString: server! });
    await client.connect();
    try {
      for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });

  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    const url = await freshDatabase("once");
    const names = readMigrations(FOLDER).map((m) => m.name);
    expect(await migratePostgres(url, FOLDER)).toEqual({ applied: names, alreadyApplied: [], unknown: [] });
    expect(await migratePostgres(url, FOLDER)).toEqual({ applied: [], alreadyApplied: names, unknown: [] });
    const rows = await query<{ migration_name: string; checksum: string; finished: boolean; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(readMigrations(FOLDER).map((m) => ({ migration_name: m.name, checksum: m.checksum, finished: true, applied_steps_count: 1 })));
  });

  it("ends at exactly the schema Prisma makes of prisma/postgresql/schema.prisma (text collated)", async () => {
    const migrated = await freshDatabase("migrated");
    await migratePostgres(migrated, FOLDER);
    const direct = await freshDatabase("direct");
    await query(direct, prismaDiff(direct, null, POSTGRES_SCHEMA));
    expect(await shape(migrated)).toEqual(await shape(direct));
    const uncollated = await query(
      migrated,
      `SELECT table_name::text, column_name::text FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'`,
    );
    expect(uncollated).toEqual([]);
  });

  it("applies each migration once when two instances start together", async () => {
    const url = await freshDatabase("together");
    const [first, second] = await Promise.all([migratePostgres(url, FOLDER), migratePostgres(url, FOLDER)]);
    const names = readMigrations(FOLDER).map((m) => m.name);
    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    expect((await query(url, `SELECT 1 FROM "_prisma_migrations"`)).length).toBe(names.length);
  });

  it("refuses a migration changed after it was applied, and changes nothing", async () => {
    const folder = join(scratch, "changed");
    cpSync(FOLDER, folder, { recursive: true });
    const url = await freshDatabase("changed");
    await migratePostgres(url, folder);
    const first = readMigrations(folder)[0]!;
    writeFileSync(join(folder, first.name, "migration.sql"), first.sql + "\n-- edited later\n");
    mkdirSync(join(folder, "29991231000000_later"));
    writeFileSync(join(folder, "29991231000000_later", "migration.sql"), `CREATE TABLE "Later" ("id" INTEGER);`);
    await expect(migratePostgres(url, folder)).rejects.toThrow(`migration ${first.name} was changed after it was applied`);
    expect(await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'Later'`)).toEqual([]);
  });

  it("/api/health answers 200 with every migration applied, 503 when one is not", async () => {
    const url = await freshDatabase("health");
    await migratePostgres(url, FOLDER);
    const saved = process.env.DATABASE_URL;
    // The route's db(): the process's client, made anew on this database.
    const processClient = () => (globalThis as unknown as { raporPrisma?: { $disconnect: () => Promise<void> } }).raporPrisma;
    process.env.DATABASE_URL = url;
    Reflect.deleteProperty(globalThis, "raporPrisma");
    try {
      const ok = await health();
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ status: "ok", database: "reachable", migrations: { pending: [], unknown: [] } });
      const last = readMigrations(FOLDER).at(-1)!.name;
      await query(url, `UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = $1`, [last]);
      const pending = await health();
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({ status: "unavailable", migrations: { pending: [last] } });
    } finally {
      await processClient()?.$disconnect();
      Reflect.deleteProperty(globalThis, "raporPrisma");
      process.env.DATABASE_URL = saved;
    }
  });

  it("rolls a failing migration back whole and names it", async () => {
    const folder = join(scratch, "failing");
    cpSync(FOLDER, folder, { recursive: true });
    mkdirSync(join(folder, "29991231000000_broken"));
    writeFileSync(join(folder, "29991231000000_broken", "migration.sql"), `CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "Nowhere" ADD COLUMN "x" INTEGER;\n`);
    const url = await freshDatabase("failing");
    await expect(migratePostgres(url, folder)).rejects.toThrow(/migration 29991231000000_broken failed and was rolled back: relation "Nowhere" does not exist/);
    expect(await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`)).toEqual([]);
    const names = (await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`)).map((r) => r.migration_name);
    expect(names).toEqual(readMigrations(FOLDER).map((m) => m.name));
  });
});
