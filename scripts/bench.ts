/**
 * npm run bench — the production server on the national-scale dataset (npm run bench:data),
 * on loopback, measured with autocannon (bounded in time), beside a minimal node:http +
 * better-sqlite3 baseline answering the same API queries with the same JSON. Prints a table
 * and writes bench/raw/<date>.json.
 *
 * npm run bench -- --postgresql: then, in the same run, the same dataset copied into
 * PostgreSQL (npm run db:copy; a throwaway server unless BENCH_POSTGRES_URL names one), served
 * by one instance and by two instances on the one database (the load split between them, as a
 * balancer would). BENCH_PORT moves the ports (default 3400: app, +1 baseline, +4 second instance).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { bin, maxHeapMiB, migrate, ROOT, run, scriptEnv, serverArgs } from "./lib";
import { assertPortFree, waitFor } from "./bench-http.mjs";
import { startThrowawayPostgres, withDatabase, type ThrowawayPostgres } from "./postgres/throwaway";

const DB = "bench/.data/bench.db";
const APP_PORT = Number(process.env.BENCH_PORT ?? 3400);
const BASE_PORT = APP_PORT + 1;
const SECOND_PORT = APP_PORT + 4;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const DIST = ".next-bench";

interface Target {
  name: string;
  path: string;
  connections: number;
  baseline: boolean;
}

const TARGETS: Target[] = [
  { name: "page: peringkat PEMKAB 2024 (national)", path: "/peringkat?tahun=2024&jenis=pemkab", connections: 16, baseline: false },
  { name: "page: peringkat Jawa Timur 2024", path: "/peringkat?tahun=2024&provinsi=jawa-timur", connections: 16, baseline: false },
  { name: "page: provinsi Jawa Timur", path: "/provinsi/jawa-timur", connections: 16, baseline: false },
  { name: "page: instansi Kota Surabaya", path: "/instansi/pemkot-surabaya", connections: 16, baseline: false },
  { name: "api: results 2024 PEMKAB", path: "/api/v1/results?year=2024&type=PEMKAB&pageSize=100", connections: 32, baseline: true },
  { name: "api: rankings 2024 PEMKAB", path: "/api/v1/rankings?year=2024&type=PEMKAB&pageSize=100", connections: 32, baseline: true },
];

function descendants(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

/** Peak resident memory (VmHWM) of a process tree, in MiB. */
function peakRssMiB(pid: number): number {
  let total = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) total = Math.max(total, Number(match[1]) / 1024);
    } catch {
      // gone
    }
  }
  return Math.round(total);
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** autocannon on each URL at once (the connections split between them), figures combined. */
async function measure(urls: string[], connections: number): Promise<Figures> {
  const latencies: number[] = [];
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration: DURATION,
        setupClient: (client) => {
          client.on("response", (_status: number, _bytes: number, ms: number) => {
            latencies.push(ms);
          });
        },
      }),
    ),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! : NaN);
  const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    rps: Math.round(sum((r) => r.requests.average)),
    p50: Math.round(pct(50) * 10) / 10,
    p95: Math.round(pct(95) * 10) / 10,
    p99: Math.round(pct(99) * 10) / 10,
    errors: sum((r) => r.errors + r.timeouts),
    non2xx: sum((r) => r.non2xx),
    requests: sum((r) => r.requests.total),
  };
}

/** A write as a publish of 2024 makes: one result of 2024 changes (the triggers do the rest). */
const WRITE_2024 = `UPDATE "Result" SET "version" = "version" + 1 WHERE "id" = (SELECT MIN("id") FROM "Result" WHERE "year" = 2024)`;
type RaiseRevision = () => Promise<void>;

function sqliteRaise(): RaiseRevision {
  return async () => {
    const sqlite = new Database(join(ROOT, DB));
    try {
      sqlite.prepare(WRITE_2024).run();
    } finally {
      sqlite.close();
    }
  };
}

function postgresRaise(url: string): RaiseRevision {
  return async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(WRITE_2024);
    } finally {
      await client.end();
    }
  };
}

/**
 * The first moments after a publish: one result of 2024 is written (its triggers raise the data
 * revision and 2024's, as a publish of that year does), and 16 readers ask for the same page at
 * once (spread over the instances). Returns the slowest and the median of their answer times,
 * in ms (the median of three bursts each).
 */
async function publishBurst(urls: string[], raise: RaiseRevision, readers = 16): Promise<{ medianMs: number; slowestMs: number }> {
  const bursts: { medianMs: number; slowestMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    await raise();
    const times = await Promise.all(
      Array.from({ length: readers }, async (_, n) => {
        const t0 = performance.now();
        await (await fetch(urls[n % urls.length]!)).arrayBuffer();
        return performance.now() - t0;
      }),
    );
    times.sort((a, b) => a - b);
    bursts.push({ medianMs: times[Math.floor(times.length / 2)]!, slowestMs: times[times.length - 1]! });
  }
  const mid = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[1]! * 10) / 10;
  return { medianMs: mid(bursts.map((b) => b.medianMs)), slowestMs: mid(bursts.map((b) => b.slowestMs)) };
}

