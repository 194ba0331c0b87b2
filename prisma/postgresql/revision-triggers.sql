-- Every change to a table the public pages read raises DataRevision (the cache key of the
-- public record and of each instance's response cache), whoever writes: the app, the CLI
-- importer, a psql session. The PostgreSQL twin of prisma/revision-triggers.sql (same tables;
-- a test compares the lists). Statement-level triggers: one raise per statement however many
-- rows it touches, none when it touches no row; TRUNCATE raises too. Idempotent: appended to
-- every PostgreSQL migration, as the SQLite file is to every SQLite one.
INSERT INTO "DataRevision" ("id", "value") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;

CREATE OR REPLACE FUNCTION "rapor_raise_data_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- changed_rows is the statement's transition table (none for TRUNCATE).
  IF TG_OP = 'TRUNCATE' OR EXISTS (SELECT 1 FROM changed_rows) THEN
    UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  tracked text;
BEGIN
  FOREACH tracked IN ARRAY ARRAY[
    'Province', 'Regency', 'Entity', 'EntityAlias', 'Methodology', 'MethodologyBand',
    'MethodologyDimension', 'Result', 'ResultSource', 'PublishedFact', 'GroupCompleteness'
  ] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked || '_revision_insert', tracked);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_data_revision"()', tracked || '_revision_insert', tracked);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked || '_revision_update', tracked);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_data_revision"()', tracked || '_revision_update', tracked);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked || '_revision_delete', tracked);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_data_revision"()', tracked || '_revision_delete', tracked);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tracked || '_revision_truncate', tracked);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "rapor_raise_data_revision"()', tracked || '_revision_truncate', tracked);
  END LOOP;
END
$$;
