import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/ledger/access";
import { getExportRecords, resultsTable } from "@/lib/record/result-rows";
import { commitImport } from "@/lib/ledger/import/commit";
import { planImportFile } from "@/lib/ledger/import/dry-run";
import { revertImport } from "@/lib/ledger/import/revert-import";
import { seedDatabase } from "@/lib/ledger/seed";
import { readMethodologies, seedMethodologies } from "@/lib/ledger/seed/methodology";
import { seedReference } from "@/lib/ledger/seed/reference";
import { SEED_DIR } from "@/lib/ledger/seed";
import { toCsv } from "@/lib/export/formats";
import { EXPORT_COLUMNS } from "@/lib/domain/results-file";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const ADMIN: Actor = { userId: "u1", email: "admin@rapor.test", role: "ADMIN", provinceIds: [], via: "session" };
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n") + "\n");

/** Everything an import may touch, to prove a rejected import changed nothing. */
async function snapshot(tdb: TempDatabase) {
  const [results, sources, entities, aliases, audit] = await Promise.all([
    tdb.prisma.result.findMany({ orderBy: { id: "asc" } }),
    tdb.prisma.resultSource.findMany({ orderBy: { id: "asc" } }),
    tdb.prisma.entity.findMany({ orderBy: { id: "asc" } }),
    tdb.prisma.entityAlias.count(),
    tdb.prisma.auditLog.count(),
  ]);
  return JSON.stringify({ results, sources, entities, aliases, audit });
}

