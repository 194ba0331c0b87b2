/**
 * The benchmark's baseline: a minimal node:http + better-sqlite3 server answering the same API
 * queries as /api/v1/results and /api/v1/rankings with prepared statements, through the same
 * pure domain code, returning the same JSON. What Rapor costs above it is the framework, the
 * ORM and the app's own loading.
 *
 *   tsx bench/baseline-server.ts DB_FILE PORT
 */
import http from "node:http";
import Database from "better-sqlite3";
import { matchesResultFilter, resultRowJson } from "@/lib/api/rows";
import { rankingsQuerySchema, resultsQuerySchema } from "@/lib/api/schemas";
import { byName, byScoreThenName } from "@/lib/domain/order";
import type { Category, Methodology, Zone } from "@/lib/domain/types";
import { buildYearRows, type YearRow } from "@/lib/domain/year-view";
import { FactIndex, yearFacts, yearResultInput, type FactRow, type StoredResult } from "@/lib/record/dataset";

const [file, portText] = process.argv.slice(2);
if (!file || !portText) throw new Error("usage: tsx bench/baseline-server.ts DB_FILE PORT");
const sqlite = new Database(file, { readonly: true });

const statements = {
  years: sqlite.prepare(`SELECT DISTINCT year FROM Result WHERE status = 'PUBLISHED' AND deletedAt IS NULL ORDER BY year DESC`),
  methodology: sqlite.prepare(`SELECT year, name, bandsVerified FROM Methodology WHERE year = ?`),
  bands: sqlite.prepare(`SELECT min, max, zone, category, label FROM MethodologyBand WHERE year = ? ORDER BY sortOrder`),
  results: sqlite.prepare(`
    SELECT r.id, r.score, r.publishedZone, r.publishedCategory, r.publishedOpinion, r.publishedNationalRank,
           r.publishedProvinceRank, r.hasConflict, r.sourceUrl, e.name AS entityName, e.slug AS entitySlug,
           e.type AS entityType, p.id AS provinceId, p.name AS provinceName, p.slug AS provinceSlug,
           (SELECT count(*) FROM ResultSource s WHERE s.resultId = r.id) AS sourceCount
    FROM Result r JOIN Entity e ON e.id = r.entityId LEFT JOIN Province p ON p.id = r.provinceId
    WHERE r.year = ? AND r.status = 'PUBLISHED' AND r.deletedAt IS NULL ORDER BY r.id`),
  prior: sqlite.prepare(`
    SELECT e.slug AS slug, r.year AS year, r.score AS score, m.name AS methodologyName
    FROM Result r JOIN Entity e ON e.id = r.entityId LEFT JOIN Methodology m ON m.year = r.year
    WHERE r.year < ? AND r.status = 'PUBLISHED' AND r.deletedAt IS NULL ORDER BY r.year DESC`),
  facts: sqlite.prepare(`SELECT year, provinceId, entityGroup, metric, value, sourceUrl FROM PublishedFact WHERE year = ? ORDER BY id`),
  marks: sqlite.prepare(`SELECT provinceId, entityGroup FROM GroupCompleteness WHERE year = ? AND complete = 1`),
};

/** A row of the results statement: a stored result with its entity and province in columns. */
type ResultRowDb = Omit<StoredResult, "hasConflict" | "entity" | "province"> & {
  hasConflict: number;
  entityName: string;
  entitySlug: string;
  entityType: string;
  provinceId: number | null;
  provinceName: string | null;
  provinceSlug: string | null;
};

function methodologyOf(year: number): Methodology | null {
  const m = statements.methodology.get(year) as { year: number; name: string; bandsVerified: number } | undefined;
  if (!m) return null;
  const bands = statements.bands.all(year) as { min: number; max: number; zone: Zone; category: Category | null; label: string }[];
  return { year: m.year, name: m.name, bandsVerified: m.bandsVerified === 1, bands };
}

function yearRows(year: number): YearRow[] {
  const methodology = methodologyOf(year);
  const inputs = (statements.results.all(year) as ResultRowDb[]).map((r) =>
    yearResultInput({
      ...r,
      hasConflict: r.hasConflict === 1,
      entity: { name: r.entityName, slug: r.entitySlug, type: r.entityType },
      province: r.provinceId === null ? null : { id: r.provinceId, name: r.provinceName!, slug: r.provinceSlug! },
    }),
  );
  const facts = new FactIndex(statements.facts.all(year) as FactRow[]);
  const marked = new Set((statements.marks.all(year) as { provinceId: number | null; entityGroup: string }[]).map((m) => `${m.provinceId ?? "N"}|${m.entityGroup}`));
  const prior = new Map<string, { year: number; score: number | null; methodologyName: string | null }>();
  for (const p of statements.prior.all(year) as { slug: string; year: number; score: number | null; methodologyName: string | null }[]) {
    if (!prior.has(p.slug)) prior.set(p.slug, p);
  }
  return buildYearRows(
    year,
    inputs,
    methodology,
    yearFacts(year, facts, (provinceId, group) => marked.has(`${provinceId ?? "N"}|${group}`)),
    (slug) => prior.get(slug) ?? null,
  );
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://baseline");
  const params = Object.fromEntries(url.searchParams);
  if (url.pathname === "/api/v1/rankings") {
    const q = rankingsQuerySchema.safeParse(params);
    if (!q.success) return send(res, 400, { error: "bad_request" });
    const rows = yearRows(q.data.year).filter((row) => matchesResultFilter(row, q.data));
    rows.sort(byScoreThenName);
    const start = (q.data.page - 1) * q.data.pageSize;
    return send(res, 200, {
      data: rows.slice(start, start + q.data.pageSize).map((row) => resultRowJson(q.data.year, row)),
      page: q.data.page,
      pageSize: q.data.pageSize,
      total: rows.length,
    });
  }
  if (url.pathname === "/api/v1/results") {
    const q = resultsQuerySchema.safeParse(params);
    if (!q.success) return send(res, 400, { error: "bad_request" });
    const years = (statements.years.all() as { year: number }[]).map((y) => y.year).filter((y) => q.data.year === undefined || y === q.data.year);
    const all = years.flatMap((year) =>
      yearRows(year)
        .filter((row) => matchesResultFilter(row, q.data))
        .sort(byName)
        .map((row) => resultRowJson(year, row)),
    );
    const start = (q.data.page - 1) * q.data.pageSize;
    return send(res, 200, { data: all.slice(start, start + q.data.pageSize), page: q.data.page, pageSize: q.data.pageSize, total: all.length });
  }
  send(res, 404, { error: "not_found" });
});

server.listen(Number(portText), "127.0.0.1", () => console.log(`baseline: http://127.0.0.1:${portText}`));
