/**
 * Issue 15 (7, 13): no input gives HTTP 500, loose numbers are not numbers, and a change or
 * delete through the write API must say which version it was made on. Property-based
 * (fast-check): arbitrary query strings to every public read route, arbitrary path segments,
 * arbitrary JSON bodies to the write API — never a 500, and a refused write changes nothing.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A successful write revalidates Next's own caches, which need a request outside a test.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
import { DELETE, PATCH } from "@/app/api/v1/results/[id]/route";
import { POST } from "@/app/api/v1/results/route";
import type { Actor } from "@/lib/ledger/access";
import { createResult } from "@/lib/ledger/results";
import { seedDatabase } from "@/lib/ledger/seed";
import { createApiToken } from "@/lib/ledger/tokens";
import { actorForUser, createUserWithPassword } from "@/lib/ledger/users";
import { apiRequest, dbFingerprint } from "../helpers/admin";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

type Handler = (request: Request, context?: unknown) => Promise<Response>;

let tdb: TempDatabase;
let admin: Actor;
let adminToken: string;
let editorToken: string;
let reads: Record<string, Handler>;
let kalselEntity: number;
let outOfScopeDraft: { id: number; version: number };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const params = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });

async function draftFor(slug: string, year: number): Promise<{ id: number; version: number }> {
  const entity = await tdb.prisma.entity.findUniqueOrThrow({ where: { slug } });
  const made = await createResult(admin, { entityId: entity.id, year, score: "50,00", sourceUrl: "https://sumber.example/x" }, tdb.prisma);
  if (!made.ok) throw new Error(made.message);
  return { id: made.value.id, version: made.value.version };
}

beforeAll(async () => {
  tdb = createTempDatabase("input-properties");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  const a = await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: "a long test password 42" }, tdb.prisma);
  const e = await createUserWithPassword({ email: "editor@example.org", role: "EDITOR", provinceIds: [kalsel.id], password: "a long test password 42" }, tdb.prisma);
  if (!a.ok || !e.ok) throw new Error("could not create users");
  admin = (await actorForUser(a.userId, "session", tdb.prisma))!;
  const at = await createApiToken(admin, a.userId, "properties", tdb.prisma);
  const et = await createApiToken(admin, e.userId, "properties", tdb.prisma);
  if (!at.ok || !et.ok) throw new Error("could not create tokens");
  adminToken = at.value.token;
  editorToken = et.value.token;
  kalselEntity = (await tdb.prisma.entity.findUniqueOrThrow({ where: { slug: "kantor-pertanahan-kotabaru" } })).id;
  outOfScopeDraft = await draftFor("pemkot-kediri", 2022);
  const modules = await Promise.all([
    import("@/app/api/v1/provinces/route"),
    import("@/app/api/v1/methodologies/route"),
    import("@/app/api/v1/entities/route"),
    import("@/app/api/v1/entities/[slug]/route"),
    import("@/app/api/v1/results/route"),
    import("@/app/api/v1/rankings/route"),
    import("@/app/api/v1/export/route"),
    import("@/app/api/v1/export/ringkasan/route"),
  ]);
  const [provinces, methodologies, entities, entity, results, rankings, exported, summary] = modules;
  reads = {
    "/api/v1/provinces": provinces.GET as Handler,
    "/api/v1/methodologies": methodologies.GET as Handler,
    "/api/v1/entities": entities.GET as Handler,
    "/api/v1/entities/x": entity.GET as unknown as Handler,
    "/api/v1/results": results.GET as Handler,
    "/api/v1/rankings": rankings.GET as Handler,
    "/api/v1/export": exported.GET as Handler,
    "/api/v1/export/ringkasan": summary.GET as Handler,
  };
});

afterAll(async () => {
  await tdb.dispose();
});

describe("version required on PATCH and DELETE", () => {
  it("answers 428 with a clear message when none is sent, after the access checks", async () => {
    const draft = await draftFor("kantor-pertanahan-kotabaru", 2022);
    const before = await dbFingerprint(tdb.prisma);
    const patch = await PATCH(apiRequest("PATCH", `/api/v1/results/${draft.id}`, { notes: "tanpa versi" }, bearer(adminToken)), params(draft.id));
    expect(patch.status).toBe(428);
    expect(await patch.json()).toMatchObject({ error: "version_required", currentVersion: draft.version, message: expect.stringContaining("versi") });
    const del = await DELETE(apiRequest("DELETE", `/api/v1/results/${draft.id}`, undefined, bearer(adminToken)), params(draft.id));
    expect(del.status).toBe(428);
    // Refusals that come first keep their meaning: an editor of another province gets 403.
    expect((await PATCH(apiRequest("PATCH", `/api/v1/results/${outOfScopeDraft.id}`, { notes: "x" }, bearer(editorToken)), params(outOfScopeDraft.id))).status).toBe(403);
    // A version that is not a version is a 422, not a guess.
    expect((await PATCH(apiRequest("PATCH", `/api/v1/results/${draft.id}`, { notes: "x", version: "1e0" }, bearer(adminToken)), params(draft.id))).status).toBe(422);
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
    // With the version (body, If-Match or query) the write goes through.
    const ok = await PATCH(apiRequest("PATCH", `/api/v1/results/${draft.id}`, { notes: "dengan versi" }, { ...bearer(adminToken), "if-match": `"${draft.version}"` }), params(draft.id));
    expect(ok.status).toBe(200);
    const after = (await ok.json()) as { version: number };
    expect((await DELETE(apiRequest("DELETE", `/api/v1/results/${draft.id}?version=${after.version}`, undefined, bearer(adminToken)), params(draft.id))).status).toBe(204);
  });
});

describe("loose numbers", () => {
  it("never reach the database: 2^63, 1e3 and 0x22d are not ids", async () => {
    const before = await dbFingerprint(tdb.prisma);
    for (const entityId of [9223372036854775808, "9223372036854775808", "1e3", 1e3 + 0.5, "0x22d", -1]) {
      const response = await POST(apiRequest("POST", "/api/v1/results", { entityId, year: 2022, score: "50", sourceUrl: "https://sumber.example/x" }, bearer(adminToken)));
      expect(response.status, String(entityId)).toBe(422);
    }
    for (const year of ["2.022e3", "0x7e6", "+2022", "2022.0", 2022.5]) {
      const response = await POST(apiRequest("POST", "/api/v1/results", { entityId: kalselEntity, year, score: "50", sourceUrl: "https://sumber.example/x" }, bearer(adminToken)));
      expect(response.status, String(year)).toBe(422);
    }
    for (const id of ["0x22d", "1e3", "9223372036854775808", "-1", "%"]) {
      const response = await PATCH(apiRequest("PATCH", `/api/v1/results/${id}`, { notes: "x", version: 1 }, bearer(adminToken)), params(id));
      expect(response.status, id).toBe(404);
    }
    expect(await dbFingerprint(tdb.prisma)).toBe(before);
  });
});

const looseText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("1e3", "0x22d", "-1", "", " ", "2024", "9223372036854775808", "NaN", "%", "%FF", "null", "[]", "{}", "2024.0", "٢٠٢٤"),
);

describe("property: no public read answers 500, whatever the query", () => {
  /** Each route's own parameters (so that many queries are valid and really read), and strays. */
  const KEYS: Record<string, string[]> = {
    "/api/v1/provinces": [],
    "/api/v1/methodologies": [],
    "/api/v1/entities": ["type", "province", "q", "page", "pageSize"],
    "/api/v1/entities/x": [],
    "/api/v1/results": ["year", "type", "province", "entity", "page", "pageSize"],
    "/api/v1/rankings": ["year", "type", "province", "page", "pageSize"],
    "/api/v1/export": ["format", "tahun", "jenis", "provinsi", "q", "urut", "arah", "instansi", "arah_tahun", "halaman"],
    "/api/v1/export/ringkasan": ["tabel", "format", "tahun", "provinsi"],
  };
  const GOOD: Record<string, string[]> = {
    year: ["2024", "2023"], tahun: ["2024"], type: ["PEMKOT", "PEMDA"], jenis: ["pemkot", "pemda"], province: ["kalimantan-selatan"], provinsi: ["kalimantan-selatan"],
    page: ["1", "2"], pageSize: ["10"], format: ["csv", "json"], tabel: ["tren-zona", "peta-provinsi", "rata-rata-provinsi"], urut: ["nilai"], arah: ["asc"],
    instansi: ["pemkot-banjarmasin"], arah_tahun: ["asc"], q: ["banjar"], entity: ["pemkot-banjarmasin"],
  };
  const statuses: Record<number, number> = {};

  it("holds for every read route", async () => {
    const paths = Object.keys(reads);
    const request = fc.constantFrom(...paths).chain((path) => {
      const own = KEYS[path]!;
      const key = fc.oneof({ weight: 4, arbitrary: own.length ? fc.constantFrom(...own) : fc.constant("x") }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
      const entry = key.chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...(GOOD[k] ?? ["?"])) }, { weight: 1, arbitrary: looseText })));
      return fc.tuple(fc.constant(path), fc.array(entry, { maxLength: 4 }));
    });
    await fc.assert(
      fc.asyncProperty(request, async ([path, entries]) => {
        const search = new URLSearchParams(entries).toString();
        const response = await reads[path]!(new Request(`http://rapor.test${path}?${search}`), { params: Promise.resolve({ slug: "pemkot-banjarmasin" }) });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        return [200, 304, 400, 404, 422].includes(response.status);
      }),
      { numRuns: 400 },
    );
    // The property was exercised on real reads, not only on refusals.
    expect(statuses[200] ?? 0).toBeGreaterThan(60);
    expect(statuses[400] ?? 0).toBeGreaterThan(60);
  }, 600_000);

  it("holds for every entity path segment", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(looseText, fc.stringMatching(/^[a-z0-9-]{1,40}$/)), async (slug) => {
        const response = await reads["/api/v1/entities/x"]!(new Request("http://rapor.test/api/v1/entities/x"), { params: Promise.resolve({ slug }) });
        return [200, 404].includes(response.status);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe("property: the write API never answers 500 and a refused write changes nothing", () => {
  const value = fc.oneof(looseText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map((b) => Number(b)), fc.array(fc.integer(), { maxLength: 2 }));
  const field = (valid: fc.Arbitrary<unknown>) => fc.oneof(valid, value);

  it("holds for POST bodies", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            entityId: field(fc.constant(kalselEntity)),
            year: field(fc.constantFrom(2021, "2022", 2023)),
            score: field(fc.constantFrom("91,66", "100", "0.5", 88)),
            sourceUrl: field(fc.constant("https://sumber.example/p")),
            publishedZone: field(fc.constantFrom("HIJAU", "")),
            dimensionScores: field(fc.constant({ input: "80" })),
            notes: value,
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const before = await dbFingerprint(tdb.prisma);
          const response = await POST(apiRequest("POST", "/api/v1/results", body, bearer(editorToken)));
          if (response.status >= 500) return false;
          if (response.status === 201) {
            // Keep later runs comparable: remove what a valid body created.
            const { id } = (await response.json()) as { id: number };
            await tdb.prisma.auditLog.deleteMany({ where: { targetType: "RESULT", targetId: String(id) } });
            await tdb.prisma.resultSource.deleteMany({ where: { resultId: id } });
            await tdb.prisma.result.delete({ where: { id } });
            return true;
          }
          return [401, 403, 404, 409, 415, 422].includes(response.status) && (await dbFingerprint(tdb.prisma)) === before;
        },
      ),
      { numRuns: 150 },
    );
  }, 300_000);

  it("holds for PATCH bodies and ids", async () => {
    const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
    const free = await tdb.prisma.entity.findFirstOrThrow({
      where: { provinceId: kalsel.id, type: "KANTOR_PERTANAHAN", id: { not: kalselEntity }, results: { none: { year: 2023 } } },
      orderBy: { id: "asc" },
    });
    const draft = await draftFor(free.slug, 2023);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(String(draft.id)), looseText), fc.dictionary(fc.constantFrom("score", "year", "entityId", "version", "notes", "sourceUrl", "id", "status"), value, { maxKeys: 4 }), async (id, body) => {
        const current = await tdb.prisma.result.findUniqueOrThrow({ where: { id: draft.id } });
        const before = await dbFingerprint(tdb.prisma);
        const response = await PATCH(apiRequest("PATCH", `/api/v1/results/${encodeURIComponent(id)}`, body, bearer(adminToken)), params(id));
        if (response.status >= 500) return false;
        if (response.status === 200) return (await tdb.prisma.result.findUniqueOrThrow({ where: { id: draft.id } })).version === current.version + 1;
        return (await dbFingerprint(tdb.prisma)) === before;
      }),
      { numRuns: 150 },
    );
  }, 300_000);
});
