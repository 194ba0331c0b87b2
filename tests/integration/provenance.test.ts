/**
 * Every figure as its source states it, on the seeded real data: which sources state each
 * figure, where they differ, competing ranks, nothing derived from unverified bands, group
 * statements kept apart from results, the province of the assessment year, and no curator's
 * note in the public record, the API or a download.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityJson, resultsJson } from "@/lib/api/reads";
import { FIGURE_SOURCE_COLUMNS } from "@/lib/domain/results-file";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type PublicDataset } from "@/lib/record/dataset";
import { entityView } from "@/lib/record/entities";
import { provinceView } from "@/lib/record/provinces";
import { exportRecords, selectionOf } from "@/lib/record/result-rows";
import { seedDatabase, SEED_DIR } from "@/lib/ledger/seed";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

describe("provenance on the seeded real data", () => {
  let tdb: TempDatabase;
  let record: PublicDataset;
  const row = (year: number, slug: string): YearRow => {
    const found = record.rowsByYear.get(year)!.find((r) => r.entity.slug === slug);
    if (!found) throw new Error(`no ${slug} ${year}`);
    return found;
  };
  const urls = (refs: readonly { url: string }[]) => refs.map((r) => r.url);

  beforeAll(async () => {
    tdb = createTempDatabase("provenance");
    await seedDatabase(tdb.prisma);
    record = await getPublicDataset(tdb.prisma);
  });
  afterAll(async () => {
    await tdb.dispose();
  });

  it("Kota Banjarmasin 2024: the national rank is stated by the two articles that give it, not by the row's first source", () => {
    const banjarmasin = row(2024, "pemkot-banjarmasin");
    expect(banjarmasin.sourceUrl).toMatch(/faktanow\.com/);
    const rank = urls(banjarmasin.figures.nationalRank.statedBy);
    expect(rank).toHaveLength(2);
    expect(rank.some((u) => u.includes("interaksi.co"))).toBe(true);
    expect(rank.some((u) => u.includes("radigfamedia"))).toBe(true);
    expect(banjarmasin.nationalRank.official).toMatchObject({ source: "published", rank: 24, sourceUrl: rank[0] });
    // The download says the same per figure.
    const records = exportRecords(record, selectionOf({ tahun: 2024, instansi: ["pemkot-banjarmasin"] })).records;
    expect(records[0]!.national_rank_source_url.split(" | ")).toEqual(rank);
    expect(records[0]!.score_source_url.split(" | ")).toHaveLength(3);
    expect(records[0]!.source_url).toBe(banjarmasin.sourceUrl);
  });

  it("Kota Banjarmasin 2023 and Provinsi Bali 2022: each value with its sources, flagged", () => {
    const banjarmasin = row(2023, "pemkot-banjarmasin");
    expect(banjarmasin.score).toBe(8802);
    expect(banjarmasin.figures.score.alternatives.map((a) => a.value)).toEqual([8801]);
    expect(banjarmasin.sourcesDiffer).toBe(true);
    const bali = row(2022, "pemprov-bali");
    expect(bali.score).toBe(9401);
    expect(urls(bali.figures.score.statedBy).join(" ")).toMatch(/telisik\.net.*antaranews|antaranews.*telisik\.net/);
    expect(bali.figures.score.alternatives).toEqual([{ value: 5401, statedBy: [expect.objectContaining({ url: expect.stringContaining("tribunnews.com") })] }]);
    expect(bali.sourcesDiffer).toBe(true);
  });

  it("flags both Kalimantan Selatan 2024 'number ones' of the Pemda, but not Jawa Tengah 2023's firsts among Pemkab and among Pemkot", () => {
    const hss = row(2024, "pemkab-hulu-sungai-selatan");
    const banjarmasin = row(2024, "pemkot-banjarmasin");
    expect(hss.rankRivals.province.map((r) => r.slug)).toEqual(["pemkot-banjarmasin"]);
    expect(banjarmasin.rankRivals.province.map((r) => r.slug)).toEqual(["pemkab-hulu-sungai-selatan"]);
    expect(urls(banjarmasin.rankRivals.province[0]!.statedBy)).toEqual(["https://kalselhits.com/"]);
    const sukoharjo = row(2023, "pemkab-sukoharjo");
    const magelang = row(2023, "pemkot-magelang");
    expect([sukoharjo.provinceRankWithinType, magelang.provinceRankWithinType]).toEqual([true, true]);
    expect([sukoharjo.rankRivals.province, magelang.rankRivals.province]).toEqual([[], []]);
  });

  it("derives no 2025 zone: every 2025 zone is one a source states, and Polres Balangan's is not established", () => {
    const rows2025 = record.rowsByYear.get(2025)!;
    expect(rows2025.filter((r) => r.zoneBasis === "computed")).toEqual([]);
    for (const r of rows2025.filter((r) => r.zone !== null)) expect(r.figures.zone.statedBy.length).toBeGreaterThan(0);
    const balangan = row(2025, "polres-balangan");
    expect([balangan.zone, balangan.zoneBasis, balangan.label]).toEqual([null, "not-established", "Sangat Baik"]);
    // 2024's bands are verified: zones computed from them, and said so.
    expect(row(2024, "pemkot-banjarmasin").figures.zone.computed).toBe("bands");
  });

  it("keeps group statements as figures of the group, never as results of their members", () => {
    expect(record.rowsByYear.get(2022)!.some((r) => r.entity.slug === "pemkab-gianyar")).toBe(false);
    const bali2022 = provinceView(record, "bali")!.years.find((y) => y.year === 2022)!;
    expect(bali2022.statements).toHaveLength(1);
    expect(bali2022.statements[0]).toMatchObject({ entityGroup: "PEMDA", zone: "HIJAU", opinion: "Kualitas Tertinggi" });
    expect(bali2022.statements[0]!.members.map((m) => m.slug)).toContain("pemkab-gianyar");
    expect(entityView(record, "pemkab-gianyar")!.statements.map((st) => st.year)).toEqual([2022, 2023]);
    const kaltim2023 = provinceView(record, "kalimantan-timur")!.years.find((y) => y.year === 2023)!;
    expect(kaltim2023.statements.map((st) => [st.entityGroup, st.category, st.members.length]).sort()).toEqual([
      ["PEMKAB", "B", 4],
      ["PEMKOT", "A", 3],
    ]);
  });

  it("tells the facts of a source in the record, from its columns: a year inferred, a home page only", () => {
    const tala = entityView(record, "kantor-pertanahan-tanah-laut")!.years.find((y) => y.year === 2021)!;
    expect(tala.sources.some((s) => s.yearInferred)).toBe(true);
    const entity = entityJson(record, "polres-balangan")!;
    const source2025 = entity.results.find((r) => r.year === 2025)!.sources[0]!;
    expect(source2025.facts).toMatchObject({ homePageOnly: true });
    expect(source2025).not.toHaveProperty("notes");
  });

  it("holds the 2022 splits as data, with the law and the date", () => {
    const tengah = record.provinces.find((p) => p.slug === "papua-tengah")!;
    expect(tengah).toMatchObject({ formedIn: 2022, formedOn: "2022-07-25", splitFrom: "papua" });
    expect(tengah.formedBy).toContain("Nomor 15 Tahun 2022");
    expect(provinceView(record, "papua")!.history.splitInto.map((p) => p.slug).sort()).toEqual(["papua-pegunungan", "papua-selatan", "papua-tengah"]);
  });

  it("no curator's note reaches the API or a download", () => {
    // A note that is only an entity's name ("Kantor Pertanahan Kota Kupang") is no working note.
    const names = new Set(record.entities.list.flatMap((e) => [e.name, ...e.aliases]));
    const notes = new Set(
      (parse(readFileSync(join(SEED_DIR, "results.csv"), "utf8"), { columns: true }) as { notes: string }[])
        .map((r) => r.notes.trim())
        .filter((n) => n.length >= 25 && !names.has(n)),
    );
    expect(notes.size).toBeGreaterThan(300);
    const texts = [
      JSON.stringify(resultsJson(record, { page: 1, pageSize: 100_000 })),
      JSON.stringify(record.entities.list.map((e) => entityJson(record, e.slug))),
      JSON.stringify(exportRecords(record, selectionOf({}))),
    ];
    for (const text of texts) for (const note of notes) expect(text.includes(JSON.stringify(note).slice(1, -1))).toBe(false);
    expect(FIGURE_SOURCE_COLUMNS).toHaveLength(5);
  });
});
