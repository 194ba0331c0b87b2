/**
 * The PL/pgSQL revision triggers (prisma/postgresql/revision-triggers.sql) raise DataRevision
 * and the right years' YearRevision for any writer: a psql session, a plain driver connection,
 * a statement touching many rows (one raise), or none (no raise), a TRUNCATE (every year).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRevisionsWith, type DataRevisions } from "@/lib/db/revision";
import { seedDatabase } from "@/lib/ledger/seed";
import { findPostgresBin } from "@/scripts/postgres/throwaway";
import { createTempDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

describe.skipIf(!testPostgresServer())("revision triggers on PostgreSQL", () => {
  let tdb: TempDatabase;
  let sql: Client;

  beforeAll(async () => {
    tdb = createTempDatabase("pg-revision");
    await seedDatabase(tdb.prisma);
    sql = new Client({ connectionString: tdb.url });
    await sql.connect();
  }, 180_000);

  afterAll(async () => {
    await sql.end();
    await tdb.dispose();
  });

  const revisions = async () => (await readRevisionsWith(tdb.prisma))!;
  /** What moved between two readings: the global step and the years whose counter changed. */
  const moved = (a: DataRevisions, b: DataRevisions) => ({
    global: b.global - a.global,
    years: [...b.years].filter(([y, v]) => a.years.get(y) !== v).map(([y]) => y).sort((x, y) => x - y),
  });

  it("a psql session's write raises the revision and its year", async () => {
    const bin = findPostgresBin()!;
    const before = await revisions();
    const run = spawnSync(join(bin, "psql"), [tdb.url, "-v", "ON_ERROR_STOP=1", "-c", `UPDATE "Result" SET "notes" = "notes" || ' ' WHERE "year" = 2023`], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2023] });
  });

  it("raises once for a statement over many rows, and not at all for a statement that changes none", async () => {
    const count = Number((await sql.query(`SELECT count(*) AS n FROM "Result" WHERE "year" = 2024`)).rows[0].n);
    expect(count).toBeGreaterThan(1);
    let before = await revisions();
    await sql.query(`UPDATE "Result" SET "version" = "version" + 1 WHERE "year" = 2024`);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2024] });
    before = await revisions();
    await sql.query(`UPDATE "Result" SET "version" = "version" + 1 WHERE "year" = 1900`);
    await sql.query(`DELETE FROM "PublishedFact" WHERE "year" = 1900`);
    expect(moved(before, await revisions())).toEqual({ global: 0, years: [] });
  });

  it("raises the year of a source's result, both years of a result moved between years, and year 0 for entities", async () => {
    const { rows } = await sql.query<{ id: number; entityId: number }>(
      `SELECT r."id", r."entityId" FROM "Result" r WHERE r."year" = 2022 AND NOT EXISTS (SELECT 1 FROM "Result" o WHERE o."entityId" = r."entityId" AND o."year" = 2020) LIMIT 1`,
    );
    const result = rows[0]!;
    let before = await revisions();
    await sql.query(`INSERT INTO "ResultSource" ("resultId", "sourceUrl", "origin") VALUES ($1, 'https://example.org/s', 'test')`, [result.id]);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2022] });

    before = await revisions();
    await sql.query(`UPDATE "Result" SET "year" = 2020 WHERE "id" = $1`, [result.id]);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2020, 2022] });
    await sql.query(`UPDATE "Result" SET "year" = 2022 WHERE "id" = $1`, [result.id]);

    before = await revisions();
    await sql.query(`UPDATE "Entity" SET "name" = "name" WHERE "id" = $1`, [result.entityId]);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [0] });
  });

  it("raises the year of a group statement, and a member's statement's year", async () => {
    const entity = (await sql.query<{ id: number }>(`SELECT "id" FROM "Entity" ORDER BY "id" LIMIT 1`)).rows[0]!;
    let before = await revisions();
    const { rows } = await sql.query<{ id: number }>(
      `INSERT INTO "GroupStatement" ("year", "entityGroup", "sourceUrl", "createdBy") VALUES (2021, 'PEMKOT', 'https://example.org/g', 'test') RETURNING "id"`,
    );
    const statement = rows[0]!.id;
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2021] });

    before = await revisions();
    await sql.query(`INSERT INTO "GroupStatementMember" ("statementId", "entityId") VALUES ($1, $2)`, [statement, entity.id]);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2021] });

    before = await revisions();
    await sql.query(`UPDATE "GroupStatement" SET "year" = 2022 WHERE "id" = $1`, [statement]);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2021, 2022] });

    before = await revisions();
    await sql.query(`DELETE FROM "GroupStatementMember" WHERE "statementId" = $1`, [statement]);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [2022] });
    await sql.query(`DELETE FROM "GroupStatement" WHERE "id" = $1`, [statement]);
  });

  it("raises every year (year 0) on a TRUNCATE", async () => {
    const before = await revisions();
    await sql.query(`TRUNCATE "GroupCompleteness"`);
    expect(moved(before, await revisions())).toEqual({ global: 1, years: [0] });
  });

  it("leaves it alone for tables no public page reads", async () => {
    const before = await revisions();
    await sql.query(`INSERT INTO "AuditLog" ("actorEmail", "action", "targetType", "targetId") VALUES ('t@example.test', 'UPDATE', 'RESULT', '1')`);
    await sql.query(`INSERT INTO "SignInThrottle" ("key", "failures", "firstFailureAt") VALUES ('x@example.test', 1, now())`);
    expect(moved(before, await revisions())).toEqual({ global: 0, years: [] });
  });
});
