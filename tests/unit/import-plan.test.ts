/** The import plan's steps, each on an in-memory ImportContext (tests/unit/import-context.ts). */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/ledger/access";
import { checkResultRow } from "@/lib/ledger/schemas/result-row";
import { planAccess } from "@/lib/ledger/import/plan-access";
import { NewEntities, planEntity, polresTitleAliases } from "@/lib/ledger/import/plan-entity";
import { bandWarning, planFields } from "@/lib/ledger/import/plan-fields";
import { rowIssues } from "@/lib/ledger/import/plan-issues";
import { groupSources, RepeatedRows, type PlannedRow } from "@/lib/ledger/import/plan-sources";
import { planYear } from "@/lib/ledger/import/plan-year";
import { planImport } from "@/lib/ledger/import/plan";
import { ADMIN, ENTITY, PROVINCE, REGENCY, STORED_SOURCE, importContext, row } from "./import-context";
import { METHODOLOGY_2023 } from "./fixtures";

const URL = "https://x.test/a";

/** Run one step on a row; its result and the messages it reported. */
function step<T>(run: (report: ReturnType<typeof rowIssues>["report"]) => T) {
  const { issues, report } = rowIssues(2);
  const value = run(report);
  return { value, messages: issues.map((i) => [i.column, i.message]) };
}

describe("the row schema", () => {
  it("reports every bad cell of a row at once, in Indonesian", () => {
    const checked = checkResultRow(
      row(2, { year: "24", entity_type: "PEMDA", entity_name: "", score: "101", zone: "biru", national_rank: "0", source_url: "ftp://x" }).values,
    );
    expect(checked.issues).toEqual([
      { column: "year", message: 'Tahun "24" tidak valid.' },
      { column: "entity_type", message: expect.stringContaining('Jenis instansi "PEMDA" tidak dikenal') },
      { column: "entity_name", message: "Nama instansi kosong." },
      { column: "score", message: "Nilai harus antara 0 dan 100." },
      { column: "zone", message: "Zona tidak valid." },
      { column: "national_rank", message: 'national_rank "0" harus bilangan bulat positif.' },
      { column: "source_url", message: "Tautan sumber harus alamat http(s) yang lengkap." },
    ]);
  });

  it("converts the cells: a decimal comma, lower-case zone and category, ranks, the type in any case", () => {
    const checked = checkResultRow(
      row(2, { year: "2024", entity_type: "pemkot", entity_name: "Banjarmasin", province: "Kalsel", score: "95,45", zone: "hijau", category: "a", province_rank: "1", source_url: URL }).values,
    );
    expect(checked.issues).toEqual([]);
    expect(checked.cells).toMatchObject({ year: 2024, entity_type: "PEMKOT", score: 9545, zone: "HIJAU", category: "A", national_rank: null, province_rank: 1, source_url: URL, notes: "" });
  });

  it("asks for a province except for national entities, and for something published", () => {
    const noProvince = checkResultRow(row(2, { year: "2024", entity_type: "PEMKAB", entity_name: "Balangan", score: "80", source_url: URL }).values);
    expect(noProvince.issues).toEqual([{ column: "province", message: "Provinsi wajib diisi untuk PEMKAB." }]);
    expect(checkResultRow(row(2, { year: "2024", entity_type: "KEMENTERIAN", entity_name: "Kementerian Agama", score: "80", source_url: URL }).values).issues).toEqual([]);
    const nothing = checkResultRow(row(2, { year: "2024", entity_type: "KEMENTERIAN", entity_name: "Kementerian Agama", source_url: URL }).values);
    expect(nothing.issues).toEqual([{ column: "score", message: "Isi nilai, atau zona/kategori/opini yang dipublikasikan bila sumber tidak memuat nilai." }]);
    // A rank alone is real data ("peringkat 3", score not stated).
    const rankOnly = checkResultRow(row(2, { year: "2024", entity_type: "KEMENTERIAN", entity_name: "Kementerian Agama", national_rank: "3", source_url: URL }).values);
    expect(rankOnly.issues).toEqual([]);
  });

  it("requires the source link", () => {
    const checked = checkResultRow(row(2, { year: "2024", entity_type: "KEMENTERIAN", entity_name: "Kementerian Agama", score: "80" }).values);
    expect(checked.issues).toEqual([{ column: "source_url", message: "Tautan sumber wajib diisi: setiap hasil mencantumkan sumbernya." }]);
  });
});

