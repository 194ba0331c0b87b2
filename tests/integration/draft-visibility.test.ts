/**
 * Issue 5: a draft result is absent from every public read. Every data function the public
 * pages use and every /api/v1 GET handler gives exactly the same answer before and after two
 * drafts are added — one for an entity with published results, one for an entity whose only
 * result is a draft — and a soft-deleted published result. As a control, publishing the drafts
 * does change those answers (so the comparison would catch a leak).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entitiesQuerySchema, rankingsQuerySchema, resultsQuerySchema } from "@/lib/api/schemas";
import { apiEntities, apiEntity, apiMethodologies, apiProvinces, apiRankings, apiResults } from "@/lib/api/reads";
import { findComparableEntities, getCompareSeries, getEntityReport } from "@/lib/record/entities";
import { getRankingExplorer } from "@/lib/record/rankings";
import { getExportRecords } from "@/lib/record/result-rows";
import { getMethodologyDetails } from "@/lib/record/methodology";
import { getOverview } from "@/lib/record/overview";
import { getProvinceReport, getProvinces, getProvinceTiles } from "@/lib/record/provinces";
import { getPublicDataset } from "@/lib/record/dataset";
import { seedDatabase } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

type Handler = (request: Request, context?: unknown) => Promise<Response>;

let tdb: TempDatabase;
let routes: Record<string, Handler>;
const WITH_PUBLISHED = "pemkab-tanah-laut"; // has published results, none in 2025
const ONLY_DRAFTS = "polres-contoh-draf"; // created below; its only result is a draft
const DELETED = "polres-contoh-terhapus"; // its only result is published but deleted
const draftIds: number[] = [];

beforeAll(async () => {
  tdb = createTempDatabase("draft-visibility");
  // Route handlers read DATABASE_URL on first use: point it at the temp database first.
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  // The entities exist before the baseline: a result, not an entity, is what a draft hides.
  for (const [slug, name] of [[ONLY_DRAFTS, "Polres Contoh Draf"], [DELETED, "Polres Contoh Terhapus"]]) {
    await tdb.prisma.entity.create({ data: { slug: slug!, name: name!, type: "POLRES", provinceId: kalsel.id } });
  }
  const [results, rankings, entities, entity, provinces, methodologies, exportRoute] = await Promise.all([
    import("@/app/api/v1/results/route"),
    import("@/app/api/v1/rankings/route"),
    import("@/app/api/v1/entities/route"),
    import("@/app/api/v1/entities/[slug]/route"),
    import("@/app/api/v1/provinces/route"),
    import("@/app/api/v1/methodologies/route"),
    import("@/app/api/v1/export/route"),
  ]);
  routes = {
    results: results.GET,
    rankings: rankings.GET,
    entities: entities.GET,
    entity: entity.GET as Handler,
    provinces: provinces.GET,
    methodologies: methodologies.GET,
    export: exportRoute.GET,
  };
});
afterAll(async () => {
  await tdb?.dispose();
});

async function body(handler: string, url: string, context?: unknown): Promise<string> {
  const response = await routes[handler]!(new Request(`http://rapor.test${url}`), context);
  const text = await response.text();
  return `${response.status} ${text}`;
}
const slugParam = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** Every public read, as text: the page data functions and the /api/v1 GET handlers. */
async function publicReads(): Promise<Record<string, string>> {
  const p = tdb.prisma;
  const reads: Record<string, unknown> = {
    "overview (latest)": await getOverview(undefined, p),
    "overview 2024": await getOverview("2024", p),
    "overview 2025": await getOverview("2025", p),
    "published years": (await getPublicDataset(p)).years,
    "public record 2024": (await getPublicDataset(p)).rowsByYear.get(2024),
    "public record 2025": (await getPublicDataset(p)).rowsByYear.get(2025),
    provinces: await getProvinces(p),
    "province report Kalimantan Selatan": await getProvinceReport("kalimantan-selatan", p),
    "province tiles 2024": await getProvinceTiles(2024, p),
    "province tiles 2025": await getProvinceTiles(2025, p),
    "entity report (published + draft)": await getEntityReport(WITH_PUBLISHED, p),
    "entity report (only drafts)": await getEntityReport(ONLY_DRAFTS, p),
    "entity report (deleted)": await getEntityReport(DELETED, p),
    "compare series": await getCompareSeries([WITH_PUBLISHED, ONLY_DRAFTS, DELETED], p),
    "comparable entities": await findComparableEntities("Polres Contoh", p),
    "comparable entities Tanah Laut": await findComparableEntities("Tanah Laut", p),
    "explorer 2024": await getRankingExplorer({ tahun: "2024" }, p),
    "explorer 2024 Kalsel Polres": await getRankingExplorer({ tahun: "2024", jenis: "polres", provinsi: "kalimantan-selatan" }, p),
    "explorer 2025 Kalsel": await getRankingExplorer({ tahun: "2025", provinsi: "kalimantan-selatan" }, p),
    "explorer search": await getRankingExplorer({ tahun: "2024", q: "Polres Contoh" }, p),
    "export all years": await getExportRecords({ year: null, types: null, provinceSlug: null, q: "", sort: "nilai", dir: "desc" }, p),
    "methodology details": await getMethodologyDetails(p),
    "api provinces": await apiProvinces(p),
    "api methodologies": await apiMethodologies(p),
    "api entities": await apiEntities(entitiesQuerySchema.parse({ province: "kalimantan-selatan", pageSize: "500" }), p),
    "api entity (published + draft)": await apiEntity(WITH_PUBLISHED, p),
    "api entity (only drafts)": await apiEntity(ONLY_DRAFTS, p),
    "api results": await apiResults(resultsQuerySchema.parse({ pageSize: "1000" }), p),
    "api results Kalsel": await apiResults(resultsQuerySchema.parse({ province: "kalimantan-selatan", pageSize: "1000" }), p),
    "api rankings 2024": await apiRankings(rankingsQuerySchema.parse({ year: "2024", pageSize: "1000" }), p),
    "api rankings 2025": await apiRankings(rankingsQuerySchema.parse({ year: "2025", pageSize: "1000" }), p),
    "GET /api/v1/results": await body("results", "/api/v1/results?pageSize=1000"),
    "GET /api/v1/results?entity": await body("results", `/api/v1/results?entity=${ONLY_DRAFTS}`),
    "GET /api/v1/results?province&year": await body("results", "/api/v1/results?province=kalimantan-selatan&year=2025"),
    "GET /api/v1/rankings 2024": await body("rankings", "/api/v1/rankings?year=2024&pageSize=1000"),
    "GET /api/v1/rankings 2025": await body("rankings", "/api/v1/rankings?year=2025&pageSize=1000"),
    "GET /api/v1/entities": await body("entities", "/api/v1/entities?province=kalimantan-selatan&pageSize=500"),
    "GET /api/v1/entities/{published + draft}": await body("entity", `/api/v1/entities/${WITH_PUBLISHED}`, slugParam(WITH_PUBLISHED)),
    "GET /api/v1/entities/{only drafts}": await body("entity", `/api/v1/entities/${ONLY_DRAFTS}`, slugParam(ONLY_DRAFTS)),
    "GET /api/v1/entities/{deleted}": await body("entity", `/api/v1/entities/${DELETED}`, slugParam(DELETED)),
    "GET /api/v1/provinces": await body("provinces", "/api/v1/provinces"),
    "GET /api/v1/methodologies": await body("methodologies", "/api/v1/methodologies"),
    "GET /api/v1/export csv": await body("export", "/api/v1/export?format=csv"),
    "GET /api/v1/export json": await body("export", "/api/v1/export?format=json&tahun=2025"),
  };
  return Object.fromEntries(Object.entries(reads).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

describe("drafts on public reads", () => {
  let baseline: Record<string, string>;

  it("every public read answers the same with two drafts and a deleted result added", async () => {
    baseline = await publicReads();
    const ids = async (slug: string) => (await tdb.prisma.entity.findUniqueOrThrow({ where: { slug } })).id;
    const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
    const made = { createdBy: "test", updatedBy: "test", provinceId: kalsel.id };
    draftIds.push(
      (await tdb.prisma.result.create({ data: { ...made, entityId: await ids(WITH_PUBLISHED), year: 2025, score: 4321, status: "DRAFT" } })).id,
      (await tdb.prisma.result.create({ data: { ...made, entityId: await ids(ONLY_DRAFTS), year: 2024, score: 9999, status: "DRAFT" } })).id,
    );
    await tdb.prisma.result.create({
      data: { ...made, entityId: await ids(DELETED), year: 2024, score: 9998, status: "PUBLISHED", publishedAt: new Date(), deletedAt: new Date() },
    });
    const withDrafts = await publicReads();
    for (const name of Object.keys(baseline)) expect(withDrafts[name], name).toBe(baseline[name]);
    // The entity whose only result is a draft has no public result anywhere.
    expect((await getEntityReport(ONLY_DRAFTS, tdb.prisma))!.years).toEqual([]);
    expect(withDrafts["GET /api/v1/results?entity"]).toMatch(/^200 .*"total":0/);
  });

  it("control: once published, the same reads show them", async () => {
    await tdb.prisma.result.updateMany({ where: { id: { in: draftIds } }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    const published = await publicReads();
    const changed = Object.keys(baseline).filter((name) => published[name] !== baseline[name]);
    // Reads about provinces, methodologies or the entity list, the years (2024 and 2025 were
    // already public), a search that already found Tanah Laut, and tiles that average only
    // complete groups do not change.
    const unchanged = Object.keys(baseline).filter((name) => !changed.includes(name));
    expect(unchanged.sort()).toEqual(
      ["api methodologies", "api provinces", "methodology details", "provinces", "GET /api/v1/methodologies", "GET /api/v1/provinces", "api entities", "GET /api/v1/entities", "entity report (deleted)", "GET /api/v1/entities/{deleted}",
        "published years", "comparable entities Tanah Laut", "province tiles 2024"].sort(),
    );
    expect(published["api entity (only drafts)"]).toContain("99.99");
  });
});
