/**
 * Issue 15 (4), the embargo crawl, against the production build: with drafts, pending revisions
 * (a score, a zone and opinion, a result moved to another entity, a deletion) and entities seen
 * only in drafts present — all made through the app's own write paths — every public page (every
 * province, entity and year, in both languages), every API route and every download is fetched,
 * and none may show a value or a name that is not published. Then a leak is planted (one draft
 * marked published behind the app's back) and the same crawler must find it: the test can fail.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const EMAIL = "e2e-embargo@example.org";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: embargo staple battery horse";
const RUN = Date.now().toString(36);
const NAME = `Embargo ${RUN}`;
/**
 * Scores no published result has (checked below), one per planted value, and none of the form
 * of a Kemendagri regency code (NN.01–NN.79 of a province NN, which the API lists: 35.79 is Kota
 * Batu's).
 */
const SCORES = { draftPolres: "13.57", draftMinistry: "24.68", revisionScore: "35.97", movedScore: "46.80", draftApi: "57.91" } as const;

function sqlite<T>(fn: (db: Database.Database) => T, readonly = true): T {
  const db = new Database(resolve(DATABASE_URL.replace(/^file:/, "")), { readonly });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * Markers of what must not be public: the planted names, their addresses (except in the answer
 * to a URL that names them itself: a 404 page, a search echoing its query) and the planted
 * scores, written either way (13.57, 13,57).
 */
const FORBIDDEN: { label: string; pattern: RegExp; unlessUrl?: RegExp }[] = [
  { label: "planted name", pattern: new RegExp(`embargo\\s+${RUN}`, "i") },
  { label: "planted address", pattern: new RegExp(`embargo-${RUN}`, "i"), unlessUrl: /embargo/i },
  ...Object.entries(SCORES).map(([label, value]) => {
    const [whole, cents] = value.split(".");
    return { label: `${label} ${value}`, pattern: new RegExp(`(?<![0-9])${whole}[.,]${cents}(?![0-9])`) };
  }),
];

interface Fetched {
  url: string;
  status: number;
  text: string;
}

/** The text of a download or page; an XLSX workbook as the text of all its cells. */
async function textOf(url: string, body: Buffer, contentType: string): Promise<string> {
  if (!contentType.includes("spreadsheetml")) return body.toString("utf8");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push(typeof cell.value === "object" && cell.value !== null ? JSON.stringify(cell.value) : String(cell.value));
      }),
    ),
  );
  if (cells.length === 0) throw new Error(`${url}: an empty workbook`);
  return cells.join("\t");
}

