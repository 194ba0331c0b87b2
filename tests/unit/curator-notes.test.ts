import { describe, expect, it } from "vitest";
import { factsFromNotes, withCuratorFacts } from "@/lib/ledger/seed/curator-notes";
import { row } from "./import-context";

/** A row of the project's data with its curators' notes as they are written in data/seed/results.csv. */
const facts = (cells: Parameters<typeof row>[1]) => factsFromNotes(row(2, { year: "2024", entity_type: "PEMKAB", ...cells }).values);

describe("the facts of the curators' notes (seed only)", () => {
  it("a year inferred from the publication date", () => {
    expect(facts({ score: "84.36", notes: "year inferred (siaran pers 13 April 2022)" }).year_inferred).toBe(true);
    expect(facts({ score: "95.72", province_rank: "2", notes: "province_rank inferred from 'setelah Kota Bima dan Kabupaten Lombok Barat'" }).year_inferred).toBe(false);
  });

  it("a list position used as the rank: only on a row that has a rank", () => {
    expect(facts({ score: "68.39", province_rank: "8", notes: "numbered list used as province_rank (listing order by score)" }).rank_from_list).toBe(true);
    expect(facts({ score: "88.42", national_rank: "5", notes: "list position 5" }).rank_from_list).toBe(true);
    expect(facts({ score: "99.36", national_rank: "2", notes: "national top-3 kabupaten 2024 (numbered order)" }).rank_from_list).toBe(true);
    expect(facts({ score: "52.62", notes: "position 5 of 5 within 'Wilayah III Cirebon' (...); not a province rank" }).rank_from_list).toBe(false);
  });

  it("a group statement: a row without the entity's own score or rank, 'not named' or 'group statement'", () => {
    expect(facts({ zone: "HIJAU", notes: "not named: group statement (all Bali pemda)" }).group_statement).toBe(true);
    expect(facts({ zone: "HIJAU", notes: "group statement" }).group_statement).toBe(true);
    expect(facts({ zone: "HIJAU", notes: "not named individually: 'seluruh pemerintah daerah di Bali ...'" }).group_statement).toBe(true);
    // Named with its own score; "(not named)" is about other Polres.
    expect(facts({ score: "81.09", province_rank: "4", notes: "year inferred; remaining 4 Polres zona kuning (not named)" }).group_statement).toBe(false);
  });

  it("a conflict the curators noted", () => {
    expect(facts({ score: "54.01", notes: "CONFLICT: tribunnews writes 'Pemprov Bali (54,01)' as no.2 of top 3 - almost certainly a typo" }).disputed).toBe(true);
    expect(facts({ score: "88.80", notes: "CONFLICT (within source): lead paragraph figure 80,80 vs list figure 88,80" }).disputed).toBe(true);
    expect(facts({ score: "95.45", notes: "Zona Hijau" }).disputed).toBe(false);
  });

  it("a province rank among the entity's own type, not among the province's Pemda", () => {
    expect(facts({ entity_type: "PEMKOT", score: "98.17", province_rank: "1", notes: "'peringkat pertama' among Jateng pemkot" }).province_rank_within_type).toBe(true);
    expect(facts({ score: "82.83", province_rank: "1", notes: "province_rank = 1st of 18 kabupaten in Jawa Barat; national rank 105 (among kabupaten)" }).province_rank_within_type).toBe(true);
    expect(facts({ score: "95.07", province_rank: "1", notes: "CONFLICT: jejakrekam '95,07' rangking pertama of 11 kabupaten; voi.id (quoting Antara) 95.08" }).province_rank_within_type).toBe(true);
    // Among all kab/kota (Pemkab and Pemkot together), among the green ones nationally, or not regional: the group.
    expect(facts({ entity_type: "PEMKOT", score: "96.13", province_rank: "2", notes: "peringkat kedua among kab/kota se-Jabar; peringkat pertama among Pemkot se-Jabar" }).province_rank_within_type).toBe(false);
    expect(facts({ score: "89.91", province_rank: "3", notes: "'peringkat ke-37 dari 103 Kabupaten yang masuk Zona Hijau' (rank among green kabupaten); 3rd in NTB" }).province_rank_within_type).toBe(false);
    expect(facts({ entity_type: "POLRES", score: "95.76", province_rank: "1", notes: "urutan pertama se-Provinsi Banten among 8 Polres" }).province_rank_within_type).toBe(false);
  });

  it("fills the fact columns a row leaves empty, never one the file fills", () => {
    const marked = withCuratorFacts(row(2, { year: "2021", entity_type: "POLRES", score: "87.55", province_rank: "2", notes: "year inferred; CONFLICT: x" }));
    expect([marked.values.year_inferred, marked.values.disputed, marked.values.rank_from_list]).toEqual(["ya", "ya", ""]);
    const own = withCuratorFacts(row(2, { year: "2021", entity_type: "POLRES", score: "87.55", notes: "year inferred", year_inferred: "tidak" }));
    expect(own.values.year_inferred).toBe("tidak");
  });
});
