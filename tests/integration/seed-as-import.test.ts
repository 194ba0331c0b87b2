/**
 * The seed is an import: data/seed/results.csv uploaded through the admin's import (the same
 * path as the form and the upload route: dry run, then commit of exactly the file previewed)
 * into a database holding only the reference data and the methodologies gives the same
 * entities, aliases, Polres → kabupaten/kota links, results, sources and group statements as the
 * seed. The file is uploaded as the seed reads it: the facts of the curators' notes in the fact
 * columns, and each row compiled twice merged into its first (an upload refuses a repeat).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { runImport, type ImportRequest } from "@/app/admin/impor/import-run";
import type { Actor } from "@/lib/ledger/access";
import { stringify } from "csv-stringify/sync";
import { RESULT_FILE_COLUMNS } from "@/lib/domain/results-file";
import { seedDatabase, seedRows, SEED_DIR } from "@/lib/ledger/seed";
import { readMethodologies, seedMethodologies } from "@/lib/ledger/seed/methodology";
import { seedReference } from "@/lib/ledger/seed/reference";
import type { PrismaClient } from "@/lib/db/client";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const ADMIN: Actor = { userId: "u1", email: "admin@rapor.test", role: "ADMIN", provinceIds: [], via: "session" };

/** Everything the seed and an upload must agree on, keyed by what identifies it rather than by id. */
async function content(prisma: PrismaClient, lineOf: (line: number) => number = (line) => line) {
  const entities = await prisma.entity.findMany({
    include: { province: { select: { code: true } }, regency: { select: { code: true } }, aliases: { select: { alias: true, key: true } } },
  });
  const slugOf = new Map(entities.map((e) => [e.id, e.slug]));
  const results = await prisma.result.findMany({ include: { province: { select: { code: true } }, sources: true } });
  const statements = await prisma.groupStatement.findMany({ include: { members: true } });
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
          facts: [s.yearInferred, s.rankFromList, s.provinceRankWithinType, s.disputed],
          // Seeded: "results.csv:LINE" (and more lines when merged); uploaded: "import:<batch>:LINE". The same first line.
          line: lineOf(firstLine(s.origin)),
        })),
      ),
    ),
    statements: sorted(
      statements.map((st) => ({
        year: st.year,
        provinceId: st.provinceId,
        group: st.entityGroup,
        figures: [st.zone, st.category, st.opinion],
        url: st.sourceUrl,
        status: st.status,
        members: st.members.map((m) => slugOf.get(m.entityId)).sort(),
      })),
    ),
  };
}

const firstLine = (origin: string) => Number(origin.split(" ")[0]!.split(":").at(-1));

/** The results file as the seed reads it, with each merged repeat folded into its first row as the seed stored it. */
async function fileAsSeeded(seeded: PrismaClient): Promise<{ text: string; droppedNames: Set<string>; lineOf: (line: number) => number }> {
  const merged = new Map<number, { notes: string; facts: boolean[]; lines: number[] }>();
  for (const s of await seeded.resultSource.findMany()) {
    const lines = s.origin.split(" ").map((o) => Number(o.split(":").at(-1)));
    if (lines.length > 1) merged.set(lines[0]!, { notes: s.notes, facts: [s.yearInferred, s.rankFromList, s.provinceRankWithinType, s.disputed], lines });
  }
  const dropped = new Set([...merged.values()].flatMap((m) => m.lines.slice(1)));
  const all = seedRows(readFileSync(join(SEED_DIR, "results.csv"), "utf8"));
  const droppedNames = new Set(all.filter((r) => dropped.has(r.line)).map((r) => r.values.entity_name));
  const kept = all.filter((r) => !dropped.has(r.line));
  const rows = kept.map((r) => {
    const m = merged.get(r.line);
    if (!m) return r.values;
    const ya = (fact: boolean) => (fact ? "ya" : "");
    return { ...r.values, notes: m.notes, year_inferred: ya(m.facts[0]!), rank_from_list: ya(m.facts[1]!), province_rank_within_type: ya(m.facts[2]!), disputed: ya(m.facts[3]!) };
  });
  return {
    text: stringify([[...RESULT_FILE_COLUMNS], ...rows.map((v) => RESULT_FILE_COLUMNS.map((c) => v[c]))]),
    droppedNames,
    // Line n of the uploaded file (the header is line 1) is this line of results.csv.
    lineOf: (line) => kept[line - 2]!.line,
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

  it("creates the same entities, aliases, links, results, sources and group statements", async () => {
    const { text, droppedNames, lineOf } = await fileAsSeeded(seeded.prisma);
    const file = () => new File([text], "results.csv", { type: "text/csv" });
    const request: ImportRequest = { file: file(), intent: "preview", previewedHash: null, createEntities: true, publish: true };
    const preview = await runImport(ADMIN, request);
    expect(preview).toMatchObject({ stage: "preview", committable: true, counts: { errorRows: 0 } });
    const committed = await runImport(ADMIN, { ...request, file: file(), intent: "commit", previewedHash: preview.fileHash! });
    expect(committed.stage).toBe("committed");

    const [fromSeed, fromUpload] = await Promise.all([content(seeded.prisma), content(uploaded.prisma, lineOf)]);
    expect(fromUpload.entities).toEqual(fromSeed.entities);
    // The seed also learns the spelling of a row compiled twice ("Polres Belu" beside "Belu"), which the upload leaves out.
    const uploadedAliases = new Set(fromUpload.aliases);
    expect(fromUpload.aliases.every((a) => fromSeed.aliases.includes(a))).toBe(true);
    const seedOnly = fromSeed.aliases.filter((a) => !uploadedAliases.has(a)).map((a) => (JSON.parse(a) as { alias: string }).alias);
    expect(seedOnly.every((alias) => droppedNames.has(alias))).toBe(true);
    expect(fromUpload.results).toEqual(fromSeed.results);
    expect(fromUpload.sources).toEqual(fromSeed.sources);
    expect(fromUpload.statements).toEqual(fromSeed.statements);
    // Every row of the file is a source, a merged repeat of one, or a member of a group statement.
    const rows = readFileSync(join(SEED_DIR, "results.csv"), "utf8").trimEnd().split("\n").length - 1;
    const lines = (await seeded.prisma.resultSource.findMany({ select: { origin: true } })).flatMap((s) => s.origin.split(" "));
    const members = await seeded.prisma.groupStatementMember.count();
    expect(lines.length + members).toBe(rows);
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

  it("records each seeded source's origin as its line of results.csv (its lines, for a row compiled twice)", async () => {
    const origins = (await seeded.prisma.resultSource.findMany({ select: { origin: true } })).map((s) => s.origin);
    expect(origins.every((o) => /^results\.csv:\d+( results\.csv:\d+)*$/.test(o))).toBe(true);
    const lines = origins.flatMap((o) => o.split(" "));
    expect(new Set(lines).size).toBe(lines.length);
  });
});
