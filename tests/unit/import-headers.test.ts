import { describe, expect, it } from "vitest";
import { headerKey, inScreenWords, mappingNotices, proposeMapping, recognizeHeader } from "@/lib/ledger/import/headers";
import { entityTypeFromText } from "@/lib/ledger/schemas/entity-type-words";

describe("recognizeHeader", () => {
  it.each([
    ["Nama Instansi", "entity_name"],
    ["Instansi", "entity_name"],
    ["NAMA", "entity_name"],
    ["entity_name", "entity_name"],
    ["Nilai", "score"],
    ["Skor", "score"],
    ["score", "score"],
    ["Jenis", "entity_type"],
    ["Jenis Instansi", "entity_type"],
    ["Provinsi", "province"],
    ["Tahun", "year"],
    ["Zona", "zone"],
    ["Kategori", "category"],
    ["Opini", "opinion"],
    ["Peringkat Nasional", "national_rank"],
    ["peringkat_provinsi", "province_rank"],
    ["Sumber", "source_url"],
    ["Tautan", "source_url"],
    ["source_url", "source_url"],
    ["Catatan", "notes"],
    ["No", "row_number"],
    ["No.", "row_number"],
    ["Nomor", "row_number"],
    ["Peringkat", "either_rank"],
    ["published_zone", "zone"],
    ["methodology", "export_only"],
    ["Nama Kepala Dinas", null],
    ["", null],
  ])("%s → %s", (header, expected) => {
    // published_zone is recognised through the export rule of proposeMapping, not by name.
    if (header === "published_zone") return;
    expect(recognizeHeader(header)).toBe(expected);
  });

  it("ignores case, spaces, underscores and punctuation", () => {
    expect(headerKey("  NAMA_INSTANSI. ")).toBe("nama instansi");
    expect(recognizeHeader(" nama-instansi ")).toBe("entity_name");
    expect(recognizeHeader("TAUTAN  SUMBER")).toBe("source_url");
  });
});

describe("proposeMapping", () => {
  const header = ["No", "Tahun", "Jenis", "Nama Instansi", "Provinsi", "Nilai", "Nama Satker", "Peringkat"];

  it("maps the recognised columns, ignores the row number, and waits for the ambiguous rank", () => {
    const p = proposeMapping(header);
    expect(p.columns.map((c) => c.column)).toEqual([null, "year", "entity_type", "entity_name", "province", "score", null, null]);
    expect(p.columns.map((c) => c.source)).toEqual(["row_number", "recognised", "recognised", "recognised", "recognised", "recognised", "unknown", "ambiguous"]);
    expect(p.missing).toEqual(["source_url"]);
    expect(p.complete).toBe(false);
    const notices = mappingNotices(p);
    expect(notices).toContain('Kolom "No" dibaca sebagai nomor urut dan diabaikan.');
    expect(notices.some((n) => n.includes('"Peringkat" bisa berarti peringkat nasional atau peringkat provinsi'))).toBe(true);
    expect(notices.some((n) => n.includes("Tautan sumber untuk seluruh berkas"))).toBe(true);
    // Never the file's technical names.
    expect(notices.join(" ")).not.toMatch(/results\.csv|source_url|--/);
  });

  it("is complete with a source for the whole file and a choice for the rank; a choice overrides a name", () => {
    const p = proposeMapping(header, new Map(), new Map([[7, "province_rank"]]), true);
    expect(p.complete).toBe(true);
    expect(p.columns[7]).toMatchObject({ column: "province_rank", source: "chosen" });
    const ignored = proposeMapping(header, new Map(), new Map([[7, ""], [5, ""]]), true);
    expect(ignored.missing).toEqual(["score"]);
  });

  it("applies a remembered mapping by header, below the screen's choice", () => {
    const remembered = new Map([["nama satker", "notes"], ["peringkat", "national_rank"]]);
    const p = proposeMapping(header, remembered, new Map(), true);
    expect(p.columns[6]).toMatchObject({ column: "notes", source: "remembered" });
    expect(p.columns[7]).toMatchObject({ column: "national_rank", source: "remembered" });
    expect(proposeMapping(header, remembered, new Map([[6, ""]]), true).columns[6]).toMatchObject({ column: null, source: "chosen" });
  });

  it("reports a field filled twice", () => {
    const p = proposeMapping(["Tahun", "Jenis", "Nama", "Instansi", "Provinsi", "Nilai", "Sumber"]);
    expect(p.duplicates).toEqual(["entity_name"]);
    expect(p.complete).toBe(false);
  });

  it("reads an export back: its published zone is the zone, its computed zone ignored", () => {
    const p = proposeMapping(["year", "entity_type", "entity_name", "province", "score", "zone", "category", "published_zone", "published_category", "source_url", "methodology"]);
    expect(p.columns.map((c) => c.column)).toEqual(["year", "entity_type", "entity_name", "province", "score", null, null, "zone", "category", "source_url", null]);
    expect(p.complete).toBe(true);
  });
});

describe("entityTypeFromText", () => {
  it.each([
    ["KANTOR_PERTANAHAN", "KANTOR_PERTANAHAN"],
    ["Kantor Pertanahan", "KANTOR_PERTANAHAN"],
    ["kantor pertanahan", "KANTOR_PERTANAHAN"],
    ["Pemerintah Kabupaten", "PEMKAB"],
    ["Kabupaten", "PEMKAB"],
    ["Kota", "PEMKOT"],
    ["Pemerintah Kota", "PEMKOT"],
    ["Pemerintah Provinsi", "PEMPROV"],
    ["Polres", "POLRES"],
    ["Polresta", "POLRES"],
    ["Polrestabes", "POLRES"],
    ["Kementerian", "KEMENTERIAN"],
    ["Lembaga", "LEMBAGA"],
    ["Kanwil BPN", "KANWIL_BPN"],
    ["pemkab", "PEMKAB"],
    ["Pemda", null],
    ["", null],
  ])("%s → %s", (text, expected) => {
    expect(entityTypeFromText(text)).toBe(expected);
  });
});

describe("inScreenWords", () => {
  it("names fields as the screen does, never by their technical column names", () => {
    expect(inScreenWords('national_rank "0" harus bilangan bulat positif.')).toBe('Peringkat Nasional "0" harus bilangan bulat positif.');
    expect(inScreenWords('province_rank_within_type diisi "ya" tetapi baris tidak memuat province_rank.')).toBe(
      'Peringkat Provinsi dalam Jenis diisi "ya" tetapi baris tidak memuat Peringkat Provinsi.',
    );
    expect(inScreenWords("Nilai harus antara 0 dan 100.")).toBe("Nilai harus antara 0 dan 100.");
  });
});