describe("importing results", () => {
  let tdb: TempDatabase;
  beforeAll(async () => {
    tdb = createTempDatabase("import");
    await seedDatabase(tdb.prisma);
  });
  afterAll(async () => {
    await tdb.dispose();
  });

  const plan = async (data: Uint8Array, createEntities = false, name = "hasil.csv") => {
    const outcome = await planImportFile(name, data, ADMIN, { createEntities }, tdb.prisma);
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.plan;
  };

  it("plans a good file: creates, updates, unchanged, warnings", async () => {
    const p = await plan(
      csv(
        '2025,PEMKAB,Kab. Tanah Laut,KALIMANTAN SELATAN,"88,10",,,,,,https://x.test/tala,',
        "2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,95.45,HIJAU,A,Kualitas Tertinggi,24,1,https://kalsel.radigfamedia.online/2024/11/banjarmasin-raih-peringkat-tertinggi.html,'terbaik di Kalimantan Selatan (Kalsel) dan peringkat ke-24 secara nasional'; note Kalselhits says Kab. Hulu Sungai Selatan (96.52) topped Kalsel Pemda; Banjarmasin may be top among kota",
        "2024,PEMKAB,Tapin,KALIMANTAN SELATAN,80.00,,A,,,,https://x.test/tapin,",
      ),
    );
    expect(p.counts).toMatchObject({ create: 2, errorRows: 0 });
    expect(p.rowStatus.get(3)).toMatch(/unchanged|update/);
    expect(p.issues.filter((i) => i.severity === "warning").map((i) => i.line)).toEqual([4]);
    expect(p.committable).toBe(true);
  });

  it("reports each kind of bad row with its line and an Indonesian reason", async () => {
    const p = await plan(
      csv(
        "2024,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,101,,,,,,https://x.test/1,",
        "2024,PEMKAB,Tanah Lau,KALIMANTAN SELATAN,90,,,,,,https://x.test/2,",
        "2024,PEMKAB,Tanah Laut,JAWA TIMUR,90,,,,,,https://x.test/3,",
        "2030,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,90,,,,,,https://x.test/4,",
        "2024,PEMKAB,Balangan,KALIMANTAN SELATAN,90.123,,,,,,https://x.test/5,",
        "2024,PEMKAB,Balangan,KALIMANTAN SELATAN,90,,,,,,https://x.test/6,",
        "2024,PEMKAB,Balangan,KALIMANTAN SELATAN,90,,,,,,https://x.test/6,",
        "2024,POLRES,Antah Berantah,KALIMANTAN SELATAN,90,,,,,,https://x.test/7,",
        "2024,PEMKAB,Tabalong,KALIMANTAN SELATAN,90,,,,x,,,",
      ),
    );
    const byLine = (line: number) => p.issues.filter((i) => i.line === line && i.severity === "error").map((i) => i.message);
    expect(byLine(2)).toEqual(["Nilai harus antara 0 dan 100."]);
    expect(byLine(3)[0]).toContain('Instansi PEMKAB "Tanah Lau" di Kalimantan Selatan tidak dikenal. Mungkin maksud Anda: Kabupaten Tanah Laut?');
    expect(byLine(4)).toEqual(["Kabupaten Tanah Laut berada di Kalimantan Selatan, bukan di Jawa Timur."]);
    expect(byLine(5)).toEqual(["Tahun 2030 belum punya metodologi; tambahkan metodologinya dulu."]);
    expect(byLine(6)).toEqual(["Nilai paling banyak dua angka di belakang koma."]);
    expect(byLine(7)).toEqual([]);
    expect(byLine(8)).toEqual(["Duplikat baris 7: instansi, tahun, sumber dan nilai yang sama."]);
    expect(byLine(9)[0]).toContain("Atau buat sebagai instansi baru (--create-entities).");
    expect(byLine(10)).toEqual(
      expect.arrayContaining(['national_rank "x" harus bilangan bulat positif.', "Tautan sumber wajib diisi: setiap hasil mencantumkan sumbernya."]),
    );
    expect(p.committable).toBe(false);
  });

  it("refuses an EDITOR's rows outside their provinces", async () => {
    const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { slug: "kalimantan-selatan" } });
    const editor: Actor = { ...ADMIN, role: "EDITOR", provinceIds: [kalsel.id] };
    const outcome = await planImportFile(
      "x.csv",
      csv("2024,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,90,,,,,,https://x.test/1,", "2024,PEMKAB,Sleman,DAERAH ISTIMEWA YOGYAKARTA,90,,,,,,https://x.test/2,"),
      editor,
      { createEntities: false },
      tdb.prisma,
    );
    expect(outcome.ok && outcome.plan.issues.map((i) => [i.line, i.message])).toEqual([[3, "Anda tidak berwenang mengimpor hasil Kabupaten Sleman."]]);
  });

  it("leaves the database exactly as before when the last row fails", async () => {
    const before = await snapshot(tdb);
    const p = await plan(
      csv(
        "2025,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,88.10,,,,,,https://x.test/tala,",
        "2025,PEMKAB,Banjar,KALIMANTAN SELATAN,77.00,,,,,,https://x.test/banjar,",
        "2025,PEMKAB,Tidak Ada,KALIMANTAN SELATAN,70.00,,,,,,https://x.test/none,",
      ),
    );
    expect(p.counts.errorRows).toBe(1);
    const result = await commitImport(p, ADMIN, { publish: false, fileName: "x.csv" }, tdb.prisma);
    expect(result).toEqual({ ok: false, message: "Impor dibatalkan: masih ada baris yang salah. Tidak ada data yang diubah." });
    expect(await snapshot(tdb)).toBe(before);
  });

  it("commits drafts in one audit entry, is a no-op the second time, and reverts", async () => {
    const file = csv(
      "2025,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,88.10,,,,,,https://x.test/tala,",
      "2025,POLRES,Tabalong,KALIMANTAN SELATAN,90.00,,,Sangat Baik,,,https://x.test/polres-tabalong,",
      "2024,PEMKOT,Banjarmasin,KALIMANTAN SELATAN,95.45,HIJAU,A,,24,1,https://x.test/another-source,second source",
    );
    const before = await snapshot(tdb);
    const first = await commitImport(await plan(file, true), ADMIN, { publish: false, fileName: "x.csv" }, tdb.prisma);
    expect(first.ok && first.summary).toMatchObject({ created: 2, updated: 1, newEntities: ["Polres Tabalong"] });
    const tala = await tdb.prisma.result.findFirstOrThrow({ where: { entity: { slug: "pemkab-tanah-laut" }, year: 2025 } });
    expect(tala).toMatchObject({ score: 8810, status: "DRAFT", computedZone: "HIJAU", createdBy: "admin@rapor.test" });
    const banjarmasin = await tdb.prisma.result.findFirstOrThrow({ where: { entity: { slug: "pemkot-banjarmasin" }, year: 2024 }, include: { sources: true } });
    expect(banjarmasin.sources).toHaveLength(4);
    expect(await tdb.prisma.auditLog.count({ where: { action: "IMPORT" } })).toBe(1);

    const again = await plan(file, true);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    const second = await commitImport(again, ADMIN, { publish: false, fileName: "x.csv" }, tdb.prisma);
    expect(second.ok && second.summary).toMatchObject({ auditId: null, created: 0, updated: 0, unchanged: 3 });

    const revert = await revertImport(ADMIN, first.ok ? first.summary.auditId! : -1, tdb.prisma);
    expect(revert.ok).toBe(true);
    const after = JSON.parse(await snapshot(tdb)) as { results: { version: number; updatedBy: string }[]; audit: number };
    const original = JSON.parse(before) as typeof after;
    // Every value is restored; only the revert's own bookkeeping (version, who) and audit rows differ.
    const strip = (s: typeof after) => ({ ...s, audit: 0, results: s.results.map((r) => ({ ...r, version: 0, updatedBy: "", updatedAt: "" })) });
    expect(strip(after)).toEqual(strip(original));
    expect(after.audit).toBe(original.audit + 2);
    expect((await revertImport(ADMIN, first.ok ? first.summary.auditId! : -1, tdb.prisma)).ok).toBe(false);
  });

  it("takes a row that publishes only a rank, and refuses one that publishes nothing", async () => {
    const nothing = await plan(csv("2025,PEMKAB,Balangan,KALIMANTAN SELATAN,,,,,,,https://x.test/balangan,"));
    expect(nothing.issues.map((i) => [i.line, i.severity, i.message])).toEqual([
      [2, "error", "Isi nilai, atau zona/kategori/opini yang dipublikasikan bila sumber tidak memuat nilai."],
    ]);
    expect(nothing.committable).toBe(false);

    const rankOnly = await plan(csv("2025,PEMKAB,Balangan,KALIMANTAN SELATAN,,,,,12,3,https://x.test/balangan,peringkat saja"));
    expect(rankOnly.issues).toEqual([]);
    const committed = await commitImport(rankOnly, ADMIN, { publish: false, fileName: "x.csv" }, tdb.prisma);
    expect(committed.ok && committed.summary).toMatchObject({ created: 1 });
    const row = await tdb.prisma.result.findFirstOrThrow({ where: { entity: { slug: "pemkab-balangan" }, year: 2025 }, include: { sources: true } });
    // Nothing is made up: no score, zone, category or opinion, the ranks as published.
    expect(row).toMatchObject({ score: null, publishedZone: null, publishedCategory: null, publishedOpinion: null, publishedNationalRank: 12, publishedProvinceRank: 3 });
    expect(row.sources).toEqual([expect.objectContaining({ nationalRank: 12, provinceRank: 3, opinion: null, notes: "peringkat saja" })]);
    expect((await revertImport(ADMIN, committed.ok ? committed.summary.auditId! : -1, tdb.prisma)).ok).toBe(true);
  });

  it("gives the same plan for the same rows in XLSX and CSV", async () => {
    const rows = [
      ["2025", "PEMKAB", "Tanah Laut", "KALIMANTAN SELATAN", "88.10", "", "", "", "", "", "https://x.test/tala", ""],
      ["2023", "PEMKOT", "Banjarmasin", "KALIMANTAN SELATAN", "88.02", "", "", "", "", "", "https://x.test/b", "x"],
    ];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hasil");
    sheet.addRow(HEADER.split(","));
    for (const r of rows) sheet.addRow(r);
    const fromXlsx = await plan(new Uint8Array(await workbook.xlsx.writeBuffer()), false, "hasil.xlsx");
    const fromCsv = await plan(csv(...rows.map((r) => r.join(","))));
    const shape = (p: typeof fromCsv) => ({ counts: p.counts, groups: p.groups.map((g) => ({ ...g, existing: null })), issues: p.issues });
    expect(shape(fromXlsx)).toEqual(shape(fromCsv));
  });
});

