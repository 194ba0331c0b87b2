/**
 * The public read API's contract, as zod schemas: query parameters are parsed with them and
 * the OpenAPI 3.1 document (/api/v1/openapi.json) is generated from them.
 */
import { z } from "zod";
import { YEAR_RANGE } from "@/lib/domain/numbers";
import { wholeNumberParam } from "@/lib/record/query";
import { CATEGORIES, ENTITY_TYPES, ZONES } from "@/lib/domain/types";

// Query numbers are digits only (lib/record/query.ts, one definition for pages, API and downloads).
const yearParam = () => wholeNumberParam(YEAR_RANGE.min, YEAR_RANGE.max);
const pageParam = () => wholeNumberParam(1, 100_000).default(1);

const score = z.number().min(0).max(100).meta({ description: "Score 0–100 with two decimals (dot decimal)", example: 95.45 });
const zone = z.enum(ZONES);
const category = z.enum(CATEGORIES);

export const errorSchema = z
  .object({
    error: z.string().meta({ example: "not_found" }),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string() })).optional(),
  })
  .meta({ id: "Error" });

export const provinceSchema = z
  .object({
    code: z.string().meta({ description: "Kemendagri code", example: "63" }),
    name: z.string().meta({ example: "Kalimantan Selatan" }),
    slug: z.string().meta({ example: "kalimantan-selatan" }),
    formedIn: z.number().int().nullable().meta({ description: "Year a province formed by a split came into being" }),
    formedOn: z.string().nullable().meta({ description: "Date the law forming it was enacted (ISO 8601)", example: "2022-07-25" }),
    formedBy: z.string().nullable().meta({ description: "The law that formed it" }),
    splitFrom: z.string().nullable().meta({ description: "Slug of the province its areas belonged to before a split" }),
  })
  .meta({ id: "Province" });

export const provinceRefSchema = z.object({ name: z.string(), slug: z.string() }).meta({ id: "ProvinceRef" });

export const methodologySchema = z
  .object({
    year: z.number().int(),
    name: z.string(),
    opinionName: z.string().nullable(),
    bandsVerified: z.boolean().meta({ description: "False while the bands are not confirmed by a full published table" }),
    notes: z.string(),
    sources: z.array(z.string()),
    bands: z.array(
      z.object({ min: score, max: score, zone, category: category.nullable(), label: z.string() }),
    ),
    dimensions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        weightPercent: z.number().nullable().meta({ description: "Weight in percent, two decimals", example: 21.85 }),
        verified: z.boolean(),
        notes: z.string(),
      }),
    ),
  })
  .meta({ id: "Methodology" });

export const entitySchema = z
  .object({
    slug: z.string().meta({ example: "pemkot-banjarmasin" }),
    type: z.enum(ENTITY_TYPES),
    name: z.string().meta({ example: "Kota Banjarmasin" }),
    province: provinceRefSchema.nullable(),
    regencyCode: z.string().nullable().meta({ example: "63.71" }),
  })
  .meta({ id: "Entity" });

const rankSchema = z
  .object({
    complete: z.boolean().meta({ description: "Whether the group's recorded results cover everyone assessed" }),
    official: z
      .object({
        source: z.enum(["computed", "published"]),
        rank: z.number().int(),
        of: z.number().int().nullable(),
        tied: z.boolean().optional(),
        sourceUrl: z.string().nullable().optional(),
      })
      .nullable()
      .meta({ description: "The rank to state: computed for a complete group, else the source's" }),
    partial: z
      .object({ rank: z.number().int(), of: z.number().int(), tied: z.boolean() })
      .nullable()
      .meta({ description: "Incomplete group only: position among the recorded results" }),
  })
  .meta({ id: "Rank" });

const sourceUrls = z.array(z.string()).meta({ description: "Addresses of the sources" });

const figureSourcesSchema = z
  .object({
    computed: z
      .enum(["bands", "rank"])
      .nullable()
      .meta({ description: "Computed by Rapor (bands: from the year's verified score bands; rank: over a complete group), resting on the methodology (/metodologi), not on an article" }),
    statedBy: sourceUrls.meta({ description: "The sources that state the value shown (for a computed value: those that agree with it)" }),
    alternatives: z
      .array(z.object({ value: z.union([z.number(), z.string()]), statedBy: sourceUrls }))
      .meta({ description: "Other values other sources state for the figure, each with its sources: the sources differ when not empty" }),
  })
  .meta({ id: "FigureSources" });

const rankRivalSchema = z
  .object({ name: z.string(), slug: z.string(), score: score.nullable(), rank: z.number().int(), statedBy: sourceUrls })
  .meta({ id: "RankRival", description: "Another entity a source states with the same rank in the same group, with another or unknown score" });

