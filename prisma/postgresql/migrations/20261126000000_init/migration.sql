-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Province" (
    "id" SERIAL NOT NULL,
    "code" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "slug" TEXT COLLATE "C" NOT NULL,
    "formedIn" INTEGER,
    "splitFromId" INTEGER,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Regency" (
    "id" SERIAL NOT NULL,
    "code" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "kind" TEXT COLLATE "C" NOT NULL,
    "shortName" TEXT COLLATE "C" NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "formerProvinceId" INTEGER,

    CONSTRAINT "Regency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entity" (
    "id" SERIAL NOT NULL,
    "type" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "slug" TEXT COLLATE "C" NOT NULL,
    "regencyId" INTEGER,
    "provinceId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntityAlias" (
    "id" SERIAL NOT NULL,
    "entityId" INTEGER NOT NULL,
    "alias" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "EntityAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Methodology" (
    "year" INTEGER NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "opinionName" TEXT COLLATE "C",
    "bandsVerified" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "sources" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Methodology_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "MethodologyBand" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,
    "zone" TEXT COLLATE "C" NOT NULL,
    "category" TEXT COLLATE "C",
    "label" TEXT COLLATE "C" NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "MethodologyBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MethodologyDimension" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "code" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "weight" INTEGER,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "MethodologyDimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Result" (
    "id" SERIAL NOT NULL,
    "entityId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "provinceId" INTEGER,
    "score" INTEGER,
    "dimensionScores" TEXT COLLATE "C",
    "publishedZone" TEXT COLLATE "C",
    "publishedCategory" TEXT COLLATE "C",
    "publishedOpinion" TEXT COLLATE "C",
    "computedZone" TEXT COLLATE "C",
    "computedCategory" TEXT COLLATE "C",
    "computedLabel" TEXT COLLATE "C",
    "publishedNationalRank" INTEGER,
    "publishedProvinceRank" INTEGER,
    "status" TEXT COLLATE "C" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "sourceUrl" TEXT COLLATE "C",
    "notes" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "hasConflict" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT COLLATE "C" NOT NULL,
    "updatedBy" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultSource" (
    "id" SERIAL NOT NULL,
    "resultId" INTEGER NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "score" INTEGER,
    "zone" TEXT COLLATE "C",
    "category" TEXT COLLATE "C",
    "opinion" TEXT COLLATE "C",
    "nationalRank" INTEGER,
    "provinceRank" INTEGER,
    "sourceUrl" TEXT COLLATE "C" NOT NULL,
    "notes" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "origin" TEXT COLLATE "C" NOT NULL DEFAULT '',

    CONSTRAINT "ResultSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedFact" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "provinceId" INTEGER,
    "entityGroup" TEXT COLLATE "C" NOT NULL,
    "metric" TEXT COLLATE "C" NOT NULL,
    "value" TEXT COLLATE "C" NOT NULL,
    "sourceUrl" TEXT COLLATE "C" NOT NULL,
    "notes" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "origin" TEXT COLLATE "C" NOT NULL DEFAULT '',

    CONSTRAINT "PublishedFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupCompleteness" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "entityGroup" TEXT COLLATE "C" NOT NULL,
    "provinceId" INTEGER,
    "complete" BOOLEAN NOT NULL,
    "markedBy" TEXT COLLATE "C" NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT COLLATE "C" NOT NULL DEFAULT '',

    CONSTRAINT "GroupCompleteness_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "email" TEXT COLLATE "C" NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT COLLATE "C",
    "role" TEXT COLLATE "C" NOT NULL DEFAULT 'EDITOR',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT COLLATE "C" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT COLLATE "C",
    "userAgent" TEXT COLLATE "C",
    "userId" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT COLLATE "C" NOT NULL,
    "accountId" TEXT COLLATE "C" NOT NULL,
    "providerId" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT COLLATE "C" NOT NULL,
    "accessToken" TEXT COLLATE "C",
    "refreshToken" TEXT COLLATE "C",
    "idToken" TEXT COLLATE "C",
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT COLLATE "C",
    "password" TEXT COLLATE "C",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT COLLATE "C" NOT NULL,
    "identifier" TEXT COLLATE "C" NOT NULL,
    "value" TEXT COLLATE "C" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "id" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT COLLATE "C" NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailureAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "EditorScope" (
    "userId" TEXT COLLATE "C" NOT NULL,
    "provinceId" INTEGER NOT NULL,

    CONSTRAINT "EditorScope_pkey" PRIMARY KEY ("userId","provinceId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "prefix" TEXT COLLATE "C" NOT NULL,
    "tokenHash" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT COLLATE "C" NOT NULL,
    "createdBy" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT COLLATE "C",
    "actorEmail" TEXT COLLATE "C" NOT NULL,
    "via" TEXT COLLATE "C" NOT NULL DEFAULT 'session',
    "action" TEXT COLLATE "C" NOT NULL,
    "targetType" TEXT COLLATE "C" NOT NULL,
    "targetId" TEXT COLLATE "C" NOT NULL,
    "year" INTEGER,
    "before" TEXT COLLATE "C",
    "after" TEXT COLLATE "C",
    "publishedEdit" BOOLEAN NOT NULL DEFAULT false,
    "revertOfId" INTEGER,
    "batchId" TEXT COLLATE "C",
    "note" TEXT COLLATE "C" NOT NULL DEFAULT '',

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRevision" (
    "id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataRevision_pkey" PRIMARY KEY ("id")
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

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- AddForeignKey
ALTER TABLE "Province" ADD CONSTRAINT "Province_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Regency" ADD CONSTRAINT "Regency_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Regency" ADD CONSTRAINT "Regency_formerProvinceId_fkey" FOREIGN KEY ("formerProvinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entity" ADD CONSTRAINT "Entity_regencyId_fkey" FOREIGN KEY ("regencyId") REFERENCES "Regency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entity" ADD CONSTRAINT "Entity_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityAlias" ADD CONSTRAINT "EntityAlias_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MethodologyBand" ADD CONSTRAINT "MethodologyBand_year_fkey" FOREIGN KEY ("year") REFERENCES "Methodology"("year") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MethodologyDimension" ADD CONSTRAINT "MethodologyDimension_year_fkey" FOREIGN KEY ("year") REFERENCES "Methodology"("year") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultSource" ADD CONSTRAINT "ResultSource_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "Result"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedFact" ADD CONSTRAINT "PublishedFact_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupCompleteness" ADD CONSTRAINT "GroupCompleteness_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditorScope" ADD CONSTRAINT "EditorScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditorScope" ADD CONSTRAINT "EditorScope_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

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
