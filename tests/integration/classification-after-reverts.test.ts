/**
 * One derivation of zone and category: whatever the order of writes and reverts — a result
 * edited, a file imported, a year's bands changed, each undone in every order, and a band
 * change undone and redone — no result's stored zone, category or label disagrees with what
 * its year's bands in force give for its score. Checked against the domain's classifyScore and
 * the bands as stored, independently of the ledger's own classification module.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyScore } from "@/lib/domain/classify";
import type { PrismaClient } from "@/lib/db/client";
import { loadMethodologies } from "@/lib/db/methodologies";
import type { Actor } from "@/lib/ledger/access";
import { commitImport } from "@/lib/ledger/import/commit";
import { planImportFile } from "@/lib/ledger/import/dry-run";
import { methodologySnapshot, updateMethodology } from "@/lib/ledger/methodology";
import { updateResult } from "@/lib/ledger/results";
import { revertChange } from "@/lib/ledger/revert";
import { seedDatabase } from "@/lib/ledger/seed";
import { copyTempDatabase, createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const ADMIN: Actor = { userId: "u1", email: "admin@rapor.test", role: "ADMIN", provinceIds: [], via: "session" };
const YEAR = 2024;
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";

/** Results whose stored zone/category/label is not what the bands in force give for the score. */
async function disagreements(prisma: PrismaClient): Promise<string[]> {
  const methodologies = await loadMethodologies(prisma);
  const rows = await prisma.result.findMany({
    select: { id: true, year: true, score: true, computedZone: true, computedCategory: true, computedLabel: true },
  });
  return rows.flatMap((r) => {
    const c = r.score === null ? null : classifyScore(r.score, methodologies.get(r.year));
    const expected = [c?.zone ?? null, c?.category ?? null, c?.label ?? null];
    const stored = [r.computedZone, r.computedCategory, r.computedLabel];
    return JSON.stringify(expected) === JSON.stringify(stored) ? [] : [`#${r.id} ${r.year} ${r.score}: ${JSON.stringify(stored)} ≠ ${JSON.stringify(expected)}`];
  });
}

/** New 2024 bands: A from 90, B from 80, C from 55; every label renamed. */
async function changeBands(prisma: PrismaClient): Promise<void> {
  const snap = (await methodologySnapshot(prisma, YEAR))!;
  const outcome = await updateMethodology(
    ADMIN,
    YEAR,
    {
      name: snap.name,
      opinionName: snap.opinionName ?? "",
      bandsVerified: snap.bandsVerified,
      notes: snap.notes,
      sources: snap.sources,
      bands: [
        { min: "90", max: "100", zone: "HIJAU", category: "A", label: "Tertinggi (pita baru)" },
        { min: "80", max: "89.99", zone: "HIJAU", category: "B", label: "Tinggi (pita baru)" },
        { min: "55", max: "79.99", zone: "KUNING", category: "C", label: "Sedang (pita baru)" },
        { min: "32", max: "54.99", zone: "MERAH", category: "D", label: "Rendah (pita baru)" },
        { min: "0", max: "31.99", zone: "MERAH", category: "E", label: "Terendah (pita baru)" },
      ],
    },
    prisma,
  );
  if (!outcome.ok) throw new Error(outcome.message);
}

async function editScore(prisma: PrismaClient, slug: string, score: string): Promise<void> {
  const result = await prisma.result.findFirstOrThrow({ where: { entity: { slug }, year: YEAR } });
  const outcome = await updateResult(ADMIN, result.id, { score, confirmCategoryMismatch: true }, result.version, prisma);
  if (!outcome.ok) throw new Error(outcome.message);
}

const lastAuditId = async (prisma: PrismaClient, where: Record<string, unknown>) =>
  (await prisma.auditLog.findFirstOrThrow({ where, orderBy: { id: "desc" } })).id;

/**
 * An import updating Kota Banjarmasin 2024 (a new ombudsman.go.id source becomes the primary
 * value, 88,20) and creating Kabupaten Tanah Laut 2024 (79,00).
 */
const IMPORT_FILE = [
  HEADER,
  `${YEAR},PEMKOT,Banjarmasin,KALIMANTAN SELATAN,88.20,,,,,,https://ombudsman.go.id/contoh-banjarmasin,`,
  `${YEAR},PEMKAB,Tanah Laut,KALIMANTAN SELATAN,79.00,,,,,,https://x.test/tanah-laut,`,
].join("\n");