/** A result's score, zone, category, published figures and national rank: the fields every API
 * shape of a result shares, in this order (lib/api/rows.ts: assessmentJson). */
const assessmentFields = {
  score: score.nullable(),
  zone: zone
    .nullable()
    .meta({ description: "From the year's bands when scored and the bands are verified, else as a source states it; null when not established" }),
  zoneBasis: z
    .enum(["computed", "published", "not-established"])
    .nullable()
    .meta({ description: "not-established: scored in a year whose bands are not verified, and no source states a zone" }),
  category: category.nullable(),
  label: z.string().nullable(),
  publishedZone: zone.nullable(),
  publishedCategory: category.nullable(),
  publishedOpinion: z.string().nullable(),
  nationalRank: rankSchema,
  figureSources: z
    .object({
      score: figureSourcesSchema,
      zone: figureSourcesSchema,
      category: figureSourcesSchema,
      opinion: figureSourcesSchema,
      nationalRank: figureSourcesSchema,
      provinceRank: figureSourcesSchema,
    })
    .meta({ id: "ResultFigureSources", description: "For each figure, the sources that state the value shown and the other values other sources state" }),
  rankRivals: z
    .object({ national: z.array(rankRivalSchema), province: z.array(rankRivalSchema) })
    .meta({ description: "Competing ranks: other entities stated with the same rank in the same group" }),
  sourcesDiffer: z.boolean().meta({ description: "Sources differ on a figure shown, a rank competes with another entity's, or a source is disputed by another" }),
};

export const entityResultSchema = z
  .object({
    year: z.number().int(),
    province: provinceRefSchema.nullable(),
    ...assessmentFields,
    provinceRank: rankSchema.nullable(),
    methodology: z.string().nullable(),
    dimensionScores: z.record(z.string(), score).nullable(),
    sourceUrl: z.string().nullable(),
    sources: z.array(
      z.object({
        primary: z.boolean(),
        score: score.nullable(),
        zone: zone.nullable(),
        category: category.nullable(),
        opinion: z.string().nullable(),
        nationalRank: z.number().int().nullable(),
        provinceRank: z.number().int().nullable(),
        url: z.string(),
        facts: z
          .object({
            yearInferred: z.boolean().meta({ description: "The year was worked out from the publication date" }),
            rankFromList: z.boolean().meta({ description: "A position in a published list is used as the rank" }),
            provinceRankWithinType: z.boolean().meta({ description: "The province rank is among the entity's own type, not the province's group" }),
            disputed: z.boolean().meta({ description: "Another source states otherwise" }),
            homePageOnly: z.boolean().meta({ description: "Only the site's home page is known, not the article's address" }),
          })
          .meta({ id: "SourceFacts" }),
      }),
    ),
    assessedUnder: provinceRefSchema.nullable().meta({ description: "The province the result was assessed under when it is not the entity's province today (before a split)" }),
  })
  .meta({ id: "EntityResult" });

export const groupStatementSchema = z
  .object({
    year: z.number().int(),
    province: provinceRefSchema.nullable(),
    group: z.string().meta({ description: "The group the statement is about: PEMDA, PEMKAB, PEMKOT, ..." }),
    zone: zone.nullable(),
    category: category.nullable(),
    opinion: z.string().nullable(),
    sourceUrl: z.string(),
    yearInferred: z.boolean(),
    members: z.array(z.object({ name: z.string(), slug: z.string() })).meta({ description: "The entities the statement covers, as recorded" }),
  })
  .meta({ id: "GroupStatement", description: "A figure a source states for a whole group without naming each member: not a result of its members" });

export const entityRefSchema = z
  .object({ slug: z.string(), name: z.string(), type: z.enum(ENTITY_TYPES) })
  .meta({ id: "EntityRef" });

export const resultRowSchema = z
  .object({
    year: z.number().int(),
    entity: entityRefSchema,
    province: provinceRefSchema.nullable(),
    ...assessmentFields,
    provinceGroup: z.string().meta({ description: "Group of the rank within the province (PEMDA = Pemprov + Pemkab + Pemkot)" }),
    provinceRank: rankSchema.nullable(),
    change: z
      .object({
        fromYear: z.number().int(),
        delta: z.number().nullable().meta({ description: "Score change in points (two decimals)" }),
        methodologyChanged: z.boolean(),
      })
      .nullable(),
    hasConflict: z.boolean().meta({ description: "Sources disagree on the score or a source is disputed; see figureSources and the entity's sources" }),
    sourceUrl: z.string().nullable(),
  })
  .meta({ id: "ResultRow" });

const typeFilter = z
  .enum([...ENTITY_TYPES, "PEMDA"])
  .optional()
  .meta({ description: "Entity type, or PEMDA for Pemprov + Pemkab + Pemkot" });