describe("step 1: the year", () => {
  it("takes a year with a methodology and refuses one without", () => {
    const ctx = importContext();
    expect(step((r) => planYear(checkResultRow(row(2, { year: "2024" }).values), ctx, r))).toEqual({ value: 2024, messages: [] });
    expect(step((r) => planYear(checkResultRow(row(2, { year: "2030" }).values), ctx, r))).toEqual({
      value: null,
      messages: [["year", "Tahun 2030 belum punya metodologi; tambahkan metodologinya dulu."]],
    });
    expect(step((r) => planYear(checkResultRow(row(2, { year: "dua" }).values), ctx, r)).messages).toEqual([["year", 'Tahun "dua" tidak valid.']]);
  });
});

describe("step 2: the entity", () => {
  const entityOf = (cells: Parameters<typeof row>[1], year: number | null = 2024, ctx = importContext(), created = new NewEntities()) =>
    step((r) => planEntity(checkResultRow(row(2, { source_url: URL, score: "80", ...cells }).values), 2, year, ctx, created, r));

  it("finds an existing entity by any of its names, in the row's province", () => {
    const found = entityOf({ entity_type: "PEMKAB", entity_name: "Kab. Tanah Laut", province: "KALIMANTAN SELATAN" });
    expect(found).toEqual({
      value: { entity: { ref: { kind: "existing", id: ENTITY.TANAH_LAUT }, name: "Kabupaten Tanah Laut", provinceId: PROVINCE.KALSEL }, provinceId: PROVINCE.KALSEL },
      messages: [],
    });
  });

  it("before the Papua split, takes the province an area belonged to", () => {
    const before = entityOf({ entity_type: "PEMKAB", entity_name: "Merauke", province: "PAPUA" }, 2021);
    expect(before.value?.entity.ref).toEqual({ kind: "existing", id: ENTITY.MERAUKE });
    expect(before.value?.provinceId).toBe(PROVINCE.PAPUA);
    const after = entityOf({ entity_type: "PEMKAB", entity_name: "Merauke", province: "PAPUA" }, 2023);
    expect(after).toEqual({ value: null, messages: [["province", "Kabupaten Merauke berada di Papua Selatan, bukan di Papua."]] });
  });

  it("names an unknown entity with suggestions, and an unknown province", () => {
    const unknown = entityOf({ entity_type: "PEMKAB", entity_name: "Tanah Lau", province: "KALIMANTAN SELATAN" });
    expect(unknown.messages).toEqual([["entity_name", 'Instansi PEMKAB "Tanah Lau" di Kalimantan Selatan tidak dikenal. Mungkin maksud Anda: Kabupaten Tanah Laut?']]);
    const polres = entityOf({ entity_type: "POLRES", entity_name: "Balangan", province: "KALIMANTAN SELATAN" });
    expect(polres.messages[0]![1]).toContain("Atau buat sebagai instansi baru (--create-entities).");
    expect(entityOf({ entity_type: "PEMKAB", entity_name: "Balangan", province: "Borneo Raya" }).messages).toEqual([["province", 'Provinsi "Borneo Raya" tidak dikenal.']]);
  });

  it("creates a Polres named as sources name it, linked to the kabupaten or kota of its name, with its Polresta title", () => {
    const ctx = importContext({ createEntities: true });
    const created = new NewEntities();
    const balangan = entityOf({ entity_type: "POLRES", entity_name: "Balangan", province: "KALIMANTAN SELATAN" }, 2024, ctx, created);
    expect(balangan.value).toEqual({ entity: { ref: { kind: "new", ref: 0 }, name: "Polres Balangan", provinceId: PROVINCE.KALSEL }, provinceId: PROVINCE.KALSEL });
    entityOf({ entity_type: "POLRES", entity_name: "Banjarmasin", province: "KALIMANTAN SELATAN", notes: "Polresta; score as published" }, 2024, ctx, created);
    entityOf({ entity_type: "POLRES", entity_name: "Malang Kota", province: "JAWA TIMUR" }, 2024, ctx, created);
    entityOf({ entity_type: "POLRES", entity_name: "Malang", province: "JAWA TIMUR" }, 2024, ctx, created);
    expect(created.list.map((n) => [n.name, n.slug, n.regencyId, n.aliases])).toEqual([
      ["Polres Balangan", "polres-balangan", REGENCY.BALANGAN, ["Balangan"]],
      ["Polres Banjarmasin", "polres-banjarmasin", REGENCY.BANJARMASIN, ["Banjarmasin", "Polresta Banjarmasin"]],
      ["Polres Malang Kota", "polres-malang-kota", REGENCY.KOTA_MALANG, ["Malang Kota"]],
      ["Polres Malang", "polres-malang", REGENCY.MALANG, ["Malang"]],
    ]);
    // A later row naming it another way finds the entity the plan creates, and adds its spelling.
    const again = entityOf({ entity_type: "POLRES", entity_name: "Polres Balangan", province: "KALIMANTAN SELATAN" }, 2025, ctx, created);
    expect(again.value?.entity.ref).toEqual({ kind: "new", ref: 0 });
    expect(created.get(0).lines).toEqual([2, 2]);
    expect(created.list).toHaveLength(4);
  });

  it("finds an entity it creates by the spelling the file uses, even where its full name reads otherwise", () => {
    // "Polres Metro Kota" starts like Jakarta's "Polres Metro …": its key is the row's spelling's, "kota:metro".
    const ctx = importContext({ createEntities: true });
    const created = new NewEntities();
    for (const year of [2021, 2023, 2024]) entityOf({ entity_type: "POLRES", entity_name: "Metro Kota", province: "JAWA TIMUR" }, year, ctx, created);
    expect(created.list.map((n) => [n.name, n.slug, n.lines.length])).toEqual([["Polres Metro Kota", "polres-metro-kota", 3]]);
  });

  it("gives a new entity a free address, and refuses one whose address is taken", () => {
    const ctx = importContext({ createEntities: true, takenSlugs: new Set(["polres-tapin"]) });
    const created = new NewEntities();
    entityOf({ entity_type: "POLRES", entity_name: "Tapin", province: "KALIMANTAN SELATAN" }, 2024, ctx, created);
    expect(created.list[0]!.slug).toBe("polres-tapin-kalimantan-selatan");
    const full = importContext({ createEntities: true, takenSlugs: new Set(["polres-tapin", "polres-tapin-kalimantan-selatan"]) });
    expect(entityOf({ entity_type: "POLRES", entity_name: "Tapin", province: "KALIMANTAN SELATAN" }, 2024, full).messages).toEqual([
      ["entity_name", 'Instansi baru "Polres Tapin" tidak dapat dibuat: alamat polres-tapin-kalimantan-selatan sudah dipakai.'],
    ]);
  });

  it("reads the Polresta or Polrestabes title from the notes", () => {
    expect(polresTitleAliases("Polres Mataram", "Polresta; only Polres in zona hijau")).toEqual(["Polresta Mataram"]);
    expect(polresTitleAliases("Polres Kota Semarang", "Polrestabes Semarang")).toEqual(["Polrestabes Kota Semarang"]);
    expect(polresTitleAliases("Polres Tuban", "")).toEqual([]);
  });
});