async function importFile(prisma: PrismaClient): Promise<number> {
  const outcome = await planImportFile("x.csv", new TextEncoder().encode(IMPORT_FILE), ADMIN, { createEntities: false }, prisma);
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.plan.counts).toMatchObject({ create: 1, update: 1, errorRows: 0 });
  const committed = await commitImport(outcome.plan, ADMIN, { publish: false, fileName: "x.csv" }, prisma);
  if (!committed.ok) throw new Error(committed.message);
  return committed.summary.auditId!;
}

async function revert(prisma: PrismaClient, auditId: number): Promise<number> {
  const outcome = await revertChange(ADMIN, auditId, prisma);
  if (!outcome.ok) throw new Error(`revert of #${auditId}: ${outcome.message}`);
  return outcome.value.auditId;
}

const PERMUTATIONS = <T>(items: readonly T[]): T[][] =>
  items.length <= 1 ? [[...items]] : items.flatMap((item, i) => PERMUTATIONS([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

describe("stored zone and category after band changes and reverts in any order", () => {
  let template: TempDatabase;
  const copies: TempDatabase[] = [];

  beforeAll(async () => {
    template = createTempDatabase("classification-template");
    await seedDatabase(template.prisma);
    await template.prisma.$disconnect();
  });
  afterAll(async () => {
    for (const copy of copies) await copy.dispose();
    await template.dispose();
  });

  /** A fresh copy of the seeded database. */
  async function freshCopy(): Promise<PrismaClient> {
    const copy = await copyTempDatabase(template, `copy${copies.length}`);
    copies.push(copy);
    return copy.prisma;
  }

  it.each(PERMUTATIONS(["edit", "import", "bands"] as const).map((order) => [order.join(" → "), order] as const))(
    "edit, import, band change, another edit; then reverted: %s, then the later edit",
    async (_name, order) => {
      const prisma = await freshCopy();
      try {
        expect(await disagreements(prisma)).toEqual([]);
        await editScore(prisma, "pemprov-kalimantan-tengah", "88,50");
        const edit = await lastAuditId(prisma, { targetType: "RESULT", action: "UPDATE" });
        const imported = await importFile(prisma);
        await changeBands(prisma);
        const bands = await lastAuditId(prisma, { targetType: "METHODOLOGY" });
        // An edit made under the new bands, its before-values classified by them.
        await editScore(prisma, "pemkot-banjarmasin", "89,00");
        const laterEdit = await lastAuditId(prisma, { targetType: "RESULT", action: "UPDATE" });
        expect(await disagreements(prisma)).toEqual([]);

        const auditOf = { edit, import: imported, bands } as const;
        let bandsRevert: number | null = null;
        for (const step of order) {
          const revertId = await revert(prisma, auditOf[step]);
          if (step === "bands") bandsRevert = revertId;
          expect(await disagreements(prisma), `after reverting ${step}`).toEqual([]);
        }
        await revert(prisma, laterEdit);
        expect(await disagreements(prisma)).toEqual([]);
        // Undo the undoing of the band change: the new bands again, every result with them.
        await revert(prisma, bandsRevert!);
        expect(await disagreements(prisma)).toEqual([]);
        const kalteng = await prisma.result.findFirstOrThrow({ where: { entity: { slug: "pemprov-kalimantan-tengah" }, year: YEAR } });
        expect([kalteng.score, kalteng.computedCategory, kalteng.computedLabel]).toEqual([9050, "A", "Tertinggi (pita baru)"]);
      } finally {
        await prisma.$disconnect();
      }
    },
  );

  it("an import planned before a band change and committed after it stores the bands in force at the commit", async () => {
    const prisma = await freshCopy();
    try {
      const outcome = await planImportFile("x.csv", new TextEncoder().encode(IMPORT_FILE), ADMIN, { createEntities: false }, prisma);
      if (!outcome.ok) throw new Error(outcome.message);
      await changeBands(prisma);
      const committed = await commitImport(outcome.plan, ADMIN, { publish: false, fileName: "x.csv" }, prisma);
      expect(committed.ok).toBe(true);
      expect(await disagreements(prisma)).toEqual([]);
      const tala = await prisma.result.findFirstOrThrow({ where: { entity: { slug: "pemkab-tanah-laut" }, year: YEAR } });
      expect([tala.score, tala.computedZone, tala.computedCategory, tala.computedLabel]).toEqual([7900, "KUNING", "C", "Sedang (pita baru)"]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
