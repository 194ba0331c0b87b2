import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

// Route handlers read DATABASE_URL on first use: point it at the temp database first.
let tdb: TempDatabase;
type Handler = (request: Request, context?: unknown) => Promise<Response>;
let routes: Record<string, Handler>;
let doc: { paths: Record<string, { get: { responses: Record<string, { content?: { "application/json": { schema: object } } }> } }>; components: object };

function validatorFor(path: string, status = "200") {
  const schema = doc.paths[path]!.get.responses[status]!.content!["application/json"].schema;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ ...schema, components: doc.components });
}

async function get(handler: string, url: string, init?: RequestInit, context?: unknown) {
  const response = await routes[handler]!(new Request(`http://rapor.test${url}`, init), context);
  return { response, body: response.status === 304 ? null : ((await response.json()) as Record<string, unknown>) };
}

beforeAll(async () => {
  tdb = createTempDatabase("api-read");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  // A draft result that must never appear in the public API.
  const tanahLaut = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "pemkab-tanah-laut" } });
  await tdb.prisma.result.create({
    data: { entityId: tanahLaut.id, year: 2025, provinceId: tanahLaut.provinceId, score: 4321, status: "DRAFT", createdBy: "test", updatedBy: "test" },
  });
  const [provinces, methodologies, entities, entity, openapi, results, rankings, exported, summary] = await Promise.all([
    import("@/app/api/v1/provinces/route"),
    import("@/app/api/v1/methodologies/route"),
    import("@/app/api/v1/entities/route"),
    import("@/app/api/v1/entities/[slug]/route"),
    import("@/app/api/v1/openapi.json/route"),
    import("@/app/api/v1/results/route"),
    import("@/app/api/v1/rankings/route"),
    import("@/app/api/v1/export/route"),
    import("@/app/api/v1/export/ringkasan/route"),
  ]);
  routes = {
    provinces: provinces.GET as Handler,
    methodologies: methodologies.GET as Handler,
    entities: entities.GET as Handler,
    entity: entity.GET as unknown as Handler,
    openapi: openapi.GET as Handler,
    results: results.GET as Handler,
    rankings: rankings.GET as Handler,
    export: exported.GET as Handler,
    summary: summary.GET as Handler,
  };
  doc = (await get("openapi", "/api/v1/openapi.json")).body as unknown as typeof doc;
});

afterAll(async () => {
  await tdb.dispose();
});

