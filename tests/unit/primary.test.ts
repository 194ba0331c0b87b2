import { describe, expect, it } from "vitest";
import { choosePrimary, isOmbudsmanSource, PRIMARY_RULE, type SourceReport } from "@/lib/domain/primary";

const report = (sourceUrl: string, fields: Partial<Omit<SourceReport, "sourceUrl">> = {}): SourceReport => ({
  score: null,
  zone: null,
  category: null,
  opinion: null,
  nationalRank: null,
  provinceRank: null,
  ...fields,
  sourceUrl,
});

const OMBUDSMAN = "https://ombudsman.go.id/news/r/penilaian-2023";
const OMBUDSMAN_KALSEL = "https://kalsel.ombudsman.go.id/artikel/2023";

describe("isOmbudsmanSource", () => {
  it("accepts ombudsman.go.id and its subdomains", () => {
    expect(isOmbudsmanSource(OMBUDSMAN)).toBe(true);
    expect(isOmbudsmanSource("http://www.ombudsman.go.id/")).toBe(true);
    expect(isOmbudsmanSource(OMBUDSMAN_KALSEL)).toBe(true);
    expect(isOmbudsmanSource("https://OMBUDSMAN.GO.ID/Berita")).toBe(true);
  });

  it("rejects look-alike hosts", () => {
    expect(isOmbudsmanSource("https://notombudsman.go.id/x")).toBe(false);
    expect(isOmbudsmanSource("https://ombudsman.go.id.example.com/x")).toBe(false);
    expect(isOmbudsmanSource("https://example.com/ombudsman.go.id")).toBe(false);
    expect(isOmbudsmanSource("https://ombudsman.go.ids/")).toBe(false);
  });

  it("rejects strings that are not URLs", () => {
    expect(isOmbudsmanSource("ombudsman.go.id")).toBe(false);
    expect(isOmbudsmanSource("")).toBe(false);
    expect(isOmbudsmanSource("not a url")).toBe(false);
  });
});