describe("round trip: export → import into a fresh database → export", () => {
  let source: TempDatabase;
  let target: TempDatabase;
  beforeAll(async () => {
    source = createTempDatabase("roundtrip-a");
    target = createTempDatabase("roundtrip-b");
    await seedDatabase(source.prisma);
    await seedReference(target.prisma);
    await seedMethodologies(target.prisma, readMethodologies(`${SEED_DIR}/methodology.json`));
  });
  afterAll(async () => {
    await source.dispose();
    await target.dispose();
  });

  it("gives an identical file", async () => {
    const all = { year: null, types: null, provinceSlug: null, q: "", sort: "nilai" as const, dir: "desc" as const };
    const first = toCsv(resultsTable(await getExportRecords(all, source.prisma), [...EXPORT_COLUMNS]));
    const outcome = await planImportFile("rapor.csv", new TextEncoder().encode(first), ADMIN, { createEntities: true }, target.prisma);
    expect(outcome.ok && outcome.plan.counts.errorRows).toBe(0);
    if (!outcome.ok) return;
    const committed = await commitImport(outcome.plan, ADMIN, { publish: true, fileName: "rapor.csv" }, target.prisma);
    expect(committed.ok).toBe(true);
    const second = toCsv(resultsTable(await getExportRecords(all, target.prisma), [...EXPORT_COLUMNS]));
    expect(second.split("\n").length).toBeGreaterThan(500);
    expect(second).toBe(first);
  });
});

