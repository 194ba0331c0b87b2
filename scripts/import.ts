/**
 * npm run data:import -- FILE [--publish] [--dry-run] [--create-entities]
 * Import results from a CSV or XLSX file into DATABASE_URL: all rows or none. Exit 0 on
 * success; non-zero with every row error printed otherwise.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/ledger/access";
import { createPrismaClient } from "@/lib/db/client";
import { commitImport } from "@/lib/ledger/import/commit";
import { planImportFile } from "@/lib/ledger/import/dry-run";
import { runCli } from "./lib";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      publish: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      "create-entities": { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error("usage: npm run data:import -- FILE [--publish] [--dry-run] [--create-entities]");
    return 2;
  }
  // Whoever can run this has the database file: the command acts as an admin, named in the audit.
  const actor: Actor = { userId: "cli", email: `cli:${userInfo().username}`, role: "ADMIN", provinceIds: [], via: "cli" };
  const prisma = createPrismaClient();
  try {
    const started = Date.now();
    const data = new Uint8Array(readFileSync(file));
    const outcome = await planImportFile(basename(file), data, actor, { createEntities: values["create-entities"] }, prisma);
    if (!outcome.ok) {
      console.error(`data:import: ${outcome.message}`);
      return 1;
    }
    const { plan } = outcome;
    if (outcome.encoding === "Windows-1252") {
      console.error("data:import: the file is not UTF-8; read as Windows-1252 (Latin-1): check accented letters in the names");
    } else if (outcome.encoding) {
      console.log(`data:import: read as ${outcome.encoding}`);
    }
    for (const issue of plan.issues) {
      console.error(`${issue.severity === "error" ? "error" : "warning"}: line ${issue.line}${issue.column ? ` [${issue.column}]` : ""}: ${issue.message}`);
    }
    const c = plan.counts;
    console.log(
      `data:import: ${plan.rowCount} rows: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.errorRows} with errors, ${c.warnings} warnings` +
        (plan.newEntities.length
          ? `; ${plan.newEntities.length} new entities: ${plan.newEntities.slice(0, 10).map((n) => n.name).join(", ")}${plan.newEntities.length > 10 ? ", …" : ""}`
          : ""),
    );
    if (!plan.committable) {
      console.error("data:import: nothing imported (fix the rows above; every row or none is imported)");
      return 1;
    }
    if (values["dry-run"]) {
      console.log(`data:import: dry run, nothing written (${Date.now() - started} ms)`);
      return 0;
    }
    const result = await commitImport(plan, actor, { publish: values.publish, fileName: basename(file) }, prisma);
    if (!result.ok) {
      console.error(`data:import: ${result.message}`);
      return 1;
    }
    const s = result.summary;
    console.log(
      `data:import: committed: ${s.created} created (${values.publish ? "published" : "drafts"}), ${s.updated} updated, ${s.unchanged} unchanged` +
        (s.auditId ? `; audit #${s.auditId}` : "") +
        ` (${Date.now() - started} ms)`,
    );
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli("data:import", main);