describe("step 3: access", () => {
  it("lets an editor import only for its provinces", () => {
    const editor: Actor = { ...ADMIN, role: "EDITOR", provinceIds: [PROVINCE.KALSEL] };
    const inScope = { ref: { kind: "existing" as const, id: ENTITY.TANAH_LAUT }, name: "Kabupaten Tanah Laut", provinceId: PROVINCE.KALSEL };
    const outside = { ref: { kind: "existing" as const, id: ENTITY.MALANG }, name: "Kabupaten Malang", provinceId: PROVINCE.JATIM };
    expect(step((r) => planAccess(editor, inScope, r))).toEqual({ value: true, messages: [] });
    expect(step((r) => planAccess(editor, outside, r))).toEqual({ value: false, messages: [["province", "Anda tidak berwenang mengimpor hasil Kabupaten Malang."]] });
    expect(step((r) => planAccess(ADMIN, outside, r)).value).toBe(true);
  });
});

describe("step 4: the published fields", () => {
  it("gives the source's report, and warns where the published category disagrees with the year's bands", () => {
    const checked = checkResultRow(row(2, { score: "80.00", category: "A", opinion: "Kualitas Tertinggi", source_url: URL, notes: "n" }).values);
    const source = step((r) => planFields(checked, r)).value!;
    expect(source).toEqual({
      score: 8000, zone: null, category: "A", opinion: "Kualitas Tertinggi", nationalRank: null, provinceRank: null, sourceUrl: URL, notes: "n",
      yearInferred: false, rankFromList: false, provinceRankWithinType: false, disputed: false,
    });
    expect(bandWarning(2, source, 2023, METHODOLOGY_2023)).toMatchObject({ severity: "warning", column: "category", message: expect.stringContaining("(HIJAU, B: Kualitas Tinggi)") });
    expect(bandWarning(2, { ...source, category: "B" }, 2023, METHODOLOGY_2023)).toBeNull();
  });

  it("reports only its own cells (the year and entity steps report theirs)", () => {
    const checked = checkResultRow(row(2, { year: "x", score: "1,234" }).values);
    expect(step((r) => planFields(checked, r)).messages).toEqual([
      ["score", "Nilai paling banyak dua angka di belakang koma."],
      ["source_url", "Tautan sumber wajib diisi: setiap hasil mencantumkan sumbernya."],
    ]);
  });
});

