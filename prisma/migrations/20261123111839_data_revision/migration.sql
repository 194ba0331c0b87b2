-- CreateTable
CREATE TABLE "DataRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "value" INTEGER NOT NULL DEFAULT 0
);

-- Every change to a table the public pages read bumps DataRevision (the cache key of the
-- public record). Appended to every new migration by scripts/new-migration.sh: a migration
-- that redefines a table (SQLite: create, copy, drop, rename) drops that table's triggers.
INSERT OR IGNORE INTO "DataRevision" ("id", "value") VALUES (1, 0);
CREATE TRIGGER IF NOT EXISTS "Province_revision_insert" AFTER INSERT ON "Province" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Province_revision_update" AFTER UPDATE ON "Province" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Province_revision_delete" AFTER DELETE ON "Province" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Regency_revision_insert" AFTER INSERT ON "Regency" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Regency_revision_update" AFTER UPDATE ON "Regency" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Regency_revision_delete" AFTER DELETE ON "Regency" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Entity_revision_insert" AFTER INSERT ON "Entity" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Entity_revision_update" AFTER UPDATE ON "Entity" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Entity_revision_delete" AFTER DELETE ON "Entity" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "EntityAlias_revision_insert" AFTER INSERT ON "EntityAlias" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "EntityAlias_revision_update" AFTER UPDATE ON "EntityAlias" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "EntityAlias_revision_delete" AFTER DELETE ON "EntityAlias" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Methodology_revision_insert" AFTER INSERT ON "Methodology" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Methodology_revision_update" AFTER UPDATE ON "Methodology" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Methodology_revision_delete" AFTER DELETE ON "Methodology" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "MethodologyBand_revision_insert" AFTER INSERT ON "MethodologyBand" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "MethodologyBand_revision_update" AFTER UPDATE ON "MethodologyBand" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "MethodologyBand_revision_delete" AFTER DELETE ON "MethodologyBand" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "MethodologyDimension_revision_insert" AFTER INSERT ON "MethodologyDimension" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "MethodologyDimension_revision_update" AFTER UPDATE ON "MethodologyDimension" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "MethodologyDimension_revision_delete" AFTER DELETE ON "MethodologyDimension" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Result_revision_insert" AFTER INSERT ON "Result" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Result_revision_update" AFTER UPDATE ON "Result" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "Result_revision_delete" AFTER DELETE ON "Result" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "ResultSource_revision_insert" AFTER INSERT ON "ResultSource" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "ResultSource_revision_update" AFTER UPDATE ON "ResultSource" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "ResultSource_revision_delete" AFTER DELETE ON "ResultSource" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "PublishedFact_revision_insert" AFTER INSERT ON "PublishedFact" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "PublishedFact_revision_update" AFTER UPDATE ON "PublishedFact" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "PublishedFact_revision_delete" AFTER DELETE ON "PublishedFact" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "GroupCompleteness_revision_insert" AFTER INSERT ON "GroupCompleteness" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "GroupCompleteness_revision_update" AFTER UPDATE ON "GroupCompleteness" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER IF NOT EXISTS "GroupCompleteness_revision_delete" AFTER DELETE ON "GroupCompleteness" BEGIN UPDATE "DataRevision" SET "value" = "value" + 1 WHERE "id" = 1; END;
