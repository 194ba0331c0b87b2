/** The OpenAPI 3.1 document of the public read API, generated from the zod schemas. */
import { z } from "zod";
import {
  entitiesQuerySchema,
  entitiesResponse,
  entityResponse,
  errorSchema,
  exportJsonResponse,
  methodologiesResponse,
  provincesResponse,
  rankingsQuerySchema,
  resultsQuerySchema,
  resultsResponse,
  searchQuerySchema,
  searchResponse,
} from "./schemas";
import { CONTENT_TYPES } from "@/lib/export/formats";
import { exportQuery, SUMMARY_TABLES, summaryQuery } from "@/lib/record/query";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, components: Record<string, JsonSchema>, io: "input" | "output" = "output"): JsonSchema {
  // Schemas named with .meta({ id }) become shared components; their references are rewritten
  // from JSON Schema's #/$defs/X to OpenAPI's #/components/schemas/X.
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io });
  const json = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
    $schema?: string;
  };
  const { $defs, $schema, ...rest } = json;
  void $schema;
  for (const [id, def] of Object.entries($defs ?? {})) components[id] = def;
  // A named top-level schema is itself a component: refer to it.
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  if (id) {
    if (!("$ref" in rest)) components[id] = rest;
    return { $ref: `#/components/schemas/${id}` };
  }
  return rest;
}

function queryParameters(schema: z.ZodObject, components: Record<string, JsonSchema>, io: "input" | "output" = "output") {
  // Parameters are what a client sends: schemas that transform (a comma list into an array)
  // are described by their input.
  const json = schemaOf(schema, components, io) as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  const ok = (schema: z.ZodType, description: string) => ({
    description,
    headers: {
      ETag: { schema: { type: "string" } },
      "Cache-Control": { schema: { type: "string" } },
    },
    content: { "application/json": { schema: schemaOf(schema, components) } },
  });
  const error = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  schemaOf(errorSchema, components);
  const notModified = { description: "Not modified (If-None-Match matched the ETag)" };

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Rapor API",
      version: "1.0.0",
      description:
        "Read-only access to the published results of Ombudsman RI's public-service compliance assessments. " +
        "Scores are 0–100 with two decimals. Only published data is served. Ranks state whether they are computed " +
        "over a complete group or taken from a source (see the Rank schema).",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/provinces": {
        get: { summary: "Provinces (38) with Kemendagri codes", operationId: "listProvinces", responses: { 200: ok(provincesResponse, "Provinces"), 304: notModified } },
      },
      "/api/v1/methodologies": {
        get: {
          summary: "Each assessment year's method: bands, zones, dimensions and weights",
          operationId: "listMethodologies",
          responses: { 200: ok(methodologiesResponse, "Methodologies"), 304: notModified },
        },
      },
      "/api/v1/results": {
        get: {
          summary: "Published results, newest year first; ranks stated as computed (complete group) or published",
          operationId: "listResults",
          parameters: queryParameters(resultsQuerySchema, components),
          responses: { 200: ok(resultsResponse, "A page of results"), 304: notModified, 400: error("Invalid query parameters") },
        },
      },
      "/api/v1/rankings": {
        get: {
          summary: "One year's ranking, highest score first, optionally by type (PEMDA too) and province",
          operationId: "listRankings",
          parameters: queryParameters(rankingsQuerySchema, components).map((p) => (p.name === "year" ? { ...p, required: true } : p)),
          responses: { 200: ok(resultsResponse, "A page of the ranking"), 304: notModified, 400: error("Invalid query parameters") },
        },
      },
      "/api/v1/entities": {
        get: {
          summary: "Assessed providers (entities), filterable and paginated",
          operationId: "listEntities",
          parameters: queryParameters(entitiesQuerySchema, components),
          responses: { 200: ok(entitiesResponse, "A page of entities"), 304: notModified, 400: error("Invalid query parameters") },
        },
      },
      "/api/v1/entities/{slug}": {
        get: {
          summary: "One entity with its published results and every source",
          operationId: "getEntity",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" }, example: "pemkot-banjarmasin" }],
          responses: { 200: ok(entityResponse, "The entity"), 304: notModified, 404: error("Unknown entity") },
        },
      },
      "/api/v1/search": {
        get: {
          summary: "Find entities and provinces across every year by name, alias or abbreviation, typos tolerated (the site's search box)",
          operationId: "search",
          parameters: queryParameters(searchQuerySchema, components, "input").map((p) => (p.name === "q" ? { ...p, required: true, example: "hss" } : p)),
          responses: { 200: ok(searchResponse, "The hits, best first"), 304: notModified, 400: error("Invalid query parameters") },
        },
      },
      "/api/v1/export": {
        get: {
          summary: "Download a public table as CSV, XLSX or JSON: the rankings explorer's filters, or entities (instansi)",
          operationId: "exportResults",
          parameters: queryParameters(exportQuery.schema, components, "input").map((p) => (p.name === "format" ? { ...p, required: true } : p)),
          responses: {
            200: {
              description:
                'The rows of the table (every filtered row, not one page), as an attachment. After the columns of a results file come the sources of each figure: score_source_url, zone_source_url, category_source_url, national_rank_source_url, province_rank_source_url (several joined by " | "; empty for a figure Rapor computes).',
              content: {
                [CONTENT_TYPES.csv.split(";")[0]!]: { schema: { type: "string" } },
                [CONTENT_TYPES.xlsx]: { schema: { type: "string", contentMediaType: CONTENT_TYPES.xlsx } },
                [CONTENT_TYPES.json.split(";")[0]!]: { schema: schemaOf(exportJsonResponse, components) },
              },
            },
            400: error("Invalid query parameters"),
          },
        },
      },
      "/api/v1/export/ringkasan": {
        get: {
          summary: "Download a table of totals: the national zone trend, the province map, or a province's averages across years",
          operationId: "exportSummary",
          parameters: queryParameters(summaryQuery.schema, components, "input").map((p) => (p.name === "format" || p.name === "tabel" ? { ...p, required: true } : p)),
          responses: {
            200: {
              description: "The table's rows as an attachment (JSON: { table, note, data })",
              content: {
                [CONTENT_TYPES.csv.split(";")[0]!]: { schema: { type: "string" } },
                [CONTENT_TYPES.xlsx]: { schema: { type: "string", contentMediaType: CONTENT_TYPES.xlsx } },
                [CONTENT_TYPES.json.split(";")[0]!]: {
                  schema: {
                    type: "object",
                    required: ["table", "note", "data"],
                    properties: {
                      table: { type: "string", enum: [...SUMMARY_TABLES] },
                      note: { type: "array", items: { type: "string" } },
                      data: { type: "array", items: { type: "object", additionalProperties: { type: ["string", "number", "null"] } } },
                    },
                  },
                },
              },
            },
            400: error("Invalid query parameters"),
            404: error("Unknown province, or nothing published yet"),
            422: error("provinsi is required for rata-rata-provinsi"),
          },
        },
      },
    },
    components: { schemas: components },
  };
}