describe("step 5: sources grouped into results", () => {
  const banjarmasin = { ref: { kind: "existing" as const, id: ENTITY.BANJARMASIN }, name: "Kota Banjarmasin", provinceId: PROVINCE.KALSEL };
  const planned = (line: number, source: Partial<typeof STORED_SOURCE>, year = 2024, provinceId: number | null = PROVINCE.KALSEL): PlannedRow => ({
    line,
    entity: banjarmasin,
    year,
    provinceId,
    source: { ...STORED_SOURCE, ...source },
  });

  it("leaves a result unchanged when the file says what is stored, and updates it when a source is new", () => {
    const same = groupSources([planned(2, {})], importContext());
    expect(same.groups.map((g) => g.action)).toEqual(["unchanged"]);
    const more = groupSources([planned(2, {}), planned(3, { sourceUrl: "https://ombudsman.go.id/b", score: 9500 })], importContext());
    expect(more.groups).toMatchObject([{ action: "update", fields: { score: 9500, sourceUrl: "https://ombudsman.go.id/b" }, hasConflict: true }]);
    expect(more.groups[0]!.sources.map((s) => [s.line, s.isPrimary])).toEqual([[2, false], [3, true]]);
    // keepExisting (the seed): a stored result is never overwritten.
    expect(groupSources([planned(3, { score: 9000 })], importContext({ keepExisting: true })).groups.map((g) => g.action)).toEqual(["unchanged"]);
  });

  it("creates a result for a new entity-year, and refuses a deleted one or two provinces for one result", () => {
    expect(groupSources([planned(2, {}, 2023)], importContext()).groups.map((g) => g.action)).toEqual(["create"]);
    const tala = { ref: { kind: "existing" as const, id: ENTITY.TANAH_LAUT }, name: "Kabupaten Tanah Laut", provinceId: PROVINCE.KALSEL };
    const deleted = groupSources([{ ...planned(2, {}, 2023), entity: tala }], importContext());
    expect(deleted).toEqual({
      groups: [],
      issues: [{ line: 2, severity: "error", column: null, message: "Hasil Kabupaten Tanah Laut 2023 telah dihapus; pulihkan dulu di Riwayat sebelum mengimpor ulang." }],
      errorLines: [2],
    });
    const twoProvinces = groupSources([planned(2, {}, 2023), planned(3, { sourceUrl: "https://x.test/b" }, 2023, PROVINCE.JATIM)], importContext());
    expect(twoProvinces.issues.map((i) => [i.line, i.message])).toEqual([[3, "Provinsi berbeda dari baris 2 untuk instansi dan tahun yang sama."]]);
    expect(twoProvinces.errorLines).toEqual([2, 3]);
  });

  it("refuses a row repeating another, but keeps a source giving two figures", () => {
    const repeated = new RepeatedRows();
    expect(repeated.check(planned(2, {}))).toBeNull();
    expect(repeated.check(planned(3, { score: 9500 }))).toBeNull();
    expect(repeated.check(planned(4, {}))).toMatchObject({ line: 4, message: "Duplikat baris 2: instansi, tahun, sumber dan nilai yang sama." });
  });
});

