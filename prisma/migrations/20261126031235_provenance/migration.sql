-- AlterTable
ALTER TABLE "Province" ADD COLUMN "formedBy" TEXT;
ALTER TABLE "Province" ADD COLUMN "formedOn" DATETIME;

-- CreateTable
CREATE TABLE "GroupStatement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "provinceId" INTEGER,
    "entityGroup" TEXT NOT NULL,
    "zone" TEXT,
    "category" TEXT,
    "opinion" TEXT,
    "sourceUrl" TEXT NOT NULL,
    "yearInferred" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "notes" TEXT NOT NULL DEFAULT '',
    "origin" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GroupStatement_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupStatementMember" (
    "statementId" INTEGER NOT NULL,
    "entityId" INTEGER NOT NULL,

    PRIMARY KEY ("statementId", "entityId"),
    CONSTRAINT "GroupStatementMember_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "GroupStatement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupStatementMember_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ResultSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resultId" INTEGER NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "score" INTEGER,
    "zone" TEXT,
    "category" TEXT,
    "opinion" TEXT,
    "nationalRank" INTEGER,
    "provinceRank" INTEGER,
    "sourceUrl" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "origin" TEXT NOT NULL DEFAULT '',
    "yearInferred" BOOLEAN NOT NULL DEFAULT false,
    "rankFromList" BOOLEAN NOT NULL DEFAULT false,
    "provinceRankWithinType" BOOLEAN NOT NULL DEFAULT false,
    "disputed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ResultSource_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "Result" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ResultSource" ("category", "id", "isPrimary", "nationalRank", "notes", "opinion", "origin", "provinceRank", "resultId", "score", "sourceUrl", "zone") SELECT "category", "id", "isPrimary", "nationalRank", "notes", "opinion", "origin", "provinceRank", "resultId", "score", "sourceUrl", "zone" FROM "ResultSource";
DROP TABLE "ResultSource";
ALTER TABLE "new_ResultSource" RENAME TO "ResultSource";
CREATE INDEX "ResultSource_resultId_idx" ON "ResultSource"("resultId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "GroupStatement_year_status_idx" ON "GroupStatement"("year", "status");

-- CreateIndex
CREATE INDEX "GroupStatementMember_entityId_idx" ON "GroupStatementMember"("entityId");


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
