/**
 * npm run data:export -- [--year Y] [--type T] [--province P] [--entity SLUG]... [--format csv|json|xlsx] [--out FILE]
 * Published results of DATABASE_URL, with the columns of EXPORT_COLUMNS.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { getExportRecords } from "@/lib/record/download";
import { slugify } from "@/lib/domain/normalize";
import { TYPE_FILTERS, type TypeFilter } from "@/lib/domain/groups";
import { EXPORT_FORMATS, toCsv, toJson, toXlsx, type ExportFormat } from "@/lib/export/formats";
import { EXPORT_COLUMNS } from "@/lib/record/export-records";
import { exitWhenFlushed } from "./lib";

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
  let year: number | null = null;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new Error(`--year must be a year, not "${values.year}"`);
    year = Number(values.year);
  }
  let types: TypeFilter | null = null;
  if (values.type !== undefined) {
    const t = values.type.toLowerCase();
    if (!(TYPE_FILTERS as readonly string[]).includes(t)) throw new Error(`--type must be one of ${TYPE_FILTERS.map((f) => f.toUpperCase()).join(", ")}`);
    types = t as TypeFilter;
  }
  const prisma = createPrismaClient();
  try {
    let provinceSlug: string | null = null;
    if (values.province !== undefined) {
      const slug = slugify(values.province);
      const province = await prisma.province.findUnique({ where: { slug } });
      if (!province) throw new Error(`unknown province "${values.province}" (use a slug such as kalimantan-selatan)`);
      provinceSlug = province.slug;
    }
    let entitySlugs: string[] | null = null;
    if (values.entity !== undefined) {
      entitySlugs = [];
      for (const given of values.entity) {
        const slug = given.trim().toLowerCase();
        const entity = await prisma.entity.findUnique({ where: { slug }, select: { slug: true } });
        if (!entity) throw new Error(`unknown entity "${given}" (use a slug such as pemkot-banjarmasin, as in /instansi/<slug>)`);
        entitySlugs.push(entity.slug);
      }
    }
    const { records, notes } = await getExportRecords({ year, types, provinceSlug, q: "", sort: "nilai", dir: "desc", entitySlugs }, prisma);
    const columns = [...EXPORT_COLUMNS];
    const body = format === "csv" ? toCsv(records, columns) : format === "json" ? toJson(records, columns, { lines: notes }) : await toXlsx(records, columns, { lines: notes });
    if (values.out) {
      writeFileSync(values.out, body);
      console.error(`data:export: ${records.length} rows written to ${values.out}`);
    } else {
      process.stdout.write(body);
    }
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    console.error(`data:export: ${error instanceof Error ? error.message : String(error)}`);
    return exitWhenFlushed(1);
  },
);