/** Fetch every URL (a few at a time), with the text of each answer. */
async function crawl(request: APIRequestContext, urls: readonly string[], concurrency = 4): Promise<Fetched[]> {
  const out: Fetched[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await request.get(url, { maxRedirects: 0, timeout: 120_000 });
      const body = await response.body();
      out.push({ url, status: response.status(), text: await textOf(url, body, response.headers()["content-type"] ?? "") });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** Every forbidden marker found, by URL. */
function leaks(fetched: readonly Fetched[]): string[] {
  return fetched.flatMap((f) => FORBIDDEN.filter((m) => m.pattern.test(f.text) && !m.unlessUrl?.test(f.url)).map((m) => `${f.url}: ${m.label}`));
}

const getJson = async <T>(request: APIRequestContext, url: string): Promise<T> => {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
};

/** Every public URL: pages (both languages), API routes and downloads, from what the public API lists. */
async function publicUrls(request: APIRequestContext, planted: readonly string[]): Promise<{ pages: string[]; api: string[]; downloads: string[] }> {
  const years = (await getJson<{ data: { year: number }[] }>(request, "/api/v1/methodologies")).data.map((m) => m.year);
  const provinces = (await getJson<{ data: { slug: string }[] }>(request, "/api/v1/provinces")).data.map((p) => p.slug);
  const entities: string[] = [];
  for (let page = 1; ; page++) {
    const list = await getJson<{ data: { slug: string }[]; total: number }>(request, `/api/v1/entities?pageSize=500&page=${page}`);
    entities.push(...list.data.map((e) => e.slug));
    if (entities.length >= list.total || list.data.length === 0) break;
  }
  const resultCounts = new Map<number, number>();
  for (const year of years) resultCounts.set(year, (await getJson<{ total: number }>(request, `/api/v1/results?year=${year}&pageSize=1`)).total);
  const allResults = (await getJson<{ total: number }>(request, "/api/v1/results?pageSize=1")).total;

  const pages: string[] = [];
  for (const prefix of ["", "/en"]) {
    const home = prefix || "/";
    pages.push(home, `${prefix}/peringkat`, `${prefix}/metodologi`, `${prefix}/dokumentasi-api`, `${prefix}/bandingkan`);
    pages.push(`${prefix}/peringkat?q=embargo`, `${prefix}/bandingkan?q=embargo`, `${prefix}/bandingkan?instansi=${planted.join(",")}`);
    pages.push(`${prefix}/cari`, `${prefix}/cari?q=embargo`, `${prefix}/cari?q=polres%20embargo`, `${prefix}/cari?q=kementerian%20embargo`);
    for (const year of years) {
      pages.push(`${home}?tahun=${year}`);
      const rankingPages = Math.max(1, Math.ceil((resultCounts.get(year) ?? 0) / 50));
      for (let p = 1; p <= rankingPages; p++) pages.push(`${prefix}/peringkat?tahun=${year}&halaman=${p}`);
      for (const province of provinces) pages.push(`${prefix}/provinsi/${province}?tahun=${year}`);
    }
    for (const province of provinces) pages.push(`${prefix}/provinsi/${province}`);
    for (const slug of [...entities, ...planted]) pages.push(`${prefix}/instansi/${slug}`);
  }
  const api = ["/api/v1/provinces", "/api/v1/methodologies", "/api/v1/openapi.json", "/api/v1/entities?q=embargo", "/api/v1/entities?q=Embargo&pageSize=500"];
  api.push("/api/v1/search?q=embargo&limit=50", "/api/v1/search?q=polres%20embargo&limit=50", "/api/v1/search?q=kementerian%20embargo&limit=50");
  for (let p = 1; p <= Math.ceil(allResults / 1000); p++) api.push(`/api/v1/results?pageSize=1000&page=${p}`);
  for (let p = 1; p <= Math.ceil(entities.length / 500); p++) api.push(`/api/v1/entities?pageSize=500&page=${p}`);
  for (const year of years) {
    api.push(`/api/v1/rankings?year=${year}&pageSize=1000`, `/api/v1/results?year=${year}&pageSize=1000`);
    for (const type of ["POLRES", "KEMENTERIAN", "PEMDA"]) api.push(`/api/v1/rankings?year=${year}&type=${type}&pageSize=1000`);
  }
  for (const province of provinces) api.push(`/api/v1/results?province=${province}&pageSize=1000`);
  for (const slug of [...entities, ...planted]) api.push(`/api/v1/entities/${slug}`, `/api/v1/results?entity=${slug}&pageSize=1000`);

  const downloads: string[] = [];
  for (const format of ["csv", "json", "xlsx"]) {
    downloads.push(`/api/v1/export?format=${format}`, `/api/v1/export?format=${format}&q=embargo`, `/api/v1/export?format=${format}&instansi=${planted.join(",")}`);
    downloads.push(`/api/v1/export/ringkasan?tabel=tren-zona&format=${format}`);
    for (const year of years) downloads.push(`/api/v1/export?format=${format}&tahun=${year}`, `/api/v1/export/ringkasan?tabel=peta-provinsi&tahun=${year}&format=${format}`);
    for (const province of provinces) downloads.push(`/api/v1/export?format=${format}&provinsi=${province}`, `/api/v1/export/ringkasan?tabel=rata-rata-provinsi&provinsi=${province}&format=${format}`);
    for (const jenis of ["polres", "pemda", "pemkot", "kementerian"]) downloads.push(`/api/v1/export?format=${format}&jenis=${jenis}`);
  }
  return { pages, api, downloads };
}

async function signIn(page: Page): Promise<string> {
  await page.goto("/admin/masuk");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

interface Planted {
  entitySlugs: string[];
  entityIds: number[];
  draftIds: number[];
  revisedIds: number[];
  polresDraftId: number;
}
const planted: Planted = { entitySlugs: [], entityIds: [], draftIds: [], revisedIds: [], polresDraftId: 0 };

test.beforeAll(() => {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", EMAIL, "--name", "E2E Embargo"], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
});

test.afterAll(() => {
  // Leave the shared e2e database as it was: the revisions, drafts and entities planted here go.
  sqlite((db) => {
    const ids = [...planted.revisedIds, ...planted.draftIds];
    if (ids.length) db.prepare(`DELETE FROM ResultRevision WHERE resultId IN (${ids.map(() => "?").join(",")})`).run(...ids);
    if (planted.draftIds.length) db.prepare(`DELETE FROM Result WHERE id IN (${planted.draftIds.map(() => "?").join(",")})`).run(...planted.draftIds);
    for (const id of planted.entityIds) {
      const used = (db.prepare("SELECT COUNT(*) AS n FROM Result WHERE entityId = ?").get(id) as { n: number }).n;
      if (used === 0) db.prepare("DELETE FROM Entity WHERE id = ?").run(id);
    }
  }, false);
});

test("nothing unreviewed is public: every page, API route and download, before and after a planted leak", async ({ page, request, baseURL }) => {
  test.setTimeout(1_800_000);
  // The planted scores are in no published result (else the crawl could not tell them apart).
  const publishedScores = sqlite((db) => (db.prepare("SELECT score FROM Result WHERE score IS NOT NULL").all() as { score: number }[]).map((r) => r.score));
  for (const value of Object.values(SCORES)) expect(publishedScores).not.toContain(Math.round(Number(value) * 100));

  const cookie = await signIn(page);
  const headers = { cookie, origin: baseURL! };
  const one = <T>(sql: string, ...args: unknown[]) => sqlite((db) => db.prepare(sql).get(...args) as T);
  const kalteng = one<{ id: number; version: number; score: number }>("SELECT r.id, r.version, r.score FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.slug = 'pemprov-kalimantan-tengah' AND r.year = 2024");
  const palangka = one<{ id: number; slug: string; zone: string }>("SELECT r.id, e.slug, r.publishedZone AS zone FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.slug = 'pemkot-palangkaraya' AND r.year = 2024");
  const balangan = one<{ id: number; version: number; slug: string }>("SELECT r.id, r.version, e.slug FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.slug = 'polres-balangan' AND r.year = 2025");
  const banjarmasin = one<{ id: number; version: number }>("SELECT r.id, r.version FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.slug = 'pemkot-banjarmasin' AND r.year = 2023");
  const freeRegency = one<{ id: number }>(
    "SELECT e.id FROM Entity e JOIN Province p ON p.id = e.provinceId WHERE p.code = '63' AND e.type = 'PEMKAB' AND NOT EXISTS (SELECT 1 FROM Result r WHERE r.entityId = e.id AND r.year = 2025) ORDER BY e.id LIMIT 1",
  );
  expect(palangka.zone).toBe("HIJAU");

  // 1. An upload (no publishing): two entities seen only in drafts, a changed score and a changed zone/opinion of published results.
  const file = [
    "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes",
    `2024,POLRES,${NAME},KALIMANTAN SELATAN,${SCORES.draftPolres},,,,,,https://sumber.example/embargo-${RUN}/polres,`,
    `2023,KEMENTERIAN,Kementerian ${NAME},,${SCORES.draftMinistry},,,,,,https://sumber.example/embargo-${RUN}/kementerian,`,
    `2024,PEMPROV,Kalimantan Tengah,KALIMANTAN TENGAH,${SCORES.revisionScore},,,,,,https://sumber.example/embargo-${RUN}/kalteng,catatan ${NAME}`,
    `2024,PEMKOT,Palangkaraya,KALIMANTAN TENGAH,,MERAH,E,Opini ${NAME},,,https://sumber.example/embargo-${RUN}/palangka,`,
  ].join("\n");
  const buffer = Buffer.from(file + "\n", "utf8");
  const imported = await request.post("/admin/impor/unggah", {
    headers,
    multipart: { intent: "commit", createEntities: "on", previewedHash: createHash("sha256").update(buffer).digest("hex"), file: { name: "embargo.csv", mimeType: "text/csv", buffer } },
  });
  expect(imported.status()).toBe(200);
  const done = JSON.parse((await imported.text()).trim().split("\n").pop()!) as { state: { stage: string; summary?: { created: number; updated: number; review: number } } };
  expect(done.state).toMatchObject({ stage: "committed", summary: { created: 2, updated: 2, review: 2 } });
  const entities = sqlite((db) => db.prepare("SELECT id, slug FROM Entity WHERE name LIKE ?").all(`%${NAME}`) as { id: number; slug: string }[]);
  expect(entities).toHaveLength(2);
  planted.entityIds.push(...entities.map((e) => e.id));
  planted.entitySlugs.push(...entities.map((e) => e.slug));
  planted.draftIds.push(...sqlite((db) => (db.prepare(`SELECT id FROM Result WHERE entityId IN (${entities.map(() => "?").join(",")})`).all(...entities.map((e) => e.id)) as { id: number }[]).map((r) => r.id)));
  planted.polresDraftId = one<{ id: number }>("SELECT r.id FROM Result r JOIN Entity e ON e.id = r.entityId WHERE e.type = 'POLRES' AND e.name LIKE ?", `%${NAME}`).id;
  planted.revisedIds.push(kalteng.id, palangka.id);

  // 2. The write API: a published Polres result moved to the draft-only Polres with a new score; a deletion; a draft.
  const polres = entities.find((e) => e.slug.startsWith("polres-"))!;
  const moved = await request.patch(`/api/v1/results/${balangan.id}`, { headers, data: { entityId: polres.id, score: SCORES.movedScore.replace(".", ","), confirmCategoryMismatch: true, version: balangan.version } });
  expect(moved.status(), await moved.text()).toBe(202);
  const deleted = await request.delete(`/api/v1/results/${banjarmasin.id}?version=${banjarmasin.version}`, { headers });
  expect(deleted.status()).toBe(202);
  const draft = await request.post("/api/v1/results", { headers, data: { entityId: freeRegency.id, year: 2025, score: SCORES.draftApi, sourceUrl: `https://sumber.example/embargo-${RUN}/draf` } });
  expect(draft.status()).toBe(201);
  planted.draftIds.push(((await draft.json()) as { id: number }).id);
  planted.revisedIds.push(balangan.id, banjarmasin.id);
  expect(sqlite((db) => (db.prepare(`SELECT COUNT(*) AS n FROM ResultRevision WHERE resultId IN (${planted.revisedIds.join(",")})`).get() as { n: number }).n)).toBe(4);

  // 3. The crawl.
  const urls = await publicUrls(request, planted.entitySlugs);
  const all = [...urls.pages, ...urls.api, ...urls.downloads];
  const started = Date.now();
  const fetched = await crawl(request, all);
  const seconds = Math.round((Date.now() - started) / 1000);
  const plantedPaths = new Set(planted.entitySlugs.flatMap((slug) => [`/instansi/${slug}`, `/en/instansi/${slug}`, `/api/v1/entities/${slug}`]));
  const wrongStatus = fetched.filter((f) => (plantedPaths.has(f.url) ? f.status !== 404 : f.status !== 200)).map((f) => `${f.url}: ${f.status}`);
  expect(wrongStatus).toEqual([]);
  expect(leaks(fetched)).toEqual([]);
  // The published values are what the public still reads.
  const byUrl = new Map(fetched.map((f) => [f.url, f.text]));
  const entityJson = (slug: string) => JSON.parse(byUrl.get(`/api/v1/entities/${slug}`)!) as { data: { results: { year: number; score: number | null; zone: string | null }[] } };
  expect(entityJson("pemprov-kalimantan-tengah").data.results.find((r) => r.year === 2024)?.score).toBe(kalteng.score / 100);
  expect(entityJson(palangka.slug).data.results.find((r) => r.year === 2024)?.zone).toBe("HIJAU");
  expect(entityJson("polres-balangan").data.results.find((r) => r.year === 2025)?.score).toBe(91.66);
  expect(entityJson("pemkot-banjarmasin").data.results.map((r) => r.year)).toContain(2023);
  const figures = { pages: urls.pages.length, api: urls.api.length, downloads: urls.downloads.length, total: all.length, seconds };
  test.info().annotations.push({ type: "crawl", description: JSON.stringify(figures) });
  console.log(`embargo crawl: ${figures.total} URLs (${figures.pages} pages, ${figures.api} API, ${figures.downloads} downloads) in ${seconds} s, 0 leaks`);

  // 4. The control: a draft marked published behind the app's back must be found by the same crawler.
  sqlite((db) => db.prepare("UPDATE Result SET status = 'PUBLISHED', publishedAt = ? WHERE id = ?").run(new Date().toISOString(), planted.polresDraftId), false);
  try {
    const control = [
      ...urls.pages.filter((u) => /instansi\/polres-|provinsi\/kalimantan-selatan|peringkat|cari|^(\/en|\/)(\?tahun=2024)?$/.test(u)),
      ...urls.api,
      ...urls.downloads,
    ];
    const found = leaks(await crawl(request, control));
    console.log(`embargo control: ${control.length} URLs, ${found.length} leaks found of the planted one`);
    expect(found.length).toBeGreaterThan(20);
    const polresSlug = polres.slug;
    for (const where of [
      `/instansi/${polresSlug}: planted name`,
      `/en/instansi/${polresSlug}: draftPolres 13.57`,
      "/api/v1/entities?q=embargo: planted name",
      "/api/v1/export?format=csv: draftPolres 13.57",
      "/api/v1/export?format=xlsx: draftPolres 13.57",
      "/provinsi/kalimantan-selatan?tahun=2024: planted name",
      "/cari?q=embargo: planted name",
      "/api/v1/search?q=embargo&limit=50: planted name",
    ]) {
      expect(found, where).toContain(where);
    }
    // The ranking of its year shows it on one of its pages, in both languages.
    expect(found.filter((f) => /^(\/en)?\/peringkat\?tahun=2024&halaman=\d+: draftPolres 13\.57$/.test(f))).toHaveLength(2);
  } finally {
    sqlite((db) => db.prepare("UPDATE Result SET status = 'DRAFT', publishedAt = NULL WHERE id = ?").run(planted.polresDraftId), false);
  }
});
