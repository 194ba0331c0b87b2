/**
 * npm run bench:render -- DIST [DIST_BEFORE] — the server's CPU time per rendered request, page by
 * page: the production server (scripts/server.ts) on the benchmark database with the response
 * cache and the warm-up off, each path asked REQUESTS times in a row (default 20) after two
 * warming requests. With two build folders (`NEXT_DIST_DIR=.next-x npm run build` makes one),
 * both servers run at once and take turns, so that a shared machine loads both alike. CPU is the
 * user + system time of the server's process tree (/proc), divided by the requests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertPortFree, waitFor } from "./bench-http.mjs";
import { bin, ROOT } from "./lib";

const DB = join(ROOT, "bench", ".data", "bench.db");
const REQUESTS = Number(process.env.REQUESTS ?? 20);
const ROUNDS = 2;
const PATHS = [
  "/?tahun=2024",
  "/peringkat?tahun=2024&jenis=pemkab",
  "/peringkat?tahun=2024&provinsi=jawa-timur",
  "/peringkat?tahun=2024&q=kota",
  "/provinsi/jawa-timur",
  "/instansi/pemkot-surabaya",
  "/bandingkan?instansi=pemkot-surabaya,pemkot-malang&q=kota",
  "/metodologi",
  "/api/v1/results?year=2024&type=PEMKAB&pageSize=100",
  "/api/v1/rankings?year=2024&type=PEMKAB&pageSize=100",
  "/api/v1/entities?q=kota&pageSize=100",
  "/api/v1/entities/pemkot-surabaya",
  "/api/v1/provinces",
  "/api/v1/methodologies",
  "/api/v1/export?format=csv&tahun=2024&jenis=pemkab",
  "/api/v1/export/ringkasan?tabel=rata-rata-provinsi&provinsi=jawa-timur&format=json",
];

/** A process and its descendants. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) tree.push(...processTree(Number(entry)));
    } catch {
      // ended meanwhile
    }
  }
  return tree;
}

/** User + system CPU time of a process tree, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return ticks * 10;
}

interface Server {
  dist: string;
  port: number;
  child: ChildProcess;
}

async function startServer(dist: string, port: number): Promise<Server> {
  if (!existsSync(join(ROOT, dist, "BUILD_ID"))) throw new Error(`no build in ${dist}`);
  await assertPortFree(port);
  // RAPOR_RATE_LIMIT off: one loopback client stands for many users.
  const env = { ...process.env, NEXT_DIST_DIR: dist, PORT: String(port), DATABASE_URL: `file:${DB}`, RAPOR_RESPONSE_CACHE: "off", RAPOR_WARM_UP: "off", RAPOR_RATE_LIMIT: "off", NEXT_TELEMETRY_DISABLED: "1" };
  // Its own process group: tsx runs the server in a child process, and both must stop.
  const child = spawn(bin("tsx"), ["scripts/server.ts"], { cwd: ROOT, env, stdio: "ignore", detached: true });
  await waitFor(`http://127.0.0.1:${port}/api/v1/provinces`, 300_000);
  return { dist, port, child };
}

async function measure(server: Server, path: string): Promise<{ cpuMs: number; medianMs: number }> {
  const url = `http://127.0.0.1:${server.port}${path}`;
  for (let i = 0; i < 2; i++) await (await fetch(url)).arrayBuffer();
  const before = cpuMs(server.child.pid!);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await (await fetch(url)).arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { cpuMs: (cpuMs(server.child.pid!) - before) / REQUESTS, medianMs: times[Math.floor(times.length / 2)]! };
}

async function main(): Promise<void> {
  const dists = process.argv.slice(2);
  if (dists.length < 1 || dists.length > 2) throw new Error("usage: npm run bench:render -- DIST [DIST_BEFORE]");
  if (!existsSync(DB)) throw new Error("no benchmark database: run npm run bench:data first");
  const servers: Server[] = [];
  try {
    for (const [i, dist] of dists.entries()) servers.push(await startServer(dist, 3410 + i));
    console.log(`| path | ${servers.map((s) => `${s.dist}: CPU ms/request`).join(" | ")} | ${servers.map((s) => `${s.dist}: median ms`).join(" | ")} |`);
    console.log(`|---|${servers.map(() => "---|---|").join("")}`);
    for (const path of PATHS) {
      const figures = servers.map(() => ({ cpu: 0, median: 0 }));
      for (let round = 0; round < ROUNDS; round++) {
        // Take turns, the other way round each round.
        const order = round % 2 === 0 ? servers.map((_, i) => i) : servers.map((_, i) => servers.length - 1 - i);
        for (const i of order) {
          const m = await measure(servers[i]!, path);
          figures[i]!.cpu += m.cpuMs / ROUNDS;
          figures[i]!.median += m.medianMs / ROUNDS;
        }
      }
      console.log(`| ${path} | ${figures.map((f) => f.cpu.toFixed(1)).join(" | ")} | ${figures.map((f) => f.median.toFixed(1)).join(" | ")} |`);
    }
  } finally {
    for (const server of servers) {
      try {
        process.kill(-server.child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(`bench:render failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
