/**
 * A group statement through the import, the publication and the revert: kept as a figure of the
 * group (never results of its members), a draft until the year is published, gone with its
 * import's revert. And a 2022 row naming Mimika under Papua, stored under Papua.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/ledger/access";
import { commitImport } from "@/lib/ledger/import/commit";
import { planImportFile } from "@/lib/ledger/import/dry-run";
import { revertImport } from "@/lib/ledger/import/revert-import";
import { setPublication } from "@/lib/ledger/publish";
import { readMethodologies, seedMethodologies } from "@/lib/ledger/seed/methodology";
import { seedReference } from "@/lib/ledger/seed/reference";
import { SEED_DIR } from "@/lib/ledger/seed";
import { getPublicDataset } from "@/lib/record/dataset";
import { entityView } from "@/lib/record/entities";
import { provinceView } from "@/lib/record/provinces";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { join } from "node:path";

const ADMIN: Actor = { userId: "u1", email: "admin@rapor.test", role: "ADMIN", provinceIds: [], via: "session" };
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes,group_statement,year_inferred";
const URL = "https://ombudsman.go.id/contoh-pernyataan-kelompok";
const file = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n") + "\n");

describe("group statements and the province of the year, through the import", () => {
  let tdb: TempDatabase;
  beforeAll(async () => {
    tdb = createTempDatabase("group-statements");
    await seedReference(tdb.prisma);
    await seedMethodologies(tdb.prisma, readMethodologies(join(SEED_DIR, "methodology.json")));
  });
  afterAll(async () => {
    await tdb.dispose();
  });

  async function importFile(data: Uint8Array, publish: boolean) {
    const outcome = await planImportFile("f.csv", data, ADMIN, { createEntities: false }, tdb.prisma);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.issues.filter((i) => i.severity === "error")).toEqual([]);
    const committed = await commitImport(outcome.plan, ADMIN, { publish, fileName: "f.csv" }, tdb.prisma);
    if (!committed.ok) throw new Error(committed.message);
    return committed.summary;
  }

  it("keeps a group statement apart from results: a draft until its year is published, removed by the import's revert", async () => {
    const summary = await importFile(
      file(
        `2023,PEMKOT,Balikpapan,KALIMANTAN TIMUR,,HIJAU,A,,,,${URL},kota semuanya A,ya,`,
        `2023,PEMKOT,Samarinda,KALIMANTAN TIMUR,,HIJAU,A,,,,${URL},,ya,ya`,
        `2023,PEMKOT,Bontang,KALIMANTAN TIMUR,89.10,HIJAU,A,,,,https://x.test/bontang,,,`,
      ),
      false,
    );
    expect(summary.created).toBe(1);
    expect(await tdb.prisma.result.count()).toBe(1);
    const stored = await tdb.prisma.groupStatement.findMany({ include: { members: { include: { entity: true } } } });
    expect(stored.map((st) => [st.year, st.entityGroup, st.zone, st.category, st.status, st.yearInferred, st.notes])).toEqual([
      [2023, "PEMKOT", "HIJAU", "A", "DRAFT", true, "kota semuanya A"],
    ]);
    expect(stored[0]!.members.map((m) => m.entity.slug).sort()).toEqual(["pemkot-balikpapan", "pemkot-samarinda"]);
    expect((await getPublicDataset(tdb.prisma)).statementsByYear.size).toBe(0);

    expect((await setPublication(ADMIN, { year: 2023 }, true, tdb.prisma)).ok).toBe(true);
    const record = await getPublicDataset(tdb.prisma);
    const kaltim = provinceView(record, "kalimantan-timur")!.years.find((y) => y.year === 2023)!;
    expect(kaltim.statements.map((st) => st.members.map((m) => m.slug))).toEqual([["pemkot-balikpapan", "pemkot-samarinda"]]);
    // Not a result of its members: Balikpapan has no 2023 result, and no zone count holds it.
    expect(record.rowsByYear.get(2023)!.map((r) => r.entity.slug)).toEqual(["pemkot-bontang"]);
    expect(entityView(record, "pemkot-balikpapan")!.statements.map((st) => st.year)).toEqual([2023]);

    const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { action: "IMPORT" } });
    expect((await revertImport(ADMIN, audit.id, tdb.prisma)).ok).toBe(true);
    expect(await tdb.prisma.groupStatement.count()).toBe(0);
    expect(await tdb.prisma.groupStatementMember.count()).toBe(0);
  });

  it("stores a 2022 row naming Mimika under Papua under Papua; from 2023 it is Papua Tengah's", async () => {
    await importFile(
      file(
        "2022,PEMKAB,Mimika,PAPUA,71.50,,,,,,https://x.test/mimika-2022,,,",
        "2023,PEMKAB,Mimika,PAPUA TENGAH,80.25,,,,,,https://x.test/mimika-2023,,,",
      ),
      true,
    );
    const rows = await tdb.prisma.result.findMany({ where: { entity: { slug: "pemkab-mimika" } }, include: { province: true }, orderBy: { year: "asc" } });
    expect(rows.map((r) => [r.year, r.province?.name])).toEqual([
      [2022, "Papua"],
      [2023, "Papua Tengah"],
    ]);
    const record = await getPublicDataset(tdb.prisma);
    expect(provinceView(record, "papua")!.years.find((y) => y.year === 2022)!.groups.find((g) => g.group === "PEMDA")!.rows.map((r) => r.entity.slug)).toEqual(["pemkab-mimika"]);
    const tengah = provinceView(record, "papua-tengah")!;
    expect(tengah.assessedUnder).toEqual([{ year: 2022, province: { code: "91", name: "Papua", slug: "papua" }, entities: [{ name: "Kabupaten Mimika", slug: "pemkab-mimika" }] }]);
    expect(tengah.years.map((y) => y.year)).toEqual([2023]);
    expect(entityView(record, "pemkab-mimika")!.years.map((y) => [y.year, y.assessedUnder?.slug ?? null])).toEqual([
      [2022, "papua"],
      [2023, null],
    ]);
    // Refused under Papua for 2023, with the province of that year named.
    const later = await planImportFile("g.csv", file("2023,PEMKAB,Mimika,PAPUA,80,,,,,,https://x.test/m,,,"), ADMIN, { createEntities: false }, tdb.prisma);
    expect(later.ok && later.plan.issues.map((i) => i.message)).toEqual(["Kabupaten Mimika berada di Papua Tengah, bukan di Papua."]);
  });
});