interface Row extends Figures {
  route: string;
  path: string;
  connections: number;
  baselineRps: number | null;
  baselineP99: number | null;
  /** 16 readers at once right after a publish (see publishBurst). */
  afterPublish: { medianMs: number; slowestMs: number };
  ratioToBaseline: number | null;
}

/** One pass over every target against the app (one instance per port) started with `env`. */
async function pass(
  label: string,
  env: NodeJS.ProcessEnv,
  withBaseline: boolean,
  raise: RaiseRevision,
  ports: number[] = [APP_PORT],
): Promise<{ rows: Row[]; peakRssMiB: number; instancesPeakRssMiB: number[]; baselinePeakRssMiB: number | null }> {
  for (const port of ports) await assertPortFree(port);
  if (withBaseline) await assertPortFree(BASE_PORT);
  // Own process groups: tsx runs the server in a child process, and both must stop.
  const apps: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, serverArgs(env), { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: "ignore", detached: true }),
  );
  const baseline: ChildProcess | null = withBaseline
    ? spawn(bin("tsx"), ["bench/baseline-server.ts", join(ROOT, DB), String(BASE_PORT)], { cwd: ROOT, env, stdio: "ignore", detached: true })
    : null;
  const urlsOf = (path: string) => ports.map((port) => `http://127.0.0.1:${port}${path}`);
  try {
    for (const port of ports) await waitFor(`http://127.0.0.1:${port}/api/v1/provinces`);
    if (baseline) {
      await waitFor(`http://127.0.0.1:${BASE_PORT}/api/v1/rankings?year=2024`);
      // The baseline must answer with the same JSON as the app.
      for (const t of TARGETS.filter((x) => x.baseline)) {
        const [a, b] = await Promise.all([
          fetch(`http://127.0.0.1:${APP_PORT}${t.path}`).then((r) => r.text()),
          fetch(`http://127.0.0.1:${BASE_PORT}${t.path}`).then((r) => r.text()),
        ]);
        if (a !== b) throw new Error(`baseline and app differ on ${t.path}`);
      }
    }
    const rows: Row[] = [];
    for (const t of TARGETS) {
      for (const url of urlsOf(t.path)) await fetch(url); // warm
      const appFigures = await measure(urlsOf(t.path), t.connections);
      const baseFigures = baseline && t.baseline ? await measure([`http://127.0.0.1:${BASE_PORT}${t.path}`], t.connections) : null;
      const row: Row = {
        route: t.name,
        path: t.path,
        connections: t.connections,
        ...appFigures,
        baselineRps: baseFigures?.rps ?? null,
        baselineP99: baseFigures?.p99 ?? null,
        ratioToBaseline: baseFigures ? Math.round((appFigures.rps / baseFigures.rps) * 100) / 100 : null,
        afterPublish: await publishBurst(urlsOf(t.path), raise),
      };
      rows.push(row);
      console.log(`${label}: ${JSON.stringify(row)}`);
    }
    const instancesPeakRssMiB = apps.map((a) => peakRssMiB(a.pid!));
    return { rows, peakRssMiB: instancesPeakRssMiB[0]!, instancesPeakRssMiB, baselinePeakRssMiB: baseline ? peakRssMiB(baseline.pid!) : null };
  } finally {
    // Each server drains its requests and exits; the next pass starts on the same ports.
    await Promise.all([...apps, baseline].map((child) => (child ? stopGroup(child) : undefined)));
  }
}

/** SIGTERM to a process group, then wait for its leader to exit (SIGKILL after 30 s). */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}

function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}\n`);
  console.log("| route | conns | req/s | p50 ms | p95 ms | p99 ms | errors | baseline req/s | ratio | after a publish: 16 readers, median / slowest ms |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.route} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors + r.non2xx} | ${r.baselineRps ?? "—"} | ${r.ratioToBaseline ?? "—"} | ${r.afterPublish.medianMs} / ${r.afterPublish.slowestMs} |`,
    );
  }
}

/** The benchmark dataset in PostgreSQL: a copy of the SQLite one (npm run db:copy). */
async function postgresDataset(): Promise<{ url: string; server: ThrowawayPostgres | null }> {
  let server: ThrowawayPostgres | null = null;
  const base = process.env.BENCH_POSTGRES_URL ?? (server = await startThrowawayPostgres()).url;
  const url = withDatabase(base, `rapor_bench_${Date.now()}`);
  console.log(`bench: copying ${DB} into PostgreSQL…`);
  run(bin("tsx"), ["scripts/db-copy.ts", "--from", `file:./${DB}`, "--to", url], { stdio: "ignore" });
  return { url, server };
}

