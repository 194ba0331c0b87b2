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

  it("end with the revision triggers, the last with the current ones", () => {
    const triggers = read("prisma", "postgresql", "revision-triggers.sql");
    for (const m of migrations) expect(m.sql, m.name).toMatch(/EXECUTE FUNCTION "rapor_raise[a-z_]*"\(/);
    expect(migrations.at(-1)!.sql.trimEnd().endsWith(triggers.trimEnd())).toBe(true);
  });
});

describe("PostgreSQL revision triggers", () => {
  /** Per table, which year a change raises: 0 (every year), the row's own, its result's, or its group statement's. */
  function sqliteKinds(): Map<string, string> {
    const kinds = new Map<string, string>();
    for (const m of read("prisma", "revision-triggers.sql").matchAll(/CREATE TRIGGER IF NOT EXISTS "\w+" AFTER \w+ ON "(\w+)" BEGIN (.*?) END;/g)) {
      const body = m[2]!;
      const kind = body.includes('VALUES (0, 1)')
        ? "all"
        : body.includes('FROM "Result"')
          ? "result"
          : body.includes('FROM "GroupStatement"')
            ? "statement"
            : /(NEW|OLD)\."year"/.test(body)
              ? "year"
              : "?";
      const seen = kinds.get(m[1]!);
      kinds.set(m[1]!, seen && seen !== kind ? "mixed" : kind);
    }
    return kinds;
  }

  it("watch the same tables as SQLite's, raising the same years", () => {
    const postgres = new Map([...read("prisma", "postgresql", "revision-triggers.sql").matchAll(/\('(\w+)', '(all|year|result|statement)'\)/g)].map((m) => [m[1]!, m[2]!]));
    const sqlite = sqliteKinds();
    expect(sqlite.size).toBeGreaterThanOrEqual(13);
    expect(postgres).toEqual(sqlite);
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
