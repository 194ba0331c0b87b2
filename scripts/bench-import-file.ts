/**
 * npm run bench:import-file — write a deterministic 25,000-row import file (CSV) for the
 * importer benchmark: every Pemkab, Pemkot, Pemprov and Kantor Pertanahan of the reference
 * data, 2021–2025 (the years with a methodology), four sources per entity-year, plus Polres rows that create
 * entities. Needs the seeded database (npm run db:reset) for the entity names.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { stringify } from "csv-stringify/sync";
import { createPrismaClient } from "@/lib/db/client";
import { seededRandom } from "@/lib/ledger/synthetic";
import { RESULT_FILE_COLUMNS } from "@/lib/domain/results-file";
import { ROOT } from "./lib";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 25_000);
const YEARS = [2021, 2022, 2023, 2024, 2025];

async function main(): Promise<void> {
  const out = resolve(ROOT, process.argv[2] ?? "bench/.data/import-25k.csv");
  const prisma = createPrismaClient();
  try {
    const entities = await prisma.entity.findMany({
      where: { type: { in: ["PEMPROV", "PEMKAB", "PEMKOT", "KANTOR_PERTANAHAN"] } },
      orderBy: { id: "asc" },
      select: { type: true, name: true, province: { select: { name: true } }, regency: { select: { shortName: true } } },
    });
    const random = seededRandom(25_000);
    const rows: string[][] = [];
    const score = () => (5000 + Math.floor(random() * 5000)) / 100;
    outer: for (const year of YEARS) {
      for (const e of entities) {
        const s = score().toFixed(2);
        for (const source of ["a", "b", "c", "d"]) {
          rows.push([String(year), e.type, e.name, e.province?.name ?? "", s, "", "", "", "", "", `https://bench.example/${year}/${source}`, "benchmark"]);
          if (rows.length >= ROWS - 2000) break outer;
        }
      }
    }
    // Polres named as sources name them, created with --create-entities.
    const regencies = await prisma.regency.findMany({ orderBy: { code: "asc" }, take: 500, select: { shortName: true, kind: true, province: { select: { name: true } } } });
    for (let i = 0; rows.length < ROWS; i++) {
      const r = regencies[i % regencies.length]!;
      const year = YEARS[Math.floor(i / regencies.length) % YEARS.length]!;
      rows.push([String(year), "POLRES", r.kind === "KOTA" ? `${r.shortName} Kota` : r.shortName, r.province.name, score().toFixed(2), "", "", "", "", "", `https://bench.example/polres/${year}/${i}`, ""]);
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, stringify([[...RESULT_FILE_COLUMNS], ...rows]));
    console.log(`bench:import-file: ${rows.length} rows written to ${out}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:import-file failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
