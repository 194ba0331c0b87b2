-- CreateTable
CREATE TABLE "ImportMapping" (
    "userId" TEXT NOT NULL,
    "headerKey" TEXT NOT NULL,
    "column" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "headerKey")
);


-- The data revision: every change to a table the public pages read raises DataRevision (id 1:
-- the key of the server's response cache) and YearRevision of the assessment year(s) it
-- touches (the public record rebuilds only those years; year 0 stands for every year: a change
-- to a province, regency, entity or alias can show in any year). Whoever writes — the admin,
-- the write API, the CLI importer in another process, a sqlite3 shell — the triggers raise it.
-- Appended to every new migration by scripts/new-migration.sh: a migration that redefines a
-- table (SQLite: create, copy, drop, rename) drops that table's triggers. Each trigger is
-- dropped and created again (so a changed body replaces the old one), and the file can run
-- any number of times.
INSERT OR IGNORE INTO "DataRevision" ("id", "value") VALUES (1, 0);
DROP TRIGGER IF EXISTS "Province_revision_insert";
CREATE TRIGGER IF NOT EXISTS "Province_revision_insert" AFTER INSERT ON "Province" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Province_revision_update";
CREATE TRIGGER IF NOT EXISTS "Province_revision_update" AFTER UPDATE ON "Province" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Province_revision_delete";
CREATE TRIGGER IF NOT EXISTS "Province_revision_delete" AFTER DELETE ON "Province" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Regency_revision_insert";
CREATE TRIGGER IF NOT EXISTS "Regency_revision_insert" AFTER INSERT ON "Regency" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Regency_revision_update";
CREATE TRIGGER IF NOT EXISTS "Regency_revision_update" AFTER UPDATE ON "Regency" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Regency_revision_delete";
CREATE TRIGGER IF NOT EXISTS "Regency_revision_delete" AFTER DELETE ON "Regency" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Entity_revision_insert";
CREATE TRIGGER IF NOT EXISTS "Entity_revision_insert" AFTER INSERT ON "Entity" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Entity_revision_update";
CREATE TRIGGER IF NOT EXISTS "Entity_revision_update" AFTER UPDATE ON "Entity" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Entity_revision_delete";
CREATE TRIGGER IF NOT EXISTS "Entity_revision_delete" AFTER DELETE ON "Entity" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "EntityAlias_revision_insert";
CREATE TRIGGER IF NOT EXISTS "EntityAlias_revision_insert" AFTER INSERT ON "EntityAlias" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "EntityAlias_revision_update";
CREATE TRIGGER IF NOT EXISTS "EntityAlias_revision_update" AFTER UPDATE ON "EntityAlias" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "EntityAlias_revision_delete";
CREATE TRIGGER IF NOT EXISTS "EntityAlias_revision_delete" AFTER DELETE ON "EntityAlias" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (0, 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Methodology_revision_insert";
CREATE TRIGGER IF NOT EXISTS "Methodology_revision_insert" AFTER INSERT ON "Methodology" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Methodology_revision_update";
CREATE TRIGGER IF NOT EXISTS "Methodology_revision_update" AFTER UPDATE ON "Methodology" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Methodology_revision_delete";
CREATE TRIGGER IF NOT EXISTS "Methodology_revision_delete" AFTER DELETE ON "Methodology" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "MethodologyBand_revision_insert";
CREATE TRIGGER IF NOT EXISTS "MethodologyBand_revision_insert" AFTER INSERT ON "MethodologyBand" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "MethodologyBand_revision_update";
CREATE TRIGGER IF NOT EXISTS "MethodologyBand_revision_update" AFTER UPDATE ON "MethodologyBand" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "MethodologyBand_revision_delete";
CREATE TRIGGER IF NOT EXISTS "MethodologyBand_revision_delete" AFTER DELETE ON "MethodologyBand" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "MethodologyDimension_revision_insert";
CREATE TRIGGER IF NOT EXISTS "MethodologyDimension_revision_insert" AFTER INSERT ON "MethodologyDimension" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "MethodologyDimension_revision_update";
CREATE TRIGGER IF NOT EXISTS "MethodologyDimension_revision_update" AFTER UPDATE ON "MethodologyDimension" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "MethodologyDimension_revision_delete";
CREATE TRIGGER IF NOT EXISTS "MethodologyDimension_revision_delete" AFTER DELETE ON "MethodologyDimension" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Result_revision_insert";
CREATE TRIGGER IF NOT EXISTS "Result_revision_insert" AFTER INSERT ON "Result" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Result_revision_update";
CREATE TRIGGER IF NOT EXISTS "Result_revision_update" AFTER UPDATE ON "Result" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "Result_revision_delete";
CREATE TRIGGER IF NOT EXISTS "Result_revision_delete" AFTER DELETE ON "Result" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "ResultSource_revision_insert";
CREATE TRIGGER IF NOT EXISTS "ResultSource_revision_insert" AFTER INSERT ON "ResultSource" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "Result" WHERE "id" = NEW."resultId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "ResultSource_revision_update";
CREATE TRIGGER IF NOT EXISTS "ResultSource_revision_update" AFTER UPDATE ON "ResultSource" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "Result" WHERE "id" = OLD."resultId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "Result" WHERE "id" = NEW."resultId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "ResultSource_revision_delete";
CREATE TRIGGER IF NOT EXISTS "ResultSource_revision_delete" AFTER DELETE ON "ResultSource" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "Result" WHERE "id" = OLD."resultId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "PublishedFact_revision_insert";
CREATE TRIGGER IF NOT EXISTS "PublishedFact_revision_insert" AFTER INSERT ON "PublishedFact" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "PublishedFact_revision_update";
CREATE TRIGGER IF NOT EXISTS "PublishedFact_revision_update" AFTER UPDATE ON "PublishedFact" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "PublishedFact_revision_delete";
CREATE TRIGGER IF NOT EXISTS "PublishedFact_revision_delete" AFTER DELETE ON "PublishedFact" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupCompleteness_revision_insert";
CREATE TRIGGER IF NOT EXISTS "GroupCompleteness_revision_insert" AFTER INSERT ON "GroupCompleteness" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupCompleteness_revision_update";
CREATE TRIGGER IF NOT EXISTS "GroupCompleteness_revision_update" AFTER UPDATE ON "GroupCompleteness" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupCompleteness_revision_delete";
CREATE TRIGGER IF NOT EXISTS "GroupCompleteness_revision_delete" AFTER DELETE ON "GroupCompleteness" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupStatement_revision_insert";
CREATE TRIGGER IF NOT EXISTS "GroupStatement_revision_insert" AFTER INSERT ON "GroupStatement" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupStatement_revision_update";
CREATE TRIGGER IF NOT EXISTS "GroupStatement_revision_update" AFTER UPDATE ON "GroupStatement" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") VALUES (NEW."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupStatement_revision_delete";
CREATE TRIGGER IF NOT EXISTS "GroupStatement_revision_delete" AFTER DELETE ON "GroupStatement" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") VALUES (OLD."year", 1) ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupStatementMember_revision_insert";
CREATE TRIGGER IF NOT EXISTS "GroupStatementMember_revision_insert" AFTER INSERT ON "GroupStatementMember" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "GroupStatement" WHERE "id" = NEW."statementId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupStatementMember_revision_update";
CREATE TRIGGER IF NOT EXISTS "GroupStatementMember_revision_update" AFTER UPDATE ON "GroupStatementMember" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "GroupStatement" WHERE "id" = OLD."statementId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "GroupStatement" WHERE "id" = NEW."statementId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
DROP TRIGGER IF EXISTS "GroupStatementMember_revision_delete";
CREATE TRIGGER IF NOT EXISTS "GroupStatementMember_revision_delete" AFTER DELETE ON "GroupStatementMember" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; INSERT INTO "YearRevision" ("year", "value") SELECT "year", 1 FROM "GroupStatement" WHERE "id" = OLD."statementId" ON CONFLICT ("year") DO UPDATE SET "value" = "value" + 1; END;
