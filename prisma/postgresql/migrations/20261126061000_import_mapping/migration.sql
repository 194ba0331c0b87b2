-- CreateTable
CREATE TABLE "ImportMapping" (
    "userId" TEXT COLLATE "C" NOT NULL,
    "headerKey" TEXT COLLATE "C" NOT NULL,
    "column" TEXT COLLATE "C" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("userId","headerKey")
);

-- The data revision on PostgreSQL, the twin of prisma/revision-triggers.sql (same tables, same
-- counters; a test compares them): every change to a table the public pages read raises
-- DataRevision (id 1: the key of each instance's response cache) and YearRevision of each
-- assessment year it touches (the public record rebuilds only those; year 0 stands for every
-- year: provinces, regencies, entities and aliases can show in any year). Whoever writes — an
-- instance, the CLI importer, a psql session — the triggers raise it.
-- Statement-level triggers over the statement's transition tables: one raise per statement
-- however many rows it touches, none when it touches no row; TRUNCATE raises year 0.
-- Idempotent: appended to every PostgreSQL migration, as the SQLite file is to every SQLite one.
INSERT INTO "DataRevision" ("id", "value") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;

CREATE OR REPLACE FUNCTION "rapor_raise_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- How the table names its year: 'all' (year 0), 'year' (its own column), 'result' (its
  -- result's: "resultId"), 'statement' (its group statement's: "statementId").
  kind text := TG_ARGV[0];
  changed boolean;
  touched integer[];
BEGIN
  -- new_rows / old_rows are the statement's transition tables (INSERT: new, DELETE: old,
  -- UPDATE: both; none for TRUNCATE). Separate statements, not one CASE: PL/pgSQL plans a whole
  -- expression, and a table without "year" could not plan the other branches.
  IF TG_OP = 'TRUNCATE' THEN
    changed := TRUE;
  ELSIF TG_OP = 'DELETE' THEN
    changed := EXISTS (SELECT 1 FROM old_rows);
  ELSE
    changed := EXISTS (SELECT 1 FROM new_rows);
  END IF;
  IF NOT changed THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'TRUNCATE' OR kind = 'all' THEN
    touched := ARRAY[0];
  ELSIF kind = 'year' AND TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT DISTINCT "year" FROM new_rows);
  ELSIF kind = 'year' AND TG_OP = 'DELETE' THEN
    touched := ARRAY(SELECT DISTINCT "year" FROM old_rows);
  ELSIF kind = 'year' THEN
    touched := ARRAY(SELECT "year" FROM old_rows UNION SELECT "year" FROM new_rows);
  ELSIF kind = 'result' AND TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT DISTINCT r."year" FROM "Result" r WHERE r."id" IN (SELECT "resultId" FROM new_rows));
  ELSIF kind = 'result' AND TG_OP = 'DELETE' THEN
    touched := ARRAY(SELECT DISTINCT r."year" FROM "Result" r WHERE r."id" IN (SELECT "resultId" FROM old_rows));
  ELSIF kind = 'result' THEN
    touched := ARRAY(SELECT DISTINCT r."year" FROM "Result" r WHERE r."id" IN (SELECT "resultId" FROM old_rows UNION SELECT "resultId" FROM new_rows));
  ELSIF TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT DISTINCT s."year" FROM "GroupStatement" s WHERE s."id" IN (SELECT "statementId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    touched := ARRAY(SELECT DISTINCT s."year" FROM "GroupStatement" s WHERE s."id" IN (SELECT "statementId" FROM old_rows));
  ELSE
    touched := ARRAY(SELECT DISTINCT s."year" FROM "GroupStatement" s WHERE s."id" IN (SELECT "statementId" FROM old_rows UNION SELECT "statementId" FROM new_rows));
  END IF;
  UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1;
  INSERT INTO "YearRevision" ("year", "value") SELECT y, 1 FROM unnest(touched) AS y
    ON CONFLICT ("year") DO UPDATE SET "value" = "YearRevision"."value" + 1;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  tracked record;
BEGIN
  FOR tracked IN SELECT * FROM (VALUES
    ('Province', 'all'), ('Regency', 'all'), ('Entity', 'all'), ('EntityAlias', 'all'),
    ('Methodology', 'year'), ('MethodologyBand', 'year'), ('MethodologyDimension', 'year'),
    ('Result', 'year'), ('PublishedFact', 'year'), ('GroupCompleteness', 'year'),
    ('ResultSource', 'result'), ('GroupStatement', 'year'), ('GroupStatementMember', 'statement')
  ) AS t (name, kind) LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked.name || '_revision_insert', tracked.name);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_revision"(%L)', tracked.name || '_revision_insert', tracked.name, tracked.kind);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked.name || '_revision_update', tracked.name);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_revision"(%L)', tracked.name || '_revision_update', tracked.name, tracked.kind);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked.name || '_revision_delete', tracked.name);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_revision"(%L)', tracked.name || '_revision_delete', tracked.name, tracked.kind);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked.name || '_revision_truncate', tracked.name);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_revision"(%L)', tracked.name || '_revision_truncate', tracked.name, tracked.kind);
  END LOOP;
END
$$;

-- The first migration's function, raising DataRevision alone (replaced by the one above).
DROP FUNCTION IF EXISTS "rapor_raise_data_revision"();
