/**
 * npm run soak — a bounded soak of the production server on loopback: `npm start` on its own
 * database (bench/.data/soak.db, loaded with the real data), then for SOAK_SECONDS (default 240)
 * a mix of public reads (pages, API, downloads; cached and uncached) by SOAK_READERS concurrent
 * readers, and admin writes through the write API, about one a second (create a draft, change
 * it, delete it; every fifth round an edit of a published result's notes).
 * Reports requests, errors and latency by kind, and the server's memory (RSS) at the start and
 * at the end of the load, and its peak. Writes bench/raw/<date>-soak.json.
 *
 * The per-client rate limit is off (RAPOR_RATE_LIMIT=off): one loopback client stands for many.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readServerMarker } from "@/lib/db/server-marker";
import { ROOT } from "./lib";
import { freePort } from "./bench-http.mjs";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 240);
const READERS = Number(process.env.SOAK_READERS ?? 8);
const DB = join(ROOT, "bench", ".data", "soak.db");
const EMAIL = "soak-admin@example.org";
const PASSWORD = "soak only: a long admin password";

type Kind = "page" | "page-uncached" | "api" | "api-uncached" | "download" | "write";

interface Tally {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  latencies: number[];
}

const tallies = new Map<Kind, Tally>();
const errorsSeen: string[] = [];

function record(kind: Kind, status: number | "network", ms: number, ok: boolean, detail: string): void {
  const t = tallies.get(kind) ?? { requests: 0, errors: 0, statuses: {}, latencies: [] };
  t.requests++;
  t.statuses[String(status)] = (t.statuses[String(status)] ?? 0) + 1;
  t.latencies.push(ms);
  if (!ok) {
    t.errors++;
    if (errorsSeen.length < 20) errorsSeen.push(`${kind} ${status} ${detail}`);
  }
  tallies.set(kind, t);
}

function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const PAGES = ["/", "/peringkat?tahun=2024", "/peringkat?tahun=2023&jenis=pemkab", "/provinsi/kalimantan-selatan", "/instansi/pemkot-banjarmasin", "/en/peringkat?tahun=2024", "/metodologi", "/bandingkan?instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah"];
const APIS = ["/api/v1/provinces", "/api/v1/methodologies", "/api/v1/results?year=2024", "/api/v1/rankings?year=2024&type=PEMKAB", "/api/v1/entities?q=banjar", "/api/v1/entities/pemkot-banjarmasin"];
const DOWNLOADS = ["/api/v1/export?format=csv&tahun=2024", "/api/v1/export?format=json&provinsi=kalimantan-selatan", "/api/v1/export?format=xlsx&tahun=2024&jenis=pemkot", "/api/v1/export/ringkasan?tabel=tren-zona&format=csv"];

/** One request, timed and tallied; its status and body (text), or null on a network error. */
async function timed(kind: Kind, base: string, path: string, init?: RequestInit, expected: (status: number) => boolean = (s) => s < 400): Promise<{ status: number; body: string } | null> {
  const started = performance.now();
  try {
    const response = await fetch(base + path, init);
    const body = await response.text();
    const ms = performance.now() - started;
    record(kind, response.status, ms, expected(response.status), path);
    return { status: response.status, body };
  } catch (error) {
    record(kind, "network", performance.now() - started, false, `${path}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function reader(base: string, until: number): Promise<void> {
  let n = 0;
  while (Date.now() < until) {
    const roll = random();
    n++;
    if (roll < 0.35) await timed("page", base, pick(PAGES));
    else if (roll < 0.45) {
      const page = pick(PAGES);
      await timed("page-uncached", base, `${page}${page.includes("?") ? "&" : "?"}soak=${n}-${Math.floor(random() * 1e9)}`);
    }
    else if (roll < 0.8) await timed("api", base, pick(APIS));
    else if (roll < 0.95) await timed("api-uncached", base, `/api/v1/results?year=${pick([2021, 2022, 2023, 2024])}&page=${1 + Math.floor(random() * 5)}&pageSize=${10 + Math.floor(random() * 90)}`);
    else await timed("download", base, pick(DOWNLOADS));
  }
}

async function writer(base: string, until: number, cookie: string, targets: { entityId: number; year: number }[], published: number): Promise<void> {
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { cookie, "content-type": "application/json", origin: base },
    body: JSON.stringify(body),
  });
  let i = 0;
  while (Date.now() < until) {
    const target = targets[i++ % targets.length]!;
    const created = await timed("write", base, "/api/v1/results", json("POST", { ...target, score: "77,70", sourceUrl: "https://sumber.example/soak" }), (s) => s === 201);
    if (created?.status === 201) {
      const { id, version } = JSON.parse(created.body) as { id?: number; version?: number };
      if (id) {
        const patched = await timed("write", base, `/api/v1/results/${id}`, json("PATCH", { score: "78,80", version }), (s) => s === 200);
        const next = patched?.status === 200 ? (JSON.parse(patched.body) as { version?: number }).version : version;
        await timed("write", base, `/api/v1/results/${id}?version=${next}`, { method: "DELETE", headers: { cookie, origin: base } }, (s) => s === 204);
      }
    }
    // Every fifth round, an edit of a published result (its notes): the data revision moves.
    if (i % 5 !== 0) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    const current = await fetch(`${base}/api/v1/results/${published}`, { method: "PATCH", headers: { cookie, "content-type": "application/json", origin: base }, body: JSON.stringify({ notes: "" }) });
    const version = ((await current.json().catch(() => ({}))) as { currentVersion?: number }).currentVersion;
    await timed("write", base, `/api/v1/results/${published}`, json("PATCH", { notes: `soak ${i}`, version }), (s) => s === 200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function main(): Promise<void> {
  mkdirSync(join(ROOT, "bench", ".data"), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal", "-server.json"]) rmSync(DB + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${DB}`, PORT: String(await freePort()), RAPOR_RATE_LIMIT: "off", NEXT_TELEMETRY_DISABLED: "1" };
  console.log(`soak: starting npm start on ${DB} (loads the real data, builds if needed)…`);
  const npm = spawn("npm", ["start"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise((resolve) => npm.once("exit", resolve));
  let output = "";
  npm.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  npm.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const stop = () => {
    try {
      process.kill(-npm.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  try {
    let port = 0;
    for (let waited = 0; !port; waited += 500) {
      if (waited > 900_000) throw new Error(`the server did not start:\n${output}`);
      port = Number(/ready on http:\/\/localhost:(\d+)/.exec(output)?.[1] ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const base = `http://localhost:${port}`;
    const serverPid = readServerMarker(DB)?.pid;
    if (!serverPid) throw new Error("no server marker beside the soak database");
    const created = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/admin-create.ts", "--email", EMAIL], { cwd: ROOT, env, input: PASSWORD + "\n", encoding: "utf8" });
    if (created.status !== 0) throw new Error(created.stderr);
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    // Entity-years without a result (for drafts), and one published result to edit.
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(DB, { readonly: true });
    const targets = db
      .prepare(`SELECT e.id AS entityId, y.year FROM Entity e, (SELECT 2022 AS year UNION SELECT 2023) y WHERE e.type = 'KANTOR_PERTANAHAN' AND NOT EXISTS (SELECT 1 FROM Result r WHERE r.entityId = e.id AND r.year = y.year) LIMIT 200`)
      .all() as { entityId: number; year: number }[];
    const published = (db.prepare(`SELECT id FROM Result WHERE status = 'PUBLISHED' AND deletedAt IS NULL ORDER BY id LIMIT 1`).get() as { id: number }).id;
    db.close();
    // Warm the server up, then take the memory at the start of the load.
    for (const path of [...PAGES, ...APIS]) await fetch(base + path).then((r) => r.arrayBuffer());
    const start = rssMiB(serverPid);
    console.log(`soak: ${SECONDS} s, ${READERS} readers and 1 writer on ${base}; server pid ${serverPid}, RSS ${start.rss} MiB`);
    const until = Date.now() + SECONDS * 1000;
    const samples: { t: number; rss: number }[] = [];
    const sampler = setInterval(() => samples.push({ t: Math.round((Date.now() - until) / 1000 + SECONDS), rss: rssMiB(serverPid).rss }), 10_000);
    await Promise.all([...Array.from({ length: READERS }, () => reader(base, until)), writer(base, until, cookie, targets, published)]);
    clearInterval(sampler);
    const end = rssMiB(serverPid);
    const health = await fetch(`${base}/api/health`).then((r) => r.status);
    const summary = [...tallies.entries()].map(([kind, t]) => {
      const sorted = [...t.latencies].sort((a, b) => a - b);
      return { kind, requests: t.requests, errors: t.errors, statuses: t.statuses, p50: +percentile(sorted, 50).toFixed(1), p95: +percentile(sorted, 95).toFixed(1), p99: +percentile(sorted, 99).toFixed(1), max: +(sorted.at(-1) ?? 0).toFixed(1) };
    });
    const totals = { requests: summary.reduce((s, r) => s + r.requests, 0), errors: summary.reduce((s, r) => s + r.errors, 0) };
    const report = { date: new Date().toISOString(), seconds: SECONDS, readers: READERS, totals, memoryMiB: { start: start.rss, end: end.rss, peak: end.peak, samples }, healthAtEnd: health, summary, errorsSeen };
    mkdirSync(join(ROOT, "bench", "raw"), { recursive: true });
    const out = join(ROOT, "bench", "raw", `${report.date.slice(0, 16).replace(":", "")}-soak.json`);
    writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
    console.log("\nkind            requests  errors  p50 ms  p95 ms  p99 ms  max ms  statuses");
    for (const r of summary) {
      console.log(`${r.kind.padEnd(15)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p95).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.max).padStart(7)}  ${JSON.stringify(r.statuses)}`);
    }
    console.log(`\nsoak: ${totals.requests} requests, ${totals.errors} errors; server RSS ${start.rss} MiB at the start, ${end.rss} MiB at the end (peak ${end.peak} MiB); /api/health ${health}`);
    if (errorsSeen.length) console.log(`soak: first errors:\n  ${errorsSeen.join("\n  ")}`);
    console.log(`soak: written ${out}`);
    process.exitCode = totals.errors > 0 || health !== 200 ? 1 : 0;
  } finally {
    stop();
    await exited;
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