describe("public read API against its OpenAPI document", () => {
  it("publishes an OpenAPI 3.1 document", () => {
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/provinces", "/api/v1/methodologies", "/api/v1/entities", "/api/v1/entities/{slug}"]),
    );
  });

  it("/api/v1/provinces: 38 provinces, valid against the document", async () => {
    const { response, body } = await get("provinces", "/api/v1/provinces");
    expect(response.status).toBe(200);
    const validate = validatorFor("/api/v1/provinces");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const data = body!.data as { slug: string; splitFrom: string | null }[];
    expect(data).toHaveLength(38);
    expect(data.find((p) => p.slug === "papua-selatan")?.splitFrom).toBe("papua");
  });

  it("/api/v1/methodologies: bands as published, valid against the document", async () => {
    const { body } = await get("methodologies", "/api/v1/methodologies");
    const validate = validatorFor("/api/v1/methodologies");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const y2023 = (body!.data as { year: number; bands: { category: string; min: number; max: number }[]; dimensions: { code: string; weightPercent: number }[] }[]).find(
      (m) => m.year === 2023,
    )!;
    expect(y2023.bands.find((b) => b.category === "B")).toMatchObject({ min: 78, max: 87.99 });
    expect(y2023.dimensions.find((d) => d.code === "input")?.weightPercent).toBe(21.85);
  });

  it("/api/v1/entities: filters by type, province and alias, paginated", async () => {
    const { body } = await get("entities", "/api/v1/entities?type=POLRES&province=kalimantan-selatan");
    const validate = validatorFor("/api/v1/entities");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect((body!.data as { slug: string }[]).map((e) => e.slug)).toContain("polres-balangan");
    const byAlias = await get("entities", "/api/v1/entities?q=Kab.%20Tanah%20Laut&type=PEMKAB");
    expect((byAlias.body!.data as { slug: string }[]).map((e) => e.slug)).toEqual(["pemkab-tanah-laut"]);
    const paged = await get("entities", "/api/v1/entities?type=PEMKAB&pageSize=10&page=2");
    expect(paged.body).toMatchObject({ page: 2, pageSize: 10, total: 415 });
    expect(paged.body!.data as unknown[]).toHaveLength(10);
  });

  it("/api/v1/entities rejects bad parameters with 400 and the issues", async () => {
    const { response, body } = await get("entities", "/api/v1/entities?type=BUPATI&pageSize=9999");
    expect(response.status).toBe(400);
    const validate = validatorFor("/api/v1/entities", "400");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect((body!.issues as { path: string[] }[]).map((i) => i.path[0]).sort()).toEqual(["pageSize", "type"]);
  });

  it("/api/v1/entities/{slug}: Kota Banjarmasin with 95.45 in 2024 and every source", async () => {
    const { response, body } = await get("entity", "/api/v1/entities/pemkot-banjarmasin", undefined, {
      params: Promise.resolve({ slug: "pemkot-banjarmasin" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("max-age=");
    const validate = validatorFor("/api/v1/entities/{slug}");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const results = (body!.data as { results: { year: number; score: number; zone: string; category: string; sources: unknown[]; nationalRank: { official: { source: string; rank: number } } }[] }).results;
    const y2024 = results.find((r) => r.year === 2024)!;
    expect(y2024).toMatchObject({ score: 95.45, zone: "HIJAU", category: "A" });
    expect(y2024.nationalRank.official).toMatchObject({ source: "published", rank: 24 });
    expect(results.find((r) => r.year === 2023)!.sources).toHaveLength(3);

    const again = await get(
      "entity",
      "/api/v1/entities/pemkot-banjarmasin",
      { headers: { "If-None-Match": response.headers.get("etag")! } },
      { params: Promise.resolve({ slug: "pemkot-banjarmasin" }) },
    );
    expect(again.response.status).toBe(304);
  });

  it("/api/v1/rankings: Polres of Kalimantan Selatan 2025, Balangan 2nd of 5 by the source", async () => {
    const { response, body } = await get("rankings", "/api/v1/rankings?year=2025&type=POLRES&province=kalimantan-selatan");
    expect(response.status).toBe(200);
    const validate = validatorFor("/api/v1/rankings");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const [balangan] = body!.data as { entity: { slug: string }; score: number; provinceRank: { complete: boolean; official: { source: string; rank: number; of: number } } }[];
    expect(balangan).toMatchObject({ entity: { slug: "polres-balangan" }, score: 91.66 });
    expect(balangan!.provinceRank).toMatchObject({ complete: false, official: { source: "published", rank: 2, of: 5 } });
    const missingYear = await get("rankings", "/api/v1/rankings?type=POLRES");
    expect(missingYear.response.status).toBe(400);
  });

  it("/api/v1/results: filters by year, Pemda group and province; valid against the document", async () => {
    const { body } = await get("results", "/api/v1/results?year=2024&type=PEMDA&province=kalimantan-selatan&pageSize=50");
    const validate = validatorFor("/api/v1/results");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const rows = body!.data as { entity: { slug: string; type: string }; score: number | null; change: { fromYear: number; delta: number } | null }[];
    expect(rows.every((r) => ["PEMPROV", "PEMKAB", "PEMKOT"].includes(r.entity.type))).toBe(true);
    expect(rows.find((r) => r.entity.slug === "pemkot-banjarmasin")).toMatchObject({ score: 95.45, change: { fromYear: 2023, delta: 7.43 } });
    const all = await get("results", "/api/v1/results?entity=pemkot-banjarmasin");
    expect((all.body!.data as { year: number }[]).map((r) => r.year)).toEqual([2024, 2023, 2022, 2021]);
  });

  it("/api/v1/export: a JSON download is valid against the document, and a bad query is a documented 400", async () => {
    expect(Object.keys(doc.paths)).toContain("/api/v1/export");
    const { response, body } = await get("export", "/api/v1/export?format=json&tahun=2025&jenis=polres&provinsi=kalimantan-selatan");
    expect(response.status).toBe(200);
    const validate = validatorFor("/api/v1/export");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const rows = body!.data as { entity_slug: string; score: number | null; province_rank: number | null; province_rank_basis: string | null }[];
    expect(rows.find((r) => r.entity_slug === "polres-balangan")).toMatchObject({ score: 91.66, province_rank: 2, province_rank_basis: "published" });
    // A document that could not fail would be no check: a row missing a column is refused.
    expect(validate({ ...body, data: [{ ...rows[0], year: undefined }] })).toBe(false);
    const bad = await get("export", "/api/v1/export?format=pdf");
    expect(bad.response.status).toBe(400);
    const validateError = validatorFor("/api/v1/export", "400");
    expect(validateError(bad.body), JSON.stringify(validateError.errors)).toBe(true);
  });

  it("/api/v1/export/ringkasan: a JSON download and its errors are valid against the document", async () => {
    const { response, body } = await get("summary", "/api/v1/export/ringkasan?tabel=peta-provinsi&tahun=2024&format=json");
    expect(response.status).toBe(200);
    const validate = validatorFor("/api/v1/export/ringkasan");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...body, table: "semua" })).toBe(false);
    for (const [url, status] of [
      ["/api/v1/export/ringkasan?tabel=rata-rata-provinsi&format=json", "422"],
      ["/api/v1/export/ringkasan?tabel=rata-rata-provinsi&provinsi=atlantis&format=json", "404"],
    ] as const) {
      const answer = await get("summary", url);
      expect(answer.response.status).toBe(Number(status));
      const validateError = validatorFor("/api/v1/export/ringkasan", status);
      expect(validateError(answer.body), JSON.stringify(validateError.errors)).toBe(true);
    }
  });

  it("never serves a draft result", async () => {
    const drafts = await get("results", "/api/v1/results?entity=pemkab-tanah-laut&year=2025");
    expect(drafts.body).toMatchObject({ data: [], total: 0 });
    const { body } = await get("entity", "/api/v1/entities/pemkab-tanah-laut", undefined, {
      params: Promise.resolve({ slug: "pemkab-tanah-laut" }),
    });
    const years = (body!.data as { results: { year: number; score: number | null }[] }).results.map((r) => r.year);
    expect(years).not.toContain(2025);
    expect(JSON.stringify(body)).not.toContain("43.21");
  });

  it("answers an unknown slug with a JSON 404", async () => {
    const { response, body } = await get("entity", "/api/v1/entities/tidak-ada", undefined, {
      params: Promise.resolve({ slug: "tidak-ada" }),
    });
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ error: "not_found" });
  });
});
