/**
 * The seed is an import: data/seed/results.csv uploaded through the admin's import (the same
 * path as the form and the upload route: dry run, then commit of exactly the file previewed)
 * into a database holding only the reference data and the methodologies gives the same
 * entities, aliases, Polres → kabupaten/kota links, results and sources as the seed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { runImport, type ImportRequest } from "@/app/admin/impor/import-run";
import type { Actor } from "@/lib/ledger/access";
import { seedDatabase, SEED_DIR } from "@/lib/ledger/seed";
import { readMethodologies, seedMethodologies } from "@/lib/ledger/seed/methodology";
import { seedReference } from "@/lib/ledger/seed/reference";
import type { PrismaClient } from "@/lib/db/client";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const ADMIN: Actor = { userId: "u1", email: "admin@rapor.test", role: "ADMIN", provinceIds: [], via: "session" };

/** Everything the seed and an upload must agree on, keyed by what identifies it rather than by id. */
async function content(prisma: PrismaClient) {
  const entities = await prisma.entity.findMany({
    include: { province: { select: { code: true } }, regency: { select: { code: true } }, aliases: { select: { alias: true, key: true } } },
  });
  const slugOf = new Map(entities.map((e) => [e.id, e.slug]));
  const results = await prisma.result.findMany({ include: { province: { select: { code: true } }, sources: true } });
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    entities: sorted(entities.map((e) => ({ type: e.type, name: e.name, slug: e.slug, province: e.province?.code ?? null, regency: e.regency?.code ?? null }))),
    aliases: sorted(entities.flatMap((e) => e.aliases.map((a) => ({ entity: e.slug, ...a })))),
    results: sorted(
      results.map((r) => ({
        entity: slugOf.get(r.entityId),
        year: r.year,
        province: r.province?.code ?? null,
        score: r.score,
        publishedZone: r.publishedZone,
        publishedCategory: r.publishedCategory,
        publishedOpinion: r.publishedOpinion,
        computed: [r.computedZone, r.computedCategory, r.computedLabel],
        ranks: [r.publishedNationalRank, r.publishedProvinceRank],
        status: r.status,
        hasConflict: r.hasConflict,
        primarySource: r.sourceUrl,
        notes: r.notes,
      })),
    ),
    sources: sorted(
      results.flatMap((r) =>
        r.sources.map((s) => ({
          entity: slugOf.get(r.entityId),
          year: r.year,
          isPrimary: s.isPrimary,
          figures: [s.score, s.zone, s.category, s.opinion, s.nationalRank, s.provinceRank],
          url: s.sourceUrl,
          notes: s.notes,
          // Seeded: "results.csv:LINE"; uploaded: "import:<batch>:LINE". The same line of the same file.
          line: Number(s.origin.split(":").at(-1)),
        })),
      ),
    ),
  };
}

describe("data/seed/results.csv uploaded through the import, against the seed", () => {
  let seeded: TempDatabase;
  let uploaded: TempDatabase;

  beforeAll(async () => {
    seeded = createTempDatabase("seed-as-import-a");
    uploaded = createTempDatabase("seed-as-import-b");
    // The upload runs as the app does, on DATABASE_URL.
    process.env.DATABASE_URL = uploaded.url;
    await seedDatabase(seeded.prisma);
    await seedReference(uploaded.prisma);
    await seedMethodologies(uploaded.prisma, readMethodologies(join(SEED_DIR, "methodology.json")));
  });
  afterAll(async () => {
    await seeded.dispose();
    await uploaded.dispose();
  });

  it("creates the same entities, aliases, links, results and sources", async () => {
    const file = () => new File([readFileSync(join(SEED_DIR, "results.csv"))], "results.csv", { type: "text/csv" });
    const request: ImportRequest = { file: file(), intent: "preview", previewedHash: null, createEntities: true, publish: true };
    const preview = await runImport(ADMIN, request);
    expect(preview).toMatchObject({ stage: "preview", committable: true, counts: { errorRows: 0 } });
    const committed = await runImport(ADMIN, { ...request, file: file(), intent: "commit", previewedHash: preview.fileHash! });
    expect(committed.stage).toBe("committed");

    const [fromSeed, fromUpload] = await Promise.all([content(seeded.prisma), content(uploaded.prisma)]);
    expect(fromUpload.entities).toEqual(fromSeed.entities);
    expect(fromUpload.aliases).toEqual(fromSeed.aliases);
    expect(fromUpload.results).toEqual(fromSeed.results);
    expect(fromUpload.sources).toEqual(fromSeed.sources);
    expect(fromSeed.sources.length).toBe(readFileSync(join(SEED_DIR, "results.csv"), "utf8").trimEnd().split("\n").length - 1);
  });

  it("links the Polres the file names to the kabupaten/kota of their names, and keeps their Polresta titles", async () => {
    const polres = await uploaded.prisma.entity.findMany({
      where: { slug: { in: ["polres-balangan", "polres-kupang", "polres-kupang-kota", "polres-mataram"] } },
      include: { regency: { select: { name: true } }, aliases: { select: { alias: true } } },
      orderBy: { slug: "asc" },
    });
    expect(polres.map((e) => [e.slug, e.regency?.name])).toEqual([
      ["polres-balangan", "Kabupaten Balangan"],
      ["polres-kupang", "Kabupaten Kupang"],
      ["polres-kupang-kota", "Kota Kupang"],
      ["polres-mataram", "Kota Mataram"],
    ]);
    expect(polres.find((e) => e.slug === "polres-mataram")!.aliases.map((a) => a.alias)).toContain("Polresta Mataram");
  });

  it("records each seeded source's origin as its line of results.csv", async () => {
    const origins = (await seeded.prisma.resultSource.findMany({ select: { origin: true } })).map((s) => s.origin);
    expect(origins.every((o) => /^results\.csv:\d+$/.test(o))).toBe(true);
    expect(new Set(origins).size).toBe(origins.length);
  });
});