async function main(): Promise<void> {
  const withPostgres = process.argv.includes("--postgresql");
  if (!existsSync(join(ROOT, DB))) run(bin("tsx"), ["scripts/bench-data.ts"]);
  // One loopback client stands for many users here: the per-client rate limit is off.
  const env = scriptEnv({ DATABASE_URL: `file:./${DB}`, NEXT_DIST_DIR: DIST, RAPOR_RATE_LIMIT: "off" });
  // A dataset written before the latest migration gets it (its data stays).
  migrate(env);
  console.log("bench: building the production app…");
  run(bin("next"), ["build"], { env, stdio: "ignore" });
  // As served (npm start): Next.js behind the response cache, beside the baseline.
  const served = await pass("served", env, true, sqliteRaise());
  // Every request rendered by Next.js: what a request costs right after a publish.
  const rendered = await pass("rendered", { ...env, RAPOR_RESPONSE_CACHE: "off" }, true, sqliteRaise());
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    durationSeconds: DURATION,
    dataset: DB,
    served: { serverPeakRssMiB: served.peakRssMiB, baselinePeakRssMiB: served.baselinePeakRssMiB, rows: served.rows },
    rendered: { serverPeakRssMiB: rendered.peakRssMiB, rows: rendered.rows },
  };
  const tables: [string, Row[]][] = [
    ["SQLite, as served (response cache on, npm start):", served.rows],
    ["SQLite, every request rendered (RAPOR_RESPONSE_CACHE=off: the cost of the first request after a publish):", rendered.rows],
  ];
  const heap = maxHeapMiB(env);
  report.maxHeapMiB = heap;
  const memory = [
    `SQLite (heap cap ${heap ? `${heap} MiB` : "none"}): server peak RSS ${served.peakRssMiB} MiB served, ${rendered.peakRssMiB} MiB rendered; baseline ${served.baselinePeakRssMiB} MiB`,
  ];
  if (process.argv.includes("--uncapped-too") && heap > 0) {
    // The same passes without the cap, in the same run: what the cap costs in throughput.
    const free = { ...env, RAPOR_MAX_HEAP_MB: "0" };
    const uServed = await pass("served, no heap cap", free, false, sqliteRaise());
    const uRendered = await pass("rendered, no heap cap", { ...free, RAPOR_RESPONSE_CACHE: "off" }, false, sqliteRaise());
    report.uncapped = { served: { serverPeakRssMiB: uServed.peakRssMiB, rows: uServed.rows }, rendered: { serverPeakRssMiB: uRendered.peakRssMiB, rows: uRendered.rows } };
    tables.push(["SQLite without the heap cap, as served:", uServed.rows], ["SQLite without the heap cap, every request rendered:", uRendered.rows]);
    memory.push(`SQLite (no heap cap): server peak RSS ${uServed.peakRssMiB} MiB served, ${uRendered.peakRssMiB} MiB rendered`);
  }

  if (withPostgres) {
    const postgres = await postgresDataset();
    try {
      const pgEnv = { ...env, DATABASE_URL: postgres.url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") };
      const raise = postgresRaise(postgres.url);
      const pgServed = await pass("postgresql served", pgEnv, false, raise);
      const pgRendered = await pass("postgresql rendered", { ...pgEnv, RAPOR_RESPONSE_CACHE: "off" }, false, raise);
      const twoServed = await pass("postgresql 2 instances served", pgEnv, false, raise, [APP_PORT, SECOND_PORT]);
      const twoRendered = await pass("postgresql 2 instances rendered", { ...pgEnv, RAPOR_RESPONSE_CACHE: "off" }, false, raise, [APP_PORT, SECOND_PORT]);
      report.postgresql = {
        served: { serverPeakRssMiB: pgServed.peakRssMiB, rows: pgServed.rows },
        rendered: { serverPeakRssMiB: pgRendered.peakRssMiB, rows: pgRendered.rows },
        twoInstancesServed: { instancesPeakRssMiB: twoServed.instancesPeakRssMiB, rows: twoServed.rows },
        twoInstancesRendered: { instancesPeakRssMiB: twoRendered.instancesPeakRssMiB, rows: twoRendered.rows },
      };
      tables.push(
        ["PostgreSQL, one instance, as served:", pgServed.rows],
        ["PostgreSQL, one instance, every request rendered:", pgRendered.rows],
        ["PostgreSQL, two instances on one database, as served (connections split between them):", twoServed.rows],
        ["PostgreSQL, two instances, every request rendered:", twoRendered.rows],
      );
      memory.push(
        `PostgreSQL: one instance ${pgServed.peakRssMiB} MiB served, ${pgRendered.peakRssMiB} MiB rendered; ` +
          `two instances ${twoServed.instancesPeakRssMiB.join(" + ")} MiB served, ${twoRendered.instancesPeakRssMiB.join(" + ")} MiB rendered`,
      );
    } finally {
      postgres.server?.stop();
    }
  }
  mkdirSync(join(ROOT, "bench", "raw"), { recursive: true });
  const out = join(ROOT, "bench", "raw", `${String(report.date).slice(0, 16).replace(":", "")}-http.json`);
  writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  for (const [title, rows] of tables) printTable(title, rows);
  console.log(`\n${memory.join("\n")}\nraw: ${out}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
