/**
 * Issue 12: after a write, the public record rebuilds only the years the write touched (the
 * per-year revisions raised by the triggers), and what it gives is exactly what a full build
 * gives — ranks, completeness, and each row's change from the entity's previous result.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/ledger/seed";
import { getPublicDataset, PublicDatasetCache, yearsToRebuild, type PublicDataset } from "@/lib/record/dataset";
import { createRevisionReader } from "@/lib/db/revision";
import { matchingSlugs } from "@/lib/record/search";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

let tdb: TempDatabase;
let cache: PublicDatasetCache;

beforeAll(async () => {
  tdb = createTempDatabase("record-rebuild");
  await seedDatabase(tdb.prisma);
  cache = new PublicDatasetCache(() => tdb.prisma);
  await cache.get();
}, 180_000);

afterAll(async () => {
  await tdb.dispose();
});

const PUBLISHED = { status: "PUBLISHED", deletedAt: null } as const;

/** Everything a page can read of the record, in a comparable form. */
function comparable(d: PublicDataset) {
  return JSON.stringify({
    years: d.years,
    rows: [...d.rowsByYear].map(([year, rows]) => [year, rows]),
    details: [...d.detailsByYear].map(([year, details]) => [year, [...details]]),
    methodologies: [...d.methodologies].sort(([a], [b]) => a - b),
    facts: [...d.facts.rows()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    provinces: d.provinces,
    entities: d.entities.list,
    history: [...d.entities.history].map(([slug, rows]) => [slug, rows.map((r) => [r.year, r.row])]),
  });
}

async function expectSameAsFullBuild(): Promise<PublicDataset> {
  const partial = await cache.get();
  expect(comparable(partial)).toBe(comparable(await getPublicDataset(tdb.prisma)));
  return partial;
}

describe("PublicDatasetCache: rebuilds only the years a write touched", () => {
  it("unpublishing one result rebuilds its year alone, and other years keep their rows", async () => {
    const before = await cache.get();
    const result = await tdb.prisma.result.findFirstOrThrow({ where: { ...PUBLISHED, year: 2024 } });
    await tdb.prisma.result.update({ where: { id: result.id }, data: { status: "DRAFT" } });
    const after = await expectSameAsFullBuild();
    expect(cache.lastBuild).toEqual([2024]);
    expect(after.rowsByYear.get(2024)!.some((r) => r.resultId === result.id)).toBe(false);
    // A year before the one rebuilt keeps its very rows.
    expect(after.rowsByYear.get(2022)).toBe(before.rowsByYear.get(2022));
    await tdb.prisma.result.update({ where: { id: result.id }, data: { status: "PUBLISHED" } });
    await expectSameAsFullBuild();
    expect(cache.lastBuild).toEqual([2024]);
  });

  it("a score change in one year gives the next year's change column again", async () => {
    // An entity with results in 2023 and 2024: its 2024 change depends on its 2023 score.
    const rows2024 = (await cache.get()).rowsByYear.get(2024)!;
    const withChange = rows2024.find((r) => r.change?.fromYear === 2023 && r.change.delta !== null)!;
    expect(withChange).toBeDefined();
    const earlier = await tdb.prisma.result.findFirstOrThrow({ where: { ...PUBLISHED, year: 2023, entity: { slug: withChange.entity.slug } } });
    await tdb.prisma.result.update({ where: { id: earlier.id }, data: { score: earlier.score! - 100 } });
    const after = await expectSameAsFullBuild();
    expect(cache.lastBuild).toEqual([2023]);
    const row = after.rowsByYear.get(2024)!.find((r) => r.resultId === withChange.resultId)!;
    expect(row.change!.delta).toBe(withChange.change!.delta! + 100);
    await tdb.prisma.result.update({ where: { id: earlier.id }, data: { score: earlier.score } });
    await expectSameAsFullBuild();
  });

  it("a methodology, a published fact and a completeness mark rebuild their year", async () => {
    const m = await tdb.prisma.methodology.findUniqueOrThrow({ where: { year: 2022 } });
    await tdb.prisma.methodology.update({ where: { year: 2022 }, data: { name: m.name + " (ubah)" } });
    await expectSameAsFullBuild();
    expect(cache.lastBuild).toEqual([2022]);
    await tdb.prisma.methodology.update({ where: { year: 2022 }, data: { name: m.name } });
    await expectSameAsFullBuild();

    const fact = await tdb.prisma.publishedFact.create({
      data: { year: 2024, provinceId: null, entityGroup: "PEMKOT", metric: "count_assessed", value: "98", sourceUrl: "https://example.org/a" },
    });
    await expectSameAsFullBuild();
    expect(cache.lastBuild).toEqual([2024]);
    await tdb.prisma.publishedFact.delete({ where: { id: fact.id } });

    const province = await tdb.prisma.province.findUniqueOrThrow({ where: { slug: "kalimantan-selatan" } });
    const mark = await tdb.prisma.groupCompleteness.create({
      data: { year: 2023, entityGroup: "PEMDA", provinceId: province.id, complete: true, markedBy: "t@example.test" },
    });
    await expectSameAsFullBuild();
    // The fact's removal (2024) and the mark (2023) since the last read.
    expect(cache.lastBuild).toEqual([2023, 2024]);
    await tdb.prisma.groupCompleteness.delete({ where: { id: mark.id } });
    await expectSameAsFullBuild();
  });

  it("a year whose results all go back to draft disappears; renaming an entity rebuilds everything", async () => {
    const ids = (await tdb.prisma.result.findMany({ where: { ...PUBLISHED, year: 2021 }, select: { id: true } })).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    await tdb.prisma.result.updateMany({ where: { id: { in: ids } }, data: { status: "DRAFT" } });
    expect((await expectSameAsFullBuild()).years).not.toContain(2021);
    expect(cache.lastBuild).toEqual([2021]);
    await tdb.prisma.result.updateMany({ where: { id: { in: ids } }, data: { status: "PUBLISHED" } });
    expect((await expectSameAsFullBuild()).years).toContain(2021);

    const entity = await tdb.prisma.entity.findFirstOrThrow({ where: { slug: "pemkot-banjarmasin" } });
    await tdb.prisma.entity.update({ where: { id: entity.id }, data: { name: "Kota Banjarmasin (nama uji)" } });
    await expectSameAsFullBuild();
    expect(cache.lastBuild).toBe("full");
    await tdb.prisma.entity.update({ where: { id: entity.id }, data: { name: entity.name } });
    await expectSameAsFullBuild();
  });

  it("a source added to a result rebuilds its year alone, and the entity's page shows it", async () => {
    const before = await cache.get();
    const result = await tdb.prisma.result.findFirstOrThrow({ where: { ...PUBLISHED, year: 2023, entity: { slug: "pemkot-banjarmasin" } } });
    const source = await tdb.prisma.resultSource.create({ data: { resultId: result.id, sourceUrl: "https://example.org/sumber-baru", origin: "test", score: 8801 } });
    const after = await expectSameAsFullBuild();
    expect(cache.lastBuild).toEqual([2023]);
    expect(after.detailsByYear.get(2023)!.get(result.id)!.sources.map((s) => s.sourceUrl)).toContain("https://example.org/sumber-baru");
    // The other years keep their details and rows; the entity's history points at the new 2023 row.
    expect(after.detailsByYear.get(2024)).toBe(before.detailsByYear.get(2024));
    const history = after.entities.history.get("pemkot-banjarmasin")!;
    expect(history.find((h) => h.year === 2023)!.row).toBe(after.rowsByYear.get(2023)!.find((r) => r.resultId === result.id));
    await tdb.prisma.resultSource.delete({ where: { id: source.id } });
    await expectSameAsFullBuild();
  });

  it("an alias added rebuilds everything, and the name search finds the entity by it", async () => {
    const entity = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "polres-balangan" } });
    const alias = await tdb.prisma.entityAlias.create({ data: { entityId: entity.id, alias: "Polres Paringin", key: "paringin" } });
    const after = await expectSameAsFullBuild();
    expect(cache.lastBuild).toBe("full");
    expect(after.entities.bySlug.get("polres-balangan")!.aliases).toContain("Polres Paringin");
    expect(matchingSlugs(after, "paringin")).toEqual(new Set(["polres-balangan"]));
    await tdb.prisma.entityAlias.delete({ where: { id: alias.id } });
    expect((await expectSameAsFullBuild()).entities.bySlug.get("polres-balangan")!.aliases).not.toContain("Polres Paringin");
  });

  it("reads the per-year revisions through the same fast reader as the response cache", async () => {
    const reader = createRevisionReader(tdb.url, process.cwd());
    const before = (await reader.revisions())!;
    const result = await tdb.prisma.result.findFirstOrThrow({ where: { ...PUBLISHED, year: 2023 } });
    await tdb.prisma.resultSource.create({ data: { resultId: result.id, sourceUrl: "https://example.org/b", origin: "test" } });
    const after = (await reader.revisions())!;
    expect(after.global).toBeGreaterThan(before.global);
    expect(yearsToRebuild(before, after)).toEqual(new Set([2023]));
    await tdb.prisma.resultSource.deleteMany({ where: { origin: "test" } });
    expect(yearsToRebuild(after, (await reader.revisions())!)).toEqual(new Set([2023]));
  });
});
