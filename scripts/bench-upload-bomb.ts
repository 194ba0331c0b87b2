/**
 * npm run bench:upload-bomb — what an XLSX bomb costs the production server now. An admin
 * uploads, through the import form's route, a workbook whose sheet holds BOMB_ROWS identical rows
 * (default 1,400,000: ~450 MB of XML in a few MB, as in the report), once with an honest ZIP directory
 * and once with one that understates the sheet's size; meanwhile a reader keeps asking for
 * public pages and API reads. Prints the refusal, its time, the readers' latency before and
 * during, and the server's memory (RSS and peak). Writes bench/raw/<date>-upload-bomb.json.
 * Loopback only; the server runs on its own database (bench/.data/bomb.db).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readServerMarker } from "@/lib/db/server-marker";
import { buildXlsx } from "../tests/helpers/xlsx-bomb";
import { ROOT } from "./lib";
import { freePort } from "./bench-http.mjs";

const ROWS = Number(process.env.BOMB_ROWS ?? 1_400_000);
const DB = join(ROOT, "bench", ".data", "bomb.db");
const EMAIL = "bomb-admin@example.org";
const PASSWORD = "bench only: a long admin password";
const READS = ["/", "/peringkat?tahun=2024", "/api/v1/results?year=2024", "/api/v1/rankings?year=2024&type=PEMKAB", "/instansi/pemkot-banjarmasin"];

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const mib = (name: string) => Math.round(Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
  return { rss: mib("VmRSS"), peak: mib("VmHWM") };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1) : 0;
};

/** Read public URLs one after another until `stop()` says so; latencies in ms. */
async function readWhile(base: string, running: () => boolean, cacheBust: boolean): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  for (let i = 0; running(); i++) {
    const path = READS[i % READS.length]! + (cacheBust ? `${READS[i % READS.length]!.includes("?") ? "&" : "?"}b=${i}` : "");
    const started = performance.now();
    try {
      const response = await fetch(base + path);
      await response.arrayBuffer();
      if (response.status >= 500) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  }
  return { latencies, errors };
}

async function main(): Promise<void> {
  mkdirSync(join(ROOT, "bench", ".data"), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal", "-server.json"]) rmSync(DB + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${DB}`, PORT: String(await freePort()), RAPOR_RATE_LIMIT: "off", RAPOR_WARM_UP: "off", NEXT_TELEMETRY_DISABLED: "1" };
  console.log(`bench:upload-bomb: building a ${ROWS.toLocaleString("en")}-row workbook…`);
  const honest = await buildXlsx({ rows: ROWS, uniformRows: true });
  const lying = await buildXlsx({ rows: ROWS, uniformRows: true, declaredSheetSize: 2_000_000 });
  const npm = spawn("npm", ["start"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise((resolve) => npm.once("exit", resolve));
  let output = "";
  npm.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  npm.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  try {
    let port = 0;
    for (let waited = 0; !port; waited += 500) {
      if (waited > 900_000) throw new Error(`the server did not start:\n${output}`);
      port = Number(/ready on http:\/\/localhost:(\d+)/.exec(output)?.[1] ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const base = `http://localhost:${port}`;
    const pid = readServerMarker(DB)!.pid;
    const created = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/admin-create.ts", "--email", EMAIL], { cwd: ROOT, env, input: PASSWORD + "\n", encoding: "utf8" });
    if (created.status !== 0) throw new Error(created.stderr);
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    for (const path of READS) await fetch(base + path).then((r) => r.arrayBuffer());

    const report: Record<string, unknown> = { date: new Date().toISOString(), rows: ROWS, fileBytes: { honest: honest.length, lying: lying.length } };
    // Five seconds of reads with nothing else going on.
    let reading = true;
    setTimeout(() => (reading = false), 5000);
    const baseline = await readWhile(base, () => reading, true);
    report.baseline = { reads: baseline.latencies.length, p50: percentile(baseline.latencies, 50), p95: percentile(baseline.latencies, 95), max: percentile(baseline.latencies, 100), errors: baseline.errors };
    report.memoryBefore = memory(pid);

    for (const [name, file] of [["honest", honest], ["lying", lying]] as const) {
      const form = new FormData();
      form.set("intent", "preview");
      form.set("file", new File([new Uint8Array(file)], `bom-${name}.xlsx`));
      let uploading = true;
      const readers = readWhile(base, () => uploading, true);
      const started = performance.now();
      const response = await fetch(`${base}/admin/impor/unggah`, { method: "POST", headers: { cookie, origin: base }, body: form });
      const text = await response.text();
      const ms = performance.now() - started;
      uploading = false;
      const during = await readers;
      const last = JSON.parse(text.trim().split("\n").at(-1)!) as { state?: { stage: string; message?: string } };
      report[name] = {
        status: response.status,
        stage: last.state?.stage,
        message: last.state?.message,
        refusedInMs: Math.round(ms),
        readsDuring: { reads: during.latencies.length, p50: percentile(during.latencies, 50), p95: percentile(during.latencies, 95), max: percentile(during.latencies, 100), errors: during.errors },
        memoryAfter: memory(pid),
      };
    }
    mkdirSync(join(ROOT, "bench", "raw"), { recursive: true });
    const out = join(ROOT, "bench", "raw", `${String(report.date).slice(0, 16).replace(":", "")}-upload-bomb.json`);
    writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
    console.log(JSON.stringify(report, null, 2));
    console.log(`bench:upload-bomb: written ${out}`);
  } finally {
    try {
      process.kill(-npm.pid!, "SIGTERM");
    } catch {
      // gone
    }
    await exited;
  }
}

main().catch((error: unknown) => {
  console.error(`bench:upload-bomb: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
