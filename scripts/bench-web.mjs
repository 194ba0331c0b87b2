/**
 * npm run bench:web — what a browser gets from each public page, on the national-scale dataset
 * (npm run bench:data) and the production server (scripts/server.ts):
 *  - first-load JavaScript: every /_next/static script the page's HTML loads (not the nomodule
 *    polyfills modern browsers skip), gzip-compressed (level 6, as servers send it), summed;
 *    chunks loaded later (the lazy charts) are not first-load;
 *  - Lighthouse performance and accessibility scores (lighthouse 12, default mobile profile with
 *    simulated throttling) in headless Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 * Prints a table and writes bench/raw/<date>-web.json.
 *
 * Plain JavaScript on purpose: Lighthouse sends functions into the page as source text, and
 * tsx's transform adds a helper (__name) to them that does not exist in the page.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(ROOT, "node_modules", ".bin", name);
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const DB = "bench/.data/bench.db";
const PORT = 3402;
const DIST = ".next-bench";

const PAGES = [
  { name: "Beranda", path: "/" },
  { name: "Peringkat (national PEMKAB 2024)", path: "/peringkat?tahun=2024&jenis=pemkab" },
  { name: "Provinsi Jawa Timur", path: "/provinsi/jawa-timur" },
  { name: "Instansi Kota Surabaya", path: "/instansi/pemkot-surabaya" },
  { name: "Bandingkan (3 entities)", path: "/bandingkan?instansi=pemkot-surabaya,pemkab-sidoarjo,pemprov-jawa-timur" },
  { name: "Metodologi", path: "/metodologi" },
  { name: "Dokumentasi API", path: "/dokumentasi-api" },
  { name: "English rankings", path: "/en/peringkat?tahun=2024&jenis=pemkot" },
];

async function waitFor(url, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

/** gzip kB of the JavaScript a page's HTML loads before anything else happens. */
async function firstLoadJs(base, path) {
  const html = await (await fetch(base + path)).text();
  // Scripts marked nomodule (Next's legacy polyfills) are skipped by every modern browser.
  const tags = [...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const srcs = [...new Set(tags.map((tag) => /src="(\/_next\/static\/[^"]+\.js)"/.exec(tag)?.[1]).filter(Boolean))];
  let bytes = 0;
  for (const src of srcs) bytes += gzipSync(Buffer.from(await (await fetch(base + src)).arrayBuffer()), { level: 6 }).length;
  return { kB: Math.round((bytes / 1024) * 10) / 10, files: srcs.length, htmlKB: Math.round((gzipSync(Buffer.from(html)).length / 1024) * 10) / 10 };
}

async function main() {
  if (!existsSync(join(ROOT, DB))) run(bin("tsx"), ["scripts/bench-data.ts"]);
  const env = { ...process.env, DATABASE_URL: `file:./${DB}`, NEXT_DIST_DIR: DIST, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("bench:web: building the production app…");
    run(bin("next"), ["build"], { env, stdio: "ignore" });
  }
  try {
    await fetch(`http://127.0.0.1:${PORT}/`);
    throw new Error(`port ${PORT} is in use: stop what runs there first`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("port")) throw error;
  }
  const app = spawn(bin("tsx"), ["scripts/server.ts"], { cwd: ROOT, env, stdio: "ignore", detached: true });
  const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const base = `http://localhost:${PORT}`;
  try {
    await waitFor(`${base}/api/v1/provinces`);
    const rows = [];
    for (const page of PAGES) {
      const js = await firstLoadJs(base, page.path);
      await fetch(base + page.path); // warm the server
      const result = await lighthouse(base + page.path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`lighthouse gave no result for ${page.path}`);
      const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id) => lhr.audits[id]?.numericValue ?? null;
      const row = {
        page: page.name,
        path: page.path,
        firstLoadJsGzipKB: js.kB,
        scripts: js.files,
        htmlGzipKB: js.htmlKB,
        performance: score("performance"),
        accessibility: score("accessibility"),
        fcpMs: Math.round(audit("first-contentful-paint") ?? 0),
        lcpMs: Math.round(audit("largest-contentful-paint") ?? 0),
        tbtMs: Math.round(audit("total-blocking-time") ?? 0),
        cls: Math.round((audit("cumulative-layout-shift") ?? 0) * 1000) / 1000,
        failedAccessibilityAudits: Object.values(lhr.audits)
          .filter((a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
          .map((a) => a.id),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    const report = { date: new Date().toISOString(), lighthouse: "12.8.2 (mobile, simulated throttling)", dataset: DB, rows };
    mkdirSync(join(ROOT, "bench", "raw"), { recursive: true });
    const out = join(ROOT, "bench", "raw", `${report.date.slice(0, 16).replace(":", "")}-web.json`);
    writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
    console.log("\n| page | first-load JS gzip kB | HTML gzip kB | Lighthouse performance | accessibility | LCP ms | TBT ms | CLS |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const r of rows) {
      console.log(`| ${r.page} | ${r.firstLoadJsGzipKB} | ${r.htmlGzipKB} | ${r.performance} | ${r.accessibility} | ${r.lcpMs} | ${r.tbtMs} | ${r.cls} |`);
    }
    console.log(`\nraw: ${out}`);
  } finally {
    await chrome.kill();
    if (app.pid) process.kill(-app.pid, "SIGTERM");
  }
}

main().catch((error) => {
  console.error(`bench:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