describe("an import reverted from the history", () => {
  let tdb: TempDatabase;
  beforeAll(async () => {
    tdb = createTempDatabase("import-revert");
    await seedDatabase(tdb.prisma);
  });
  afterAll(async () => {
    await tdb.dispose();
  });

  it("is revertible through the shared revert, by an admin only", async () => {
    const { revertChange, isRevertible } = await import("@/lib/ledger/revert");
    const outcome = await planImportFile("x.csv", csv("2025,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,88.10,,,,,,https://x.test/tala,"), ADMIN, { createEntities: false }, tdb.prisma);
    if (!outcome.ok) throw new Error(outcome.message);
    const committed = await commitImport(outcome.plan, ADMIN, { publish: false, fileName: "x.csv" }, tdb.prisma);
    const auditId = committed.ok ? committed.summary.auditId! : -1;
    const row = await tdb.prisma.auditLog.findUniqueOrThrow({ where: { id: auditId } });
    expect(isRevertible(row)).toBe(true);
    const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { slug: "kalimantan-selatan" } });
    const editor: Actor = { ...ADMIN, role: "EDITOR", provinceIds: [kalsel.id] };
    expect((await revertChange(editor, auditId, tdb.prisma)).ok).toBe(false);
    expect(await tdb.prisma.result.count({ where: { entity: { slug: "pemkab-tanah-laut" }, year: 2025 } })).toBe(1);
    expect((await revertChange(ADMIN, auditId, tdb.prisma)).ok).toBe(true);
    expect(await tdb.prisma.result.count({ where: { entity: { slug: "pemkab-tanah-laut" }, year: 2025 } })).toBe(0);
  });
});