export const resultsQuerySchema = z.strictObject({
  year: yearParam().optional(),
  type: typeFilter,
  province: z.string().regex(/^[a-z0-9-]+$/).optional().meta({ description: "Province slug" }),
  entity: z.string().regex(/^[a-z0-9-]+$/).optional().meta({ description: "Entity slug" }),
  page: pageParam(),
  pageSize: wholeNumberParam(1, 1000).default(100),
});

export const rankingsQuerySchema = z.strictObject({
  year: yearParam().meta({ description: "Assessment year" }),
  type: typeFilter,
  province: z.string().regex(/^[a-z0-9-]+$/).optional().meta({ description: "Province slug" }),
  page: pageParam(),
  pageSize: wholeNumberParam(1, 1000).default(100),
});

export const entityDetailSchema = entitySchema
  .extend({ aliases: z.array(z.string()), results: z.array(entityResultSchema), groupStatements: z.array(groupStatementSchema) })
  .meta({ id: "EntityDetail" });

export const pageSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
});

export const entitiesQuerySchema = z.strictObject({
  type: z.enum(ENTITY_TYPES).optional(),
  province: z.string().regex(/^[a-z0-9-]+$/).optional().meta({ description: "Province slug" }),
  q: z.string().max(100).optional().meta({ description: "Name or alias contains" }),
  page: pageParam(),
  pageSize: wholeNumberParam(1, 500).default(100),
});

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).meta({ description: "What is typed: a name, an alias or an abbreviation (\"hss\", \"kota bjm\", \"kalsel\"); typos tolerated" }),
  limit: z.coerce.number().int().min(1).max(50).default(8).meta({ description: "Most hits returned" }),
});

export const searchHitSchema = z
  .object({
    kind: z.enum(["entity", "province"]),
    slug: z.string().meta({ example: "pemkab-hulu-sungai-selatan" }),
    name: z.string().meta({ example: "Kabupaten Hulu Sungai Selatan" }),
    type: z.enum(ENTITY_TYPES).nullable().meta({ description: "The entity's type; null for a province" }),
    province: provinceRefSchema.nullable().meta({ description: "The entity's province; null for a province or a national entity" }),
    years: z.array(z.number().int()).meta({ description: "Years with published results, oldest first", example: [2023, 2024, 2025] }),
    path: z.string().meta({ description: "The page's path (Indonesian; prefix /en for English)", example: "/instansi/pemkab-hulu-sungai-selatan" }),
  })
  .meta({ id: "SearchHit" });

export const searchResponse = z.object({ query: z.string(), data: z.array(searchHitSchema) });

export const provincesResponse = z.object({ data: z.array(provinceSchema) });
export const methodologiesResponse = z.object({ data: z.array(methodologySchema) });
export const entitiesResponse = pageSchema.extend({ data: z.array(entitySchema) });
export const entityResponse = z.object({ data: entityDetailSchema });
export const resultsResponse = pageSchema.extend({ data: z.array(resultRowSchema) });

const nullableText = (description: string) => z.string().nullable().meta({ description });

/** One row of a JSON download (/api/v1/export?format=json): the CSV columns, typed. */
export const exportRowSchema = z
  .object({
    year: z.number().int(),
    entity_type: z.string(),
    entity_name: z.string(),
    province: nullableText("Province name; null for a national entity"),
    score: score.nullable(),
    zone: nullableText("Zone computed from the year's bands (or as published without a score)"),
    category: nullableText("Category computed from the year's bands"),
    published_zone: nullableText("Zone as the source published it"),
    published_category: nullableText("Category as the source published it"),
    opinion: nullableText("Opinion label as published"),
    national_rank: z.number().int().nullable(),
    province_rank: z.number().int().nullable(),
    source_url: nullableText("The primary source"),
    entity_slug: z.string(),
    national_rank_basis: z.enum(["computed", "published"]).nullable(),
    province_rank_basis: z.enum(["computed", "published"]).nullable(),
    methodology: nullableText("The year's method"),
    score_source_url: nullableText('The sources that state the score, joined by " | "'),
    zone_source_url: nullableText('The sources that state published_zone, joined by " | "'),
    category_source_url: nullableText('The sources that state published_category, joined by " | "'),
    national_rank_source_url: nullableText('The sources that state national_rank when its basis is published, joined by " | "'),
    province_rank_source_url: nullableText('The sources that state province_rank when its basis is published, joined by " | "'),
  })
  .meta({ id: "ExportRow" });

export const exportJsonResponse = z
  .object({
    note: z.array(z.string()).meta({ description: "What the file holds, how to read ranks, the primary-value rule, each year's method" }),
    data: z.array(exportRowSchema),
  })
  .meta({ id: "ExportJson" });
