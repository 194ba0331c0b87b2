/**
 * The PostgreSQL schema and migrations cannot drift from the SQLite ones: the committed
 * PostgreSQL schema is exactly what the generator makes of prisma/schema.prisma, the revision
 * triggers watch the same tables on both databases, and every text column a PostgreSQL
 * migration creates compares byte by byte, as on SQLite.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { collateText } from "@/scripts/postgres/migration-sql";
import { postgresSchemaFrom } from "@/scripts/postgres/schema";

const ROOT = resolve(__dirname, "..", "..");
const read = (...parts: string[]) => readFileSync(join(ROOT, ...parts), "utf8");

describe("PostgreSQL schema", () => {
  it("is generated from the SQLite schema and committed as generated (npm run db:schema)", () => {
    expect(read("prisma", "postgresql", "schema.prisma")).toBe(postgresSchemaFrom(read("prisma", "schema.prisma")));
  });

  it("differs from the SQLite schema only in the provider and the client folder", () => {
    const sqlite = read("prisma", "schema.prisma");
    const postgres = postgresSchemaFrom(sqlite);
    const models = (text: string) => text.slice(text.indexOf("/// A province"));
    expect(models(postgres)).toBe(models(sqlite));
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toContain('output     = "../../lib/generated/prisma-postgresql"');
  });

  it("refuses a SQLite schema it does not recognise rather than guessing", () => {
    expect(() => postgresSchemaFrom(read("prisma", "schema.prisma").replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/provider/);
  });
});

describe("PostgreSQL migrations", () => {
  const folder = join(ROOT, "prisma", "postgresql", "migrations");
  const migrations = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, sql: readFileSync(join(folder, e.name, "migration.sql"), "utf8") }));

  it("exist, with a lock file naming the provider", () => {
    expect(migrations.length).toBeGreaterThan(0);
    expect(read("prisma", "postgresql", "migrations", "migration_lock.toml")).toContain('provider = "postgresql"');
  });

  it("collate every text column they create, add or retype", () => {
    for (const m of migrations) {
      const uncollated = m.sql.split("\n").filter((line) => /\bTEXT\b/.test(line) && !line.trimStart().startsWith("--") && /("[^"]+" TEXT|SET DATA TYPE TEXT)/.test(line) && !/TEXT COLLATE "C"/.test(line));
      expect(uncollated, m.name).toEqual([]);
    }
  });

  it("end with the revision triggers, which watch the same tables as SQLite's", () => {
    const sqliteTables = new Set([...read("prisma", "revision-triggers.sql").matchAll(/AFTER \w+ ON "([^"]+)"/g)].map((m) => m[1]));
    const triggers = read("prisma", "postgresql", "revision-triggers.sql");
    const list = /ARRAY\[([^\]]+)\]/.exec(triggers)![1]!;
    const postgresTables = new Set([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]));
    expect(postgresTables).toEqual(sqliteTables);
    for (const m of migrations) expect(m.sql.trimEnd().endsWith(triggers.trimEnd()), m.name).toBe(true);
  });
});

describe("collateText", () => {
  it("collates TEXT columns in CREATE TABLE, ADD COLUMN and SET DATA TYPE, nothing else", () => {
    const sql = [
      'CREATE TABLE "T" (',
      '    "id" SERIAL NOT NULL,',
      '    "name" TEXT NOT NULL,',
      '    "note" TEXT,',
      '    "tags" TEXT[],',
      "    \"kind\" TEXT NOT NULL DEFAULT 'TEXT'",
      ");",
      'ALTER TABLE "T" ADD COLUMN "extra" TEXT;',
      'ALTER TABLE "T" ALTER COLUMN "n" SET DATA TYPE TEXT;',
      "-- TEXT in a comment",
    ].join("\n");
    expect(collateText(sql)).toBe(
      [
        'CREATE TABLE "T" (',
        '    "id" SERIAL NOT NULL,',
        '    "name" TEXT COLLATE "C" NOT NULL,',
        '    "note" TEXT COLLATE "C",',
        '    "tags" TEXT[],',
        "    \"kind\" TEXT COLLATE \"C\" NOT NULL DEFAULT 'TEXT'",
        ");",
        'ALTER TABLE "T" ADD COLUMN "extra" TEXT COLLATE "C";',
        'ALTER TABLE "T" ALTER COLUMN "n" SET DATA TYPE TEXT COLLATE "C";',
        "-- TEXT in a comment",
      ].join("\n"),
    );
  });
});