describe("choosePrimary", () => {
  it("states its rule", () => {
    expect(PRIMARY_RULE).toContain("ombudsman.go.id");
    expect(PRIMARY_RULE).toContain("sumber terbanyak");
  });

  it("throws for no reports", () => {
    expect(() => choosePrimary([])).toThrow(RangeError);
  });

  it("returns the single report as primary with no conflict", () => {
    const only = report("https://news.example/a", { score: 9545, zone: "HIJAU", category: "A" });
    const choice = choosePrimary([only]);
    expect(choice.primary).toBe(only);
    expect(choice.merged).toEqual({
      score: 9545,
      zone: "HIJAU",
      category: "A",
      opinion: null,
      nationalRank: null,
      provinceRank: null,
    });
    expect(choice.conflictingScores).toEqual([]);
  });

  it("puts an ombudsman.go.id source first, even against a majority", () => {
    const a = report("https://news.example/a", { score: 9000 });
    const b = report("https://news.example/b", { score: 9000 });
    const official = report(OMBUDSMAN_KALSEL, { score: 8999 });
    const choice = choosePrimary([a, b, official]);
    expect(choice.primary).toBe(official);
    expect(choice.merged.score).toBe(8999);
    expect(choice.conflictingScores).toEqual([9000, 8999]);
  });

  it("takes the first ombudsman.go.id source when there are several", () => {
    const first = report(OMBUDSMAN, { score: 9100 });
    const second = report(OMBUDSMAN_KALSEL, { score: 9200 });
    expect(choosePrimary([report("https://news.example/a", { score: 9200 }), first, second]).primary).toBe(first);
  });

  it("takes the majority score: Kota Banjarmasin 2023, 88,02 twice and 88,01 once → 88,02", () => {
    const r1 = report("https://news.example/1", { score: 8801 });
    const r2 = report("https://news.example/2", { score: 8802 });
    const r3 = report("https://news.example/3", { score: 8802 });
    const choice = choosePrimary([r1, r2, r3]);
    expect(choice.primary).toBe(r2);
    expect(choice.merged.score).toBe(8802);
    expect(choice.conflictingScores).toEqual([8802, 8801]);
  });

  it("takes the first listed report when the votes are tied", () => {
    const r1 = report("https://news.example/1", { score: 8801 });
    const r2 = report("https://news.example/2", { score: 8802 });
    expect(choosePrimary([r1, r2]).primary).toBe(r1);
    expect(choosePrimary([r2, r1]).primary).toBe(r2);
  });

  it("prefers reports with a score over reports without, even from ombudsman.go.id", () => {
    const officialZoneOnly = report(OMBUDSMAN, { zone: "HIJAU", category: "A" });
    const scored = report("https://news.example/a", { score: 9545 });
    const choice = choosePrimary([officialZoneOnly, scored]);
    expect(choice.primary).toBe(scored);
    expect(choice.merged.score).toBe(9545);
    // The zone-only report does not agree with the score, so its fields are not merged.
    expect(choice.merged.zone).toBeNull();
    expect(choice.merged.category).toBeNull();
    expect(choice.conflictingScores).toEqual([]);
  });

  it("prefers reports with a score even when unscored reports are the majority", () => {
    const n1 = report("https://news.example/1");
    const n2 = report("https://news.example/2");
    const scored = report("https://news.example/3", { score: 9000 });
    expect(choosePrimary([n1, n2, scored]).primary).toBe(scored);
  });

  it("without any score, takes an ombudsman.go.id source, else the first listed", () => {
    const n1 = report("https://news.example/1", { zone: "HIJAU" });
    const official = report(OMBUDSMAN, { zone: "KUNING" });
    expect(choosePrimary([n1, official]).primary).toBe(official);
    expect(choosePrimary([n1, report("https://news.example/2", { zone: "KUNING" })]).primary).toBe(n1);
  });

  it("without any score, merges fields from every report (all agree on 'no score')", () => {
    // Kota Palangka Raya 2024: zona hijau in one source, Kualitas Tertinggi in another.
    const zone = report("https://news.example/1", { zone: "HIJAU" });
    const opinion = report("https://news.example/2", { opinion: "Kualitas Tertinggi", category: "A" });
    expect(choosePrimary([zone, opinion])).toEqual({
      primary: zone,
      merged: { score: null, zone: "HIJAU", category: "A", opinion: "Kualitas Tertinggi", nationalRank: null, provinceRank: null },
      conflictingScores: [],
    });
  });

  it("fills silent fields from reports agreeing with the primary score, primary first", () => {
    const primary = report(OMBUDSMAN, { score: 9545, zone: "HIJAU" });
    const agreeing1 = report("https://news.example/1", { score: 9545, zone: "KUNING", category: "A", nationalRank: 24 });
    const agreeing2 = report("https://news.example/2", { score: 9545, category: "B", provinceRank: 1, opinion: "Kualitas Tertinggi" });
    const disagreeing = report("https://news.example/3", { score: 9544, provinceRank: 2, opinion: "Sangat Baik" });
    const choice = choosePrimary([disagreeing, agreeing1, primary, agreeing2]);
    expect(choice.primary).toBe(primary);
    expect(choice.merged).toEqual({
      score: 9545,
      zone: "HIJAU", // the primary's own value wins over agreeing1's KUNING
      category: "A", // first agreeing report in listed order
      opinion: "Kualitas Tertinggi",
      nationalRank: 24,
      provinceRank: 1, // not 2: that report disagrees with the score
    });
    expect(choice.conflictingScores).toEqual([9545, 9544]);
  });

  it("leaves a field null when no agreeing report has it", () => {
    const choice = choosePrimary([report(OMBUDSMAN, { score: 9000 }), report("https://news.example/1", { score: 8000, zone: "HIJAU" })]);
    expect(choice.merged.zone).toBeNull();
  });

  it("lists distinct conflicting scores highest first, ignoring unscored reports and duplicates", () => {
    const choice = choosePrimary([
      report("https://news.example/1", { score: 8801 }),
      report("https://news.example/2"),
      report("https://news.example/3", { score: 9000 }),
      report("https://news.example/4", { score: 8801 }),
      report("https://news.example/5", { score: 8500 }),
    ]);
    expect(choice.conflictingScores).toEqual([9000, 8801, 8500]);
    expect(choice.merged.score).toBe(8801);
  });

  it("reports no conflict when all scored reports agree", () => {
    const choice = choosePrimary([
      report("https://news.example/1", { score: 8801 }),
      report("https://news.example/2", { score: 8801 }),
      report("https://news.example/3"),
    ]);
    expect(choice.conflictingScores).toEqual([]);
  });

  it("keeps the caller's report type (extra fields survive on primary)", () => {
    const withId = { ...report(OMBUDSMAN, { score: 9000 }), id: 42 };
    expect(choosePrimary([withId]).primary.id).toBe(42);
  });
});
