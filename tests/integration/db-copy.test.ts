/**
 * Issue 16, moving a deployment: `npm run db:copy` copies the real data, users, sessions,
 * tokens, the audit trail and every source from a SQLite file into a new database —
 * PostgreSQL when the suite runs on it (and back into a new SQLite file), else another SQLite
 * file — losslessly: every table has the same rows, the full export is byte for byte the same,
 * and so is the public record every page is built from.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareDatabases, COPIED_TABLES } from "@/lib/db/copy";
import type { PrismaClient } from "@/lib/db/client";
import { EXPORT_COLUMNS } from "@/lib/domain/results-file";
import { toCsv, toJson } from "@/lib/export/formats";
import type { Actor } from "@/lib/ledger/access";
import { recordFailedSignIn } from "@/lib/ledger/sign-in-throttle";
import { seedDatabase } from "@/lib/ledger/seed";
import { updateResult } from "@/lib/ledger/results";
import { createRelease } from "@/lib/ledger/releases";
import { createApiToken } from "@/lib/ledger/tokens";
import { createUserWithPassword } from "@/lib/ledger/users";
import { getPublicDataset } from "@/lib/record/dataset";
import { exportRecords, resultsTable, selectionOf } from "@/lib/record/result-rows";
import { createTempDatabase, createTempSqliteDatabase, type TempDatabase } from "../helpers/temp-db";

const ROOT = resolve(__dirname, "..", "..");

function copy(from: string, to: string) {
  return spawnSync(resolve(ROOT, "node_modules", ".bin", "tsx"), ["scripts/db-copy.ts", "--from", from, "--to", to], { cwd: ROOT, encoding: "utf8", env: process.env });
}

async function counts(prisma: PrismaClient): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { model } of COPIED_TABLES) {
    out[model] = await (prisma as unknown as Record<string, { count: () => Promise<number> }>)[model[0]!.toLowerCase() + model.slice(1)]!.count();
  }
  return out;
}

/** Everything a reader can download (npm run data:export of every year), in two formats. */
async function fullExport(prisma: PrismaClient): Promise<string> {
  const table = resultsTable(exportRecords(await getPublicDataset(prisma), selectionOf({ urut: "nilai" })), EXPORT_COLUMNS);
  expect(table.rows.length).toBeGreaterThan(500);
  return toCsv(table) + "\n" + toJson(table);
}

let source: TempDatabase;
let target: TempDatabase;

beforeAll(async () => {
  source = createTempSqliteDatabase("copy-source");
  await seedDatabase(source.prisma);
  // Rows in every table: users with password hashes and scopes, a session, a token (audited), an
  // edit of a published result (audited), a sign-in throttle, a rate-limit counter, a
  // verification, a completeness mark, a remembered import mapping.
  const admin = await createUserWithPassword({ email: "admin@example.test", password: "copy test password 1", role: "ADMIN" }, source.prisma);
  const kalsel = await source.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  await createUserWithPassword({ email: "editor@example.test", password: "copy test password 2", role: "EDITOR", provinceIds: [kalsel.id] }, source.prisma);
  if (!admin.ok) throw new Error(admin.message);
  const actor: Actor = { userId: admin.userId, email: "admin@example.test", role: "ADMIN", provinceIds: [], via: "session" };
  const token = await createApiToken(actor, admin.userId, "copy", source.prisma);
  if (!token.ok) throw new Error("token");
  const published = await source.prisma.result.findFirstOrThrow({ where: { status: "PUBLISHED", deletedAt: null, score: { not: null } } });
  const edited = await updateResult(actor, published.id, { notes: "Diperiksa ulang sebelum pindah." }, published.version, source.prisma);
  if (!edited.ok) throw new Error(edited.message);
  // A release of that change, waiting for approval (Release, ReleaseItem).
  const release = await createRelease(actor, { name: "Sebelum pindah", resultIds: [published.id], mode: "submit" }, source.prisma);
  if (!release.ok) throw new Error(release.message);
  await recordFailedSignIn("someone@example.test", new Date(), source.prisma);
  const now = new Date();
  await source.prisma.session.create({ data: { id: "s1", token: "t1", userId: admin.userId, expiresAt: new Date(now.getTime() + 3_600_000), ipAddress: "127.0.0.1" } });
  await source.prisma.rateLimit.create({ data: { id: "r1", key: "127.0.0.1/sign-in/email", count: 2, lastRequest: BigInt(now.getTime()) } });
  await source.prisma.verification.create({ data: { id: "v1", identifier: "x", value: "y", expiresAt: now } });
  await source.prisma.importMapping.create({ data: { userId: admin.userId, headerKey: "peringkat", column: "province_rank" } });
  await source.prisma.groupCompleteness.create({ data: { year: 2024, entityGroup: "POLRES", provinceId: kalsel.id, complete: true, markedBy: "admin@example.test" } });
  target = createTempDatabase("copy-target");
}, 240_000);

afterAll(async () => {
  await source.dispose();
  await target.dispose();
});

describe("npm run db:copy", () => {
  it("copies every table of a SQLite deployment, losslessly", async () => {
    const before = await counts(source.prisma);
    for (const [model, n] of Object.entries(before)) expect(n, `${model} has rows to copy`).toBeGreaterThan(0);

    const run = copy(source.url, target.url);
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toContain("every table equal");

    expect(await counts(target.prisma)).toEqual(before);
    for (const table of await compareDatabases(source.prisma, target.prisma)) expect(table.equal, table.model).toBe(true);
    expect(await fullExport(target.prisma)).toBe(await fullExport(source.prisma));
    const [a, b] = [await getPublicDataset(source.prisma), await getPublicDataset(target.prisma)];
    expect(b.years).toEqual(a.years);
    expect([...b.rowsByYear.entries()]).toEqual([...a.rowsByYear.entries()]);
    // The source was only read.
    expect(await counts(source.prisma)).toEqual(before);
  });

  it("leaves the copy ready for new rows (ids continue after the copied ones)", async () => {
    const last = await target.prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    const added = await target.prisma.auditLog.create({ data: { actorEmail: "t@example.test", action: "UPDATE", targetType: "RESULT", targetId: "1" } });
    expect(added.id).toBe(last.id + 1);
    await target.prisma.auditLog.delete({ where: { id: added.id } });
  });

  it("refuses a target that holds data, and changes nothing", async () => {
    const before = await counts(target.prisma);
    const run = copy(source.url, target.url);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("the target database is not empty");
    expect(await counts(target.prisma)).toEqual(before);
  });

  it("copies back into a new SQLite file, equal to the original", async () => {
    const back = createTempSqliteDatabase("copy-back");
    try {
      const run = copy(target.url, back.url);
      expect(run.status, run.stderr + run.stdout).toBe(0);
      for (const table of await compareDatabases(source.prisma, back.prisma)) expect(table.equal, table.model).toBe(true);
      expect(await fullExport(back.prisma)).toBe(await fullExport(source.prisma));
    } finally {
      await back.dispose();
    }
  });

  it("refuses bad arguments with a clear message", () => {
    const missing = spawnSync(resolve(ROOT, "node_modules", ".bin", "tsx"), ["scripts/db-copy.ts", "--from", source.url], { cwd: ROOT, encoding: "utf8" });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("usage: npm run db:copy -- --from URL --to URL");
    const same = copy(source.url, source.url);
    expect(same.stderr).toContain("--from and --to name the same database");
    const unknown = copy("mysql://x/y", target.url);
    expect(unknown.stderr).toContain("must start with file: (SQLite) or postgresql:// (PostgreSQL)");
  });
});
