-- CreateTable
CREATE TABLE "Province" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "formedIn" INTEGER,
    "splitFromId" INTEGER,
    CONSTRAINT "Province_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Regency" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "formerProvinceId" INTEGER,
    CONSTRAINT "Regency_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Regency_formerProvinceId_fkey" FOREIGN KEY ("formerProvinceId") REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Entity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "regencyId" INTEGER,
    "provinceId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Entity_regencyId_fkey" FOREIGN KEY ("regencyId") REFERENCES "Regency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Entity_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntityAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entityId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    CONSTRAINT "EntityAlias_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Methodology" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "opinionName" TEXT,
    "bandsVerified" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "sources" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MethodologyBand" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,
    "zone" TEXT NOT NULL,
    "category" TEXT,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "MethodologyBand_year_fkey" FOREIGN KEY ("year") REFERENCES "Methodology" ("year") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MethodologyDimension" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "MethodologyDimension_year_fkey" FOREIGN KEY ("year") REFERENCES "Methodology" ("year") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Result" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entityId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "provinceId" INTEGER,
    "score" INTEGER,
    "dimensionScores" TEXT,
    "publishedZone" TEXT,
    "publishedCategory" TEXT,
    "publishedOpinion" TEXT,
    "computedZone" TEXT,
    "computedCategory" TEXT,
    "computedLabel" TEXT,
    "publishedNationalRank" INTEGER,
    "publishedProvinceRank" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "sourceUrl" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "hasConflict" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Result_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Result_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResultSource" (
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
    CONSTRAINT "ResultSource_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "Result" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedFact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "provinceId" INTEGER,
    "entityGroup" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "origin" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "PublishedFact_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupCompleteness" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "entityGroup" TEXT NOT NULL,
    "provinceId" INTEGER,
    "complete" BOOLEAN NOT NULL,
    "markedBy" TEXT NOT NULL,
    "markedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "GroupCompleteness_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Province_code_key" ON "Province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Province_slug_key" ON "Province"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Regency_code_key" ON "Regency"("code");

-- CreateIndex
CREATE INDEX "Regency_provinceId_idx" ON "Regency"("provinceId");

-- CreateIndex
CREATE UNIQUE INDEX "Entity_slug_key" ON "Entity"("slug");

-- CreateIndex
CREATE INDEX "Entity_type_idx" ON "Entity"("type");

-- CreateIndex
CREATE INDEX "Entity_provinceId_idx" ON "Entity"("provinceId");

-- CreateIndex
CREATE INDEX "EntityAlias_key_idx" ON "EntityAlias"("key");

-- CreateIndex
CREATE UNIQUE INDEX "EntityAlias_entityId_alias_key" ON "EntityAlias"("entityId", "alias");

-- CreateIndex
CREATE INDEX "MethodologyBand_year_idx" ON "MethodologyBand"("year");

-- CreateIndex
CREATE UNIQUE INDEX "MethodologyDimension_year_code_key" ON "MethodologyDimension"("year", "code");

-- CreateIndex
CREATE INDEX "Result_year_status_idx" ON "Result"("year", "status");

-- CreateIndex
CREATE INDEX "Result_provinceId_year_idx" ON "Result"("provinceId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Result_entityId_year_key" ON "Result"("entityId", "year");

-- CreateIndex
CREATE INDEX "ResultSource_resultId_idx" ON "ResultSource"("resultId");

-- CreateIndex
CREATE INDEX "PublishedFact_year_metric_idx" ON "PublishedFact"("year", "metric");

-- CreateIndex
CREATE INDEX "PublishedFact_provinceId_year_idx" ON "PublishedFact"("provinceId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "GroupCompleteness_year_entityGroup_provinceId_key" ON "GroupCompleteness"("year", "entityGroup", "provinceId");

