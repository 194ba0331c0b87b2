/**
 * npm run bench:web — what a browser gets from each public page, on the national-scale dataset
 * (npm run bench:data) and the production server (scripts/server.ts):
 *  - first-load JavaScript: every /_next/static script the page's HTML loads (not the nomodule
 *    polyfills modern browsers skip), gzip-compressed (level 6, as servers send it), summed;
 *    chunks loaded later (the lazy charts) are not first-load;
 *  - Lighthouse performance and accessibility scores (lighthouse 12, default mobile profile with
 *    simulated throttling) in headless Chromium (CHROMIUM_PATH or /usr/bin/chromium), LIGHTHOUSE_RUNS
 *    runs per page (default 3), the median run reported with every run's score beside it.
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
import { assertPortFree, waitFor } from "./bench-http.mjs";
import { chromium } from "playwright";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(ROOT, "node_modules", ".bin", name);
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const DB = "bench/.data/bench.db";
const PORT = 3402;
const DIST = ".next-bench";
/** Lighthouse runs per page (LIGHTHOUSE_RUNS, default 3); the median run is reported. */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

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

/** One Lighthouse run: scores and the metrics that move them. */
async function audit(url, port) {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`lighthouse gave no result for ${url}`);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    fcpMs: Math.round(value("first-contentful-paint") ?? 0),
    lcpMs: Math.round(value("largest-contentful-paint") ?? 0),
    tbtMs: Math.round(value("total-blocking-time") ?? 0),
    cls: Math.round((value("cumulative-layout-shift") ?? 0) * 1000) / 1000,
    failedAccessibilityAudits: Object.values(lhr.audits)
      .filter((a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
      .map((a) => a.id),
  };
}

/**
 * Main-thread blocking as the browser itself reports it: the page loaded in a fresh context
 * with the CPU slowed 4× (as Lighthouse's mobile profile assumes), every long task (> 50 ms)
 * observed until 3 s after load, and the part of each beyond 50 ms summed (what TBT counts).
 * Median of `runs` loads. Unlike Lighthouse's simulation this is a direct observation, so it
 * separates the pages' own cost from the machine's noise; the longest task is hydration.
 */
async function mainThread(browser, url, runs) {
  const blocking = [];
  const longest = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(3000);
    const tasks = await page.evaluate(() => window.__longTasks);
    blocking.push(Math.round(tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)));
    longest.push(Math.round(Math.max(0, ...tasks)));
    await context.close();
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { blockingMs: median(blocking), blockingRuns: blocking, longestTaskMs: median(longest) };
}

async function main() {
  if (!existsSync(join(ROOT, DB))) run(bin("tsx"), ["scripts/bench-data.ts"]);
  // RAPOR_RATE_LIMIT off: one loopback client stands for many users.
  const env = { ...process.env, DATABASE_URL: `file:./${DB}`, NEXT_DIST_DIR: DIST, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1", RAPOR_RATE_LIMIT: "off" };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("bench:web: building the production app…");
    run(bin("next"), ["build"], { env, stdio: "ignore" });
  }
  await assertPortFree(PORT);
  const app = spawn(bin("tsx"), ["scripts/server.ts"], { cwd: ROOT, env, stdio: "ignore", detached: true });
  const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const browser = await chromium.launch({ executablePath: chromePath });
  const base = `http://localhost:${PORT}`;
  try {
    await waitFor(`${base}/api/v1/provinces`);
    const rows = [];
    for (const page of PAGES) {
      const js = await firstLoadJs(base, page.path);
      await fetch(base + page.path); // warm the server
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(base + page.path, chrome.port));
      // The median run by performance score stands for the page (Lighthouse's own advice for
      // simulated throttling, whose score moves by a few points between identical runs).
      const median = [...runs].sort((a, b) => a.performance - b.performance || a.tbtMs - b.tbtMs)[Math.floor(runs.length / 2)];
      const row = {
        page: page.name,
        path: page.path,
        firstLoadJsGzipKB: js.kB,
        scripts: js.files,
        htmlGzipKB: js.htmlKB,
        ...median,
        performanceRuns: runs.map((r) => r.performance),
        tbtRuns: runs.map((r) => r.tbtMs),
        observed: await mainThread(browser, base + page.path, RUNS),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    const report = { date: new Date().toISOString(), lighthouse: `12.8.2 (mobile, simulated throttling), median of ${RUNS} runs`, dataset: DB, rows };
    mkdirSync(join(ROOT, "bench", "raw"), { recursive: true });
    const out = join(ROOT, "bench", "raw", `${report.date.slice(0, 16).replace(":", "")}-web.json`);
    writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
    console.log(
      `\n| page | first-load JS gzip kB | HTML gzip kB | performance (median of ${RUNS}; runs) | accessibility | LCP ms | TBT ms (runs) | CLS | observed blocking ms, 4× CPU (runs) | longest task ms |`,
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const r of rows) {
      console.log(
        `| ${r.page} | ${r.firstLoadJsGzipKB} | ${r.htmlGzipKB} | ${r.performance} (${r.performanceRuns.join(", ")}) | ${r.accessibility} | ${r.lcpMs} | ${r.tbtMs} (${r.tbtRuns.join(", ")}) | ${r.cls} | ${r.observed.blockingMs} (${r.observed.blockingRuns.join(", ")}) | ${r.observed.longestTaskMs} |`,
      );
    }
    console.log(`\nraw: ${out}`);
  } finally {
    await chrome.kill();
    await browser.close();
    if (app.pid) process.kill(-app.pid, "SIGTERM");
  }
}

main().catch((error) => {
  console.error(`bench:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
