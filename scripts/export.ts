/**
 * npm run data:export -- [--year Y] [--type T] [--province P] [--entity SLUG]... [--format csv|json|xlsx] [--out FILE]
 * Published results of DATABASE_URL, with the columns of EXPORT_COLUMNS and the sources of each
 * figure (FIGURE_SOURCE_COLUMNS): the rows a web
 * download of the same selection gives, by score (highest first).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { slugify } from "@/lib/domain/normalize";
import { TYPE_FILTERS, type TypeFilter } from "@/lib/domain/groups";
import { writeTable } from "@/lib/export/formats";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/record/table";
import { getPublicDataset } from "@/lib/record/dataset";
import { EXPORT_COLUMNS, FIGURE_SOURCE_COLUMNS } from "@/lib/domain/results-file";
import { exportRecords, resultsTable, selectionOf } from "@/lib/record/result-rows";
import { runCli } from "./lib";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      year: { type: "string" },
      type: { type: "string" },
      province: { type: "string" },
      // Repeatable: --entity pemkot-banjarmasin --entity pemprov-kalimantan-tengah
      entity: { type: "string", multiple: true },
      format: { type: "string", default: "csv" },
      out: { type: "string" },
    },
    strict: true,
  });
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new Error(`--year must be a year, not "${values.year}"`);
    year = Number(values.year);
  }
  let type: TypeFilter | undefined;
  if (values.type !== undefined) {
    const t = values.type.toLowerCase();
    if (!(TYPE_FILTERS as readonly string[]).includes(t)) throw new Error(`--type must be one of ${TYPE_FILTERS.map((f) => f.toUpperCase()).join(", ")}`);
    type = t as TypeFilter;
  }
  const prisma = createPrismaClient();
  try {
    const dataset = await getPublicDataset(prisma);
    let province: string | undefined;
    if (values.province !== undefined) {
      const slug = slugify(values.province);
      if (!dataset.provinces.some((p) => p.slug === slug)) throw new Error(`unknown province "${values.province}" (use a slug such as kalimantan-selatan)`);
      province = slug;
    }
    const entities = values.entity?.map((given) => {
      const slug = given.trim().toLowerCase();
      if (!dataset.entities.bySlug.has(slug)) throw new Error(`unknown entity "${given}" (use a slug such as pemkot-banjarmasin, as in /instansi/<slug>)`);
      return slug;
    });
    // By score, also for several entities (a web download of a comparison keeps their order instead).
    const selection = selectionOf({ tahun: year, jenis: type, provinsi: province, instansi: entities, urut: "nilai" });
    const result = exportRecords(dataset, selection);
    const body = await writeTable(resultsTable(result, [...EXPORT_COLUMNS, ...FIGURE_SOURCE_COLUMNS]), format);
    if (values.out) {
      writeFileSync(values.out, body);
      console.error(`data:export: ${result.records.length} rows written to ${values.out}`);
    } else {
      process.stdout.write(body);
    }
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli("data:export", main);