describe("the plan of a file", () => {
  it("refuses a cell holding a NUL character (text cannot store it), naming its column", () => {
    const plan = planImport(
      [row(2, { year: "2024", entity_type: "POLRES", entity_name: "Balangan", province: "KALIMANTAN SELATAN", score: "91,66", source_url: URL, notes: "Polres\u0000" })],
      importContext({ createEntities: true }),
    );
    expect([...plan.rowStatus]).toEqual([[2, "error"]]);
    expect(plan.issues).toMatchObject([{ line: 2, severity: "error", column: "notes", message: expect.stringContaining("karakter NUL") }]);
    expect(plan.committable).toBe(false);
  });

  it("composes the steps: counts, new entities used by a result, issues by line", () => {
    const plan = planImport(
      [
        row(2, { year: "2024", entity_type: "PEMKOT", entity_name: "Banjarmasin", province: "KALIMANTAN SELATAN", score: "95.45", zone: "HIJAU", category: "A", national_rank: "24", province_rank: "1", source_url: STORED_SOURCE.sourceUrl }),
        row(3, { year: "2024", entity_type: "POLRES", entity_name: "Balangan", province: "KALIMANTAN SELATAN", score: "91,66", opinion: "Sangat Baik", source_url: URL }),
        row(4, { year: "2024", entity_type: "POLRES", entity_name: "Antah", province: "JAWA TIMUR", score: "101", source_url: URL }),
        row(5, { year: "2023", entity_type: "PEMKAB", entity_name: "Tanah Laut", province: "KALIMANTAN SELATAN", score: "80", category: "A", source_url: URL }),
      ],
      importContext({ createEntities: true }),
    );
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 1, errorRows: 2, warnings: 1, newEntities: 1 });
    expect(plan.newEntities.map((n) => n.name)).toEqual(["Polres Balangan"]);
    expect([...plan.rowStatus]).toEqual([[2, "unchanged"], [3, "create"], [4, "error"], [5, "error"]]);
    expect(plan.issues.map((i) => [i.line, i.severity, i.column])).toEqual([
      [4, "error", "score"],
      [5, "error", null],
      [5, "warning", "category"],
    ]);
    expect(plan.committable).toBe(false);
  });
});
