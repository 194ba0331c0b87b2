/**
 * Issue 15 (1): the authorization matrix. Every state-changing entry point is found in the code
 * — each route handler exporting POST/PUT/PATCH/DELETE under app/, each export of a file that
 * starts with "use server" — and each is run as five callers: anonymous, an EDITOR of another
 * province, an EDITOR of the target's province, an ADMIN, and the ADMIN's valid session cookie
 * sent from another origin. A write "happened" when any row of the database changed; it must
 * happen exactly for the callers its rule allows, and never answer 500.
 *
 * A new write path without a row in WRITES fails the first test: decide its rule, add it here.
 * Server actions get their cross-origin check from Next.js itself, before the action runs: that
 * column is exercised over HTTP against the production build (tests/e2e/cross-origin.spec.ts).
 *
 * Issue 15 (2): beside "did the database change", every cell checks "did the public record
 * change" — what every public page, API answer and download is built from. Only a publication
 * (and a methodology edit, an admin's) may change it. The write paths that can touch a published
 * result run a second time against one (PUBLISHED_TARGETS): their writes happen by the same
 * rule, as pending revisions, and the public record changes for no caller.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
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
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

import { changePasswordAction } from "@/app/admin/akun/actions";
import { deleteResultAction, discardRevisionAction, publishResultAction, restoreResultAction, saveResultAction } from "@/app/admin/hasil/actions";
import { importAction } from "@/app/admin/impor/actions";
import { POST as uploadPost } from "@/app/admin/impor/unggah/route";
import { mergeEntityAction, saveEntityAction } from "@/app/admin/instansi/actions";
import { signInAction, signOutAction } from "@/app/admin/masuk/actions";
import { saveMethodologyAction } from "@/app/admin/metodologi/actions";
import { createUserAction, updateUserAction } from "@/app/admin/pengguna/actions";
import { publicationAction } from "@/app/admin/publikasi/actions";
import { revertAction } from "@/app/admin/riwayat/actions";
import { approveReleaseAction, createReleaseAction, returnReleaseAction, withdrawReleaseAction } from "@/app/admin/rilis/actions";
import { createRelease } from "@/lib/ledger/releases";
import { createTokenAction, revokeTokenAction } from "@/app/admin/token/actions";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { DELETE as resultDelete, PATCH as resultPatch } from "@/app/api/v1/results/[id]/route";
import { POST as resultPost } from "@/app/api/v1/results/route";
import type { Actor } from "@/lib/ledger/access";
import { createEntity } from "@/lib/ledger/entities";
import { methodologySnapshot } from "@/lib/ledger/methodology";
import { setResultPublication } from "@/lib/ledger/publish";
import { createResult, deleteResult, updateResult } from "@/lib/ledger/results";
import { PublicDatasetCache } from "@/lib/record/dataset";
import { seedDatabase } from "@/lib/ledger/seed";
import { createApiToken } from "@/lib/ledger/tokens";
import { actorForUser, createUserWithPassword } from "@/lib/ledger/users";
import { actAs, sessionCookie } from "../helpers/admin";
import { createTempDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

const ROOT = join(__dirname, "..", "..");
const HOST = "rapor.test";
const SAME_ORIGIN = `http://${HOST}`;
const EVIL_ORIGIN = "http://evil.example";

// ---- The write paths, found in the code ------------------------------------------------------

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** "app/admin/impor/unggah/route.ts#POST", "app/admin/hasil/actions.ts#saveResultAction", ... */
function writePathsInCode(): { routes: string[]; actions: string[]; inline: string[] } {
  const routes: string[] = [];
  const actions: string[] = [];
  const inline: string[] = [];
  for (const file of filesUnder(join(ROOT, "app"))) {
    const name = relative(ROOT, file);
    const source = readFileSync(file, "utf8");
    if (/(^|\/)route\.tsx?$/.test(name)) {
      for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(POST|PUT|PATCH|DELETE)\b/g)) routes.push(`${name}#${m[1]}`);
      if (/export\s*\{[^}]*\b(POST|PUT|PATCH|DELETE)\b/.test(source)) routes.push(`${name}#re-exported`);
    }
    const fileLevel = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source);
    if (fileLevel) {
      for (const m of source.matchAll(/export\s+(?:async\s+function|const|let|function)\s+(\w+)/g)) actions.push(`${name}#${m[1]}`);
    } else if (/["']use server["']/.test(source)) {
      inline.push(name);
    }
  }
  return { routes: routes.sort(), actions: actions.sort(), inline };
}

// ---- Callers and the rule of each write -------------------------------------------------------

type Caller = "anonymous" | "editorOut" | "editorIn" | "admin" | "crossOrigin";
const CALLERS: Caller[] = ["anonymous", "editorOut", "editorIn", "admin", "crossOrigin"];

/** public: anyone (signing in); signedIn: any session (own account); scoped: ADMIN, or an EDITOR of the target's province; admin: ADMIN only. */
type Rule = "public" | "signedIn" | "scoped" | "admin";

function allowed(rule: Rule, caller: Caller, kind: "route" | "action"): boolean {
  // Route handlers refuse another origin themselves. A server action is refused by Next.js
  // before it runs (tests/e2e/cross-origin.spec.ts); called directly, it is the admin's call.
  if (caller === "crossOrigin") return kind === "action";
  if (rule === "public") return true;
  if (caller === "anonymous") return false;
  if (rule === "signedIn") return true;
  if (rule === "scoped") return caller === "editorIn" || caller === "admin";
  return caller === "admin";
}

interface Context {
  caller: Caller;
  /** The caller's session cookie (a fresh session per run), null for anonymous. */
  cookie: string | null;
  /** The caller's email and password (null for anonymous). */
  user: { email: string; password: string } | null;
}

interface WriteCase {
  rule: Rule;
  kind: "route" | "action";
  /** A publication (or a methodology edit): may change what the public sees when allowed. */
  publishes?: true;
  /** Set up what the write acts on (before the database is fingerprinted); returns the run. */
  prepare: () => Promise<(ctx: Context) => Promise<unknown>>;
}

// ---- Fixtures ----------------------------------------------------------------------------------

const PASSWORDS: Record<string, string> = {
  "admin@example.org": "matrix admin password 1",
  "editor-in@example.org": "matrix editor in password 1",
  "editor-out@example.org": "matrix editor out password 1",
};
const EMAIL_OF: Record<Exclude<Caller, "anonymous" | "crossOrigin">, string> = {
  admin: "admin@example.org",
  editorIn: "editor-in@example.org",
  editorOut: "editor-out@example.org",
};

let tdb: TempDatabase;
let sqlite: Database.Database | null = null;
let postgres: Client | null = null;
let admin: Actor;
let kalselId: number;
let otherProvinceId: number;
let nextFree = 0;
let serial = 0;
let freeTargets: { entityId: number; year: number }[] = [];

/** Every row of every table (but rate-limit counters) as one hash: did anything change? */
async function fingerprint(): Promise<string> {
  const hash = createHash("sha256");
  if (postgres) {
    // On PostgreSQL (the suite's second run): the same, rows ordered by their text.
    const { rows: tables } = await postgres.query<{ name: string }>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    for (const { name: table } of tables) {
      if (table === "RateLimit" || table === "SignInThrottle") continue;
      hash.update(table);
      for (const row of (await postgres.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM "${table}" t ORDER BY 1`)).rows) hash.update(row.r);
    }
    return hash.digest("hex");
  }
  const tables = (sqlite!.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  for (const table of tables) {
    if (table === "RateLimit" || table === "SignInThrottle") continue;
    hash.update(table);
    for (const row of sqlite!.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}

/** An entity of Kalimantan Selatan and a year without a result yet. */
function freeKalselTarget(): { entityId: number; year: number } {
  const target = freeTargets[nextFree++];
  if (!target) throw new Error("no free Kalimantan Selatan entity-year left");
  return target;
}

async function kalselDraft(): Promise<{ id: number; version: number }> {
  const target = freeKalselTarget();
  const created = await createResult(admin, { ...target, score: "80,00", sourceUrl: "https://sumber.example/draf" }, tdb.prisma);
  if (!created.ok) throw new Error(`fixture: ${created.message}`);
  return { id: created.value.id, version: created.value.version };
}

/** A published Kalimantan Selatan result (a draft an admin published): what an edit must not change publicly. */
async function kalselPublished(): Promise<{ id: number; version: number; entityId: number; year: number }> {
  const draft = await kalselDraft();
  const published = await setResultPublication(admin, draft.id, true, tdb.prisma);
  if (!published.ok) throw new Error(`fixture: ${published.message}`);
  const row = await tdb.prisma.result.findUniqueOrThrow({ where: { id: draft.id } });
  return { id: row.id, version: row.version, entityId: row.entityId, year: row.year };
}

/** A published Kalimantan Selatan result with a change waiting for review. */
async function kalselRevision(): Promise<{ id: number; version: number }> {
  const published = await kalselPublished();
  const edited = await updateResult(admin, published.id, { score: "81,50" }, published.version, tdb.prisma);
  if (!edited.ok || !edited.value.pendingRevision) throw new Error("fixture: revision");
  return { id: published.id, version: edited.value.version };
}

function form(values: Record<string, string | number | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const v of value) data.append(key, v);
    else data.set(key, String(value));
  }
  return data;
}

const csvFor = (rows: { entityType: string; entityName: string; year: number }[]) =>
  ["year,entity_type,entity_name,province,score,source_url", ...rows.map((r) => `${r.year},${r.entityType},${r.entityName},KALIMANTAN SELATAN,77.70,https://sumber.example/impor`)].join("\n") + "\n";

async function importFileFor(target: { entityId: number; year: number } = freeKalselTarget()): Promise<{ file: File; hash: string }> {
  const entity = await tdb.prisma.entity.findUniqueOrThrow({ where: { id: target.entityId } });
  const csv = csvFor([{ entityType: entity.type, entityName: entity.name, year: target.year }]);
  return { file: new File([csv], "matriks.csv", { type: "text/csv" }), hash: createHash("sha256").update(csv).digest("hex") };
}

/** A request to a route handler as a browser (or a script) would send it for this caller. */
function routeRequest(ctx: Context, method: string, path: string, body: BodyInit | null, contentType: string | null): Request {
  const headers: Record<string, string> = { host: HOST, origin: ctx.caller === "crossOrigin" ? EVIL_ORIGIN : SAME_ORIGIN };
  if (ctx.caller === "crossOrigin") headers["sec-fetch-site"] = "cross-site";
  if (contentType) headers["content-type"] = contentType;
  if (ctx.cookie) headers.cookie = ctx.cookie;
  // Route handlers that read next/headers see the same request.
  currentRequest.headers = new Headers(headers);
  return new Request(`${SAME_ORIGIN}${path}`, { method, headers, body });
}

const json = (value: unknown) => JSON.stringify(value);
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

const WRITES: Record<string, WriteCase> = {
  // Route handlers.
  "app/api/v1/results/route.ts#POST": {
    rule: "scoped",
    kind: "route",
    prepare: async () => {
      const target = freeKalselTarget();
      return (ctx) => resultPost(routeRequest(ctx, "POST", "/api/v1/results", json({ ...target, score: "66,60", sourceUrl: "https://sumber.example/api" }), "application/json"));
    },
  },
  "app/api/v1/results/[id]/route.ts#PATCH": {
    rule: "scoped",
    kind: "route",
    prepare: async () => {
      const draft = await kalselDraft();
      return (ctx) => resultPatch(routeRequest(ctx, "PATCH", `/api/v1/results/${draft.id}`, json({ score: "70,70", version: draft.version }), "application/json"), params(draft.id));
    },
  },
  "app/api/v1/results/[id]/route.ts#DELETE": {
    rule: "scoped",
    kind: "route",
    prepare: async () => {
      const draft = await kalselDraft();
      return (ctx) => resultDelete(routeRequest(ctx, "DELETE", `/api/v1/results/${draft.id}?version=${draft.version}`, null, null), params(draft.id));
    },
  },
  "app/admin/impor/unggah/route.ts#POST": {
    rule: "scoped",
    kind: "route",
    prepare: async () => {
      const { file, hash } = await importFileFor();
      return async (ctx) => {
        const body = form({ intent: "commit", previewedHash: hash });
        body.set("file", file);
        // Let Request set the multipart boundary itself.
        const request = routeRequest(ctx, "POST", "/admin/impor/unggah", body, null);
        const response = await uploadPost(request);
        await response.text();
        return response;
      };
    },
  },
  "app/api/auth/[...all]/route.ts#POST": {
    // Signing out ends the caller's own session.
    rule: "signedIn",
    kind: "route",
    prepare: async () => (ctx) => authPost(routeRequest(ctx, "POST", "/api/auth/sign-out", "{}", "application/json")),
  },

  // Server actions.
  "app/admin/masuk/actions.ts#signInAction": {
    rule: "public",
    kind: "action",
    prepare: async () => () => signInAction({}, form({ email: "admin@example.org", password: PASSWORDS["admin@example.org"]! })),
  },
  "app/admin/masuk/actions.ts#signOutAction": { rule: "signedIn", kind: "action", prepare: async () => () => signOutAction() },
  "app/admin/akun/actions.ts#changePasswordAction": {
    rule: "signedIn",
    kind: "action",
    prepare: async () => async (ctx) => {
      const current = ctx.user?.password ?? "unknown current password";
      const next = `${current.replace(/ \d+$/, "")} ${Date.now()}`;
      const state = await changePasswordAction({}, form({ currentPassword: current, newPassword: next, repeatPassword: next }));
      if (state.ok && ctx.user) PASSWORDS[ctx.user.email] = next;
      return state;
    },
  },
  "app/admin/hasil/actions.ts#saveResultAction": {
    rule: "scoped",
    kind: "action",
    prepare: async () => {
      const target = freeKalselTarget();
      return () => saveResultAction({}, form({ entityId: target.entityId, year: target.year, score: "55,50", sourceUrl: "https://sumber.example/form" }));
    },
  },
  "app/admin/hasil/actions.ts#deleteResultAction": {
    rule: "scoped",
    kind: "action",
    prepare: async () => {
      const draft = await kalselDraft();
      return () => deleteResultAction(form({ id: draft.id, version: draft.version }));
    },
  },
  "app/admin/hasil/actions.ts#restoreResultAction": {
    rule: "scoped",
    kind: "action",
    prepare: async () => {
      const draft = await kalselDraft();
      const deleted = await deleteResult(admin, draft.id, draft.version, tdb.prisma);
      if (!deleted.ok) throw new Error(`fixture: ${deleted.message}`);
      return () => restoreResultAction(form({ id: draft.id }));
    },
  },
  "app/admin/hasil/actions.ts#publishResultAction": {
    rule: "admin",
    kind: "action",
    publishes: true,
    prepare: async () => {
      const draft = await kalselDraft();
      return () => publishResultAction(form({ id: draft.id, publish: "1" }));
    },
  },
  "app/admin/publikasi/actions.ts#publicationAction": {
    rule: "admin",
    kind: "action",
    publishes: true,
    prepare: async () => {
      const draft = await kalselDraft();
      const row = await tdb.prisma.result.findUniqueOrThrow({ where: { id: draft.id }, include: { entity: true } });
      return () => publicationAction(form({ year: row.year, type: row.entity.type, publish: "1" }));
    },
  },
  "app/admin/rilis/actions.ts#createReleaseAction": {
    // Submitting drafts for review is an editor's right in its province.
    rule: "scoped",
    kind: "action",
    prepare: async () => {
      const draft = await kalselDraft();
      return () => createReleaseAction(form({ nama: "Matriks", hasil: draft.id, mode: "submit" }));
    },
  },
  "app/admin/rilis/actions.ts#approveReleaseAction": {
    rule: "admin",
    kind: "action",
    publishes: true,
    prepare: async () => {
      const draft = await kalselDraft();
      const submitted = await createRelease(admin, { name: "Matriks", resultIds: [draft.id], mode: "submit" }, tdb.prisma);
      if (!submitted.ok) throw new Error(`fixture: ${submitted.message}`);
      return () => approveReleaseAction(form({ id: submitted.value.id, mode: "now" }));
    },
  },
  "app/admin/rilis/actions.ts#returnReleaseAction": {
    rule: "admin",
    kind: "action",
    prepare: async () => {
      const draft = await kalselDraft();
      const submitted = await createRelease(admin, { name: "Matriks", resultIds: [draft.id], mode: "submit" }, tdb.prisma);
      if (!submitted.ok) throw new Error(`fixture: ${submitted.message}`);
      return () => returnReleaseAction(form({ id: submitted.value.id, catatan: "Periksa lagi." }));
    },
  },
  "app/admin/rilis/actions.ts#withdrawReleaseAction": {
    rule: "admin",
    kind: "action",
    publishes: true,
    prepare: async () => {
      const draft = await kalselDraft();
      const released = await createRelease(admin, { name: "Matriks", resultIds: [draft.id], mode: "now" }, tdb.prisma);
      if (!released.ok) throw new Error(`fixture: ${released.message}`);
      return () => withdrawReleaseAction(form({ id: released.value.id }));
    },
  },
  "app/admin/hasil/actions.ts#discardRevisionAction": {
    rule: "admin",
    kind: "action",
    prepare: async () => {
      const revision = await kalselRevision();
      return () => discardRevisionAction(form({ id: revision.id, version: revision.version }));
    },
  },
  "app/admin/riwayat/actions.ts#revertAction": {
    // Reverting a change to a result is an edit of that result: its province's editors may.
    rule: "scoped",
    kind: "action",
    prepare: async () => {
      const draft = await kalselDraft();
      const edited = await updateResult(admin, draft.id, { score: "81,00" }, draft.version, tdb.prisma);
      if (!edited.ok) throw new Error(`fixture: ${edited.message}`);
      const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetType: "RESULT", targetId: String(draft.id), action: "UPDATE" }, orderBy: { id: "desc" } });
      return () => revertAction(form({ auditId: audit.id }));
    },
  },
  "app/admin/impor/actions.ts#importAction": {
    rule: "scoped",
    kind: "action",
    prepare: async () => {
      const { file, hash } = await importFileFor();
      return () => {
        const body = form({ intent: "commit", previewedHash: hash });
        body.set("file", file);
        return importAction({ stage: "idle" }, body);
      };
    },
  },
  "app/admin/instansi/actions.ts#saveEntityAction": {
    rule: "scoped",
    kind: "action",
    prepare: async () => {
      const name = `Polres Matriks ${serial++}`;
      return () => saveEntityAction(form({ type: "POLRES", name, provinceId: kalselId, regencyId: "" }));
    },
  },
  "app/admin/instansi/actions.ts#mergeEntityAction": {
    rule: "admin",
    kind: "action",
    prepare: async () => {
      const a = await createEntity(admin, { type: "POLRES", name: `Polres Gabung A ${serial}`, provinceId: kalselId, regencyId: null }, tdb.prisma);
      const b = await createEntity(admin, { type: "POLRES", name: `Polres Gabung B ${serial++}`, provinceId: kalselId, regencyId: null }, tdb.prisma);
      if (!a.ok || !b.ok) throw new Error("fixture: entities");
      return () => mergeEntityAction(form({ sourceId: a.value.id, targetId: b.value.id, q: "" }));
    },
  },
  "app/admin/token/actions.ts#createTokenAction": {
    rule: "admin",
    kind: "action",
    prepare: async () => () => createTokenAction({}, form({ userId: admin.userId, name: `matriks ${serial++}` })),
  },
  "app/admin/token/actions.ts#revokeTokenAction": {
    rule: "admin",
    kind: "action",
    prepare: async () => {
      const token = await createApiToken(admin, admin.userId, `dicabut ${serial++}`, tdb.prisma);
      if (!token.ok) throw new Error("fixture: token");
      return () => revokeTokenAction(form({ id: token.value.id }));
    },
  },
  "app/admin/pengguna/actions.ts#createUserAction": {
    rule: "admin",
    kind: "action",
    prepare: async () => {
      const email = `baru-${serial++}@example.org`;
      return () => createUserAction(form({ email, name: "Baru", role: "EDITOR", provinceIds: [String(kalselId)], password: "a new user password 1" }));
    },
  },
  "app/admin/pengguna/actions.ts#updateUserAction": {
    rule: "admin",
    kind: "action",
    prepare: async () => {
      const email = `ubah-${serial++}@example.org`;
      const created = await createUserWithPassword({ email, role: "EDITOR", provinceIds: [kalselId], password: "a user to change 1" }, tdb.prisma);
      if (!created.ok) throw new Error("fixture: user");
      return () => updateUserAction(form({ userId: created.userId, role: "EDITOR", provinceIds: [String(kalselId), String(otherProvinceId)], active: "on" }));
    },
  },
  "app/admin/metodologi/actions.ts#saveMethodologyAction": {
    rule: "admin",
    kind: "action",
    // The year's method (its notes) is public as an admin saves it.
    publishes: true,
    prepare: async () => {
      const snap = (await methodologySnapshot(tdb.prisma, 2024))!;
      const dec = (h: number) => (h / 100).toFixed(2);
      return () =>
        saveMethodologyAction(
          {},
          form({
            year: 2024,
            name: snap.name,
            opinionName: snap.opinionName ?? "",
            ...(snap.bandsVerified ? { bandsVerified: "on" } : {}),
            notes: `${snap.notes} (matriks ${serial++})`,
            sources: snap.sources,
            min: snap.bands.map((b) => dec(b.min)),
            max: snap.bands.map((b) => dec(b.max)),
            zone: snap.bands.map((b) => b.zone),
            category: snap.bands.map((b) => b.category ?? ""),
            label: snap.bands.map((b) => b.label),
            dimCode: (snap.dimensions ?? []).map((d) => d.code),
            dimName: (snap.dimensions ?? []).map((d) => d.name),
            dimWeight: (snap.dimensions ?? []).map((d) => (d.weight === null ? "" : dec(d.weight))),
            dimVerified: (snap.dimensions ?? []).map((d) => (d.verified ? "1" : "0")),
            dimNotes: (snap.dimensions ?? []).map((d) => d.notes),
          }),
        );
    },
  },
};

/**
 * The write paths that can change a published result, run against one: each happens for the
 * callers its WRITES rule allows, and none changes the public record (the change waits as a
 * pending revision).
 */
const PUBLISHED_TARGETS: Record<string, () => Promise<(ctx: Context) => Promise<unknown>>> = {
  "app/api/v1/results/[id]/route.ts#PATCH": async () => {
    const target = await kalselPublished();
    return (ctx) => resultPatch(routeRequest(ctx, "PATCH", `/api/v1/results/${target.id}`, json({ score: "70,70", version: target.version }), "application/json"), params(target.id));
  },
  "app/api/v1/results/[id]/route.ts#DELETE": async () => {
    const target = await kalselPublished();
    return (ctx) => resultDelete(routeRequest(ctx, "DELETE", `/api/v1/results/${target.id}?version=${target.version}`, null, null), params(target.id));
  },
  "app/admin/impor/unggah/route.ts#POST": async () => {
    const target = await kalselPublished();
    const { file, hash } = await importFileFor(target);
    return async (ctx) => {
      const body = form({ intent: "commit", previewedHash: hash });
      body.set("file", file);
      const response = await uploadPost(routeRequest(ctx, "POST", "/admin/impor/unggah", body, null));
      await response.text();
      return response;
    };
  },
  "app/admin/impor/actions.ts#importAction": async () => {
    const target = await kalselPublished();
    const { file, hash } = await importFileFor(target);
    return () => {
      const body = form({ intent: "commit", previewedHash: hash });
      body.set("file", file);
      return importAction({ stage: "idle" }, body);
    };
  },
  "app/admin/hasil/actions.ts#saveResultAction": async () => {
    const target = await kalselPublished();
    return () => saveResultAction({}, form({ id: target.id, version: target.version, entityId: target.entityId, year: target.year, score: "55,50", sourceUrl: "https://sumber.example/form" }));
  },
  "app/admin/hasil/actions.ts#deleteResultAction": async () => {
    const target = await kalselPublished();
    return () => deleteResultAction(form({ id: target.id, version: target.version }));
  },
  "app/admin/hasil/actions.ts#restoreResultAction": async () => {
    const target = await kalselPublished();
    const deleted = await deleteResult(admin, target.id, target.version, tdb.prisma);
    if (!deleted.ok) throw new Error(`fixture: ${deleted.message}`);
    const published = await setResultPublication(admin, target.id, true, tdb.prisma);
    if (!published.ok || published.value.count !== 1) throw new Error("fixture: the deletion was not published");
    return () => restoreResultAction(form({ id: target.id }));
  },
  "app/admin/rilis/actions.ts#createReleaseAction": async () => {
    // A published result's pending revision, submitted for review: nothing public changes.
    const target = await kalselPublished();
    const edited = await updateResult(admin, target.id, { score: "83,00" }, target.version, tdb.prisma);
    if (!edited.ok) throw new Error(`fixture: ${edited.message}`);
    return () => createReleaseAction(form({ nama: "Matriks", hasil: target.id, mode: "submit" }));
  },
  "app/admin/riwayat/actions.ts#revertAction": async () => {
    const target = await kalselPublished();
    const edited = await updateResult(admin, target.id, { score: "82,00" }, target.version, tdb.prisma);
    if (!edited.ok) throw new Error(`fixture: ${edited.message}`);
    // Publish the edit, then revert it: the old value waits for review again, never public at once.
    const published = await setResultPublication(admin, target.id, true, tdb.prisma);
    if (!published.ok) throw new Error("fixture: publish");
    const audit = await tdb.prisma.auditLog.findFirstOrThrow({ where: { targetType: "RESULT", targetId: String(target.id), action: "UPDATE" }, orderBy: { id: "desc" } });
    return () => revertAction(form({ auditId: audit.id }));
  },
};

// ---- Running one cell of the matrix --------------------------------------------------------------

const record = new PublicDatasetCache(() => tdb.prisma);

/** The public record (every public page, API answer and download is built from it) as text. */
async function publicFingerprint(): Promise<string> {
  const dataset = await record.get();
  return createHash("sha256")
    .update(
      JSON.stringify({
        rows: [...dataset.rowsByYear],
        details: [...dataset.detailsByYear].map(([year, details]) => [year, [...details]]),
        entities: dataset.entities.list,
        methodologies: [...dataset.methodologies].sort(([a], [b]) => a - b),
      }),
    )
    .digest("hex");
}

async function contextFor(caller: Caller): Promise<Context> {
  if (caller === "anonymous") {
    actAs(null);
    currentRequest.headers.set("host", HOST);
    return { caller, cookie: null, user: null };
  }
  const email = EMAIL_OF[caller === "crossOrigin" ? "admin" : caller];
  const user = { email, password: PASSWORDS[email]! };
  const cookie = await sessionCookie(user.email, user.password);
  actAs(cookie);
  currentRequest.headers.set("host", HOST);
  if (caller === "crossOrigin") {
    currentRequest.headers.set("origin", EVIL_ORIGIN);
    currentRequest.headers.set("sec-fetch-site", "cross-site");
  }
  return { caller, cookie, user };
}

/** Run the write; whether the database and the public record changed. A 500 or an unexpected exception fails the test. */
async function runCell(
  prepare: () => Promise<(ctx: Context) => Promise<unknown>>,
  caller: Caller,
): Promise<{ changed: boolean; publicChanged: boolean; status: number | null }> {
  const run = await prepare();
  const ctx = await contextFor(caller);
  const before = await fingerprint();
  const publicBefore = await publicFingerprint();
  let status: number | null = null;
  try {
    const outcome = await run(ctx);
    if (outcome instanceof Response) status = outcome.status;
  } catch (error) {
    if (!(error instanceof RedirectError)) throw error;
  }
  return { changed: (await fingerprint()) !== before, publicChanged: (await publicFingerprint()) !== publicBefore, status };
}

/** Cells run, for the closing figures. */
const cells = { run: 0, writes: 0, publicChanges: 0 };

beforeAll(async () => {
  tdb = createTempDatabase("authorization-matrix");
  process.env.DATABASE_URL = tdb.url;
  await seedDatabase(tdb.prisma);
  if (testPostgresServer()) {
    postgres = new Client({ connectionString: tdb.url });
    await postgres.connect();
  } else {
    sqlite = new Database(tdb.url.replace(/^file:/, ""), { readonly: true });
  }
  const kalsel = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "63" } });
  const other = await tdb.prisma.province.findUniqueOrThrow({ where: { code: "32" } });
  kalselId = kalsel.id;
  otherProvinceId = other.id;
  const made = [
    await createUserWithPassword({ email: "admin@example.org", role: "ADMIN", password: PASSWORDS["admin@example.org"]! }, tdb.prisma),
    await createUserWithPassword({ email: "editor-in@example.org", role: "EDITOR", provinceIds: [kalsel.id], password: PASSWORDS["editor-in@example.org"]! }, tdb.prisma),
    await createUserWithPassword({ email: "editor-out@example.org", role: "EDITOR", provinceIds: [other.id], password: PASSWORDS["editor-out@example.org"]! }, tdb.prisma),
  ];
  if (!made.every((m) => m.ok)) throw new Error("could not create users");
  admin = (await actorForUser((made[0] as { userId: string }).userId, "session", tdb.prisma))!;
  // Kalimantan Selatan land offices, regencies and police districts, in years that have a methodology and no result yet.
  const entities = await tdb.prisma.entity.findMany({ where: { provinceId: kalsel.id, type: { in: ["KANTOR_PERTANAHAN", "PEMKAB", "PEMKOT", "POLRES"] } }, orderBy: { id: "asc" } });
  const taken = new Set((await tdb.prisma.result.findMany({ select: { entityId: true, year: true } })).map((r) => `${r.entityId}|${r.year}`));
  freeTargets = [2022, 2023, 2021, 2025, 2024, 2019].flatMap((year) => entities.filter((e) => !taken.has(`${e.id}|${year}`)).map((e) => ({ entityId: e.id, year })));
});

afterAll(async () => {
  sqlite?.close();
  await postgres?.end();
  await tdb?.dispose();
});

describe("the authorization matrix", () => {
  it("has a rule for every write path in the code, and for nothing that is not one", () => {
    const found = writePathsInCode();
    expect(found.inline, "server actions declared inside components: move them to an actions file").toEqual([]);
    expect([...found.routes, ...found.actions].sort()).toEqual(Object.keys(WRITES).sort());
    for (const key of found.routes) expect(WRITES[key]!.kind, key).toBe("route");
    for (const key of found.actions) expect(WRITES[key]!.kind, key).toBe("action");
  });

  it("runs the write paths that can change a published result against one too", () => {
    const { routes, actions } = writePathsInCode();
    expect(Object.keys(PUBLISHED_TARGETS).filter((key) => ![...routes, ...actions].includes(key))).toEqual([]);
    // Every route handler and action that writes results (by the rule "scoped") but creates only.
    const notRun = Object.entries(WRITES).filter(([key, w]) => w.rule === "scoped" && !(key in PUBLISHED_TARGETS)).map(([key]) => key);
    expect(notRun.sort()).toEqual(["app/admin/instansi/actions.ts#saveEntityAction", "app/api/v1/results/route.ts#POST"]);
  });

  for (const key of Object.keys(WRITES)) {
    it(`${key}: happens exactly for the callers its rule allows; only a publication changes what the public sees`, async () => {
      const { rule, kind, publishes } = WRITES[key]!;
      const table: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of CALLERS) {
        // Server actions: Next.js refuses another origin before the action runs (e2e); here the
        // column is the admin's own call, which must go through.
        const cell = await runCell(WRITES[key]!.prepare, caller);
        cells.run++;
        if (cell.changed) cells.writes++;
        if (cell.publicChanged) cells.publicChanges++;
        if (cell.status !== null) expect(cell.status, `${key} as ${caller}`).toBeLessThan(500);
        table[caller] = cell.changed ? (cell.publicChanged ? "writes, public" : "writes") : cell.publicChanged ? "public only?" : "refused";
        expected[caller] = allowed(rule, caller, kind) ? (publishes ? "writes, public" : "writes") : "refused";
      }
      expect(table).toEqual(expected);
    });
  }

  for (const key of Object.keys(PUBLISHED_TARGETS)) {
    it(`${key} on a published result: happens for the callers its rule allows, as a pending revision; the public record never changes`, async () => {
      const { rule, kind } = WRITES[key]!;
      const table: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of CALLERS) {
        const revisionsBefore = await tdb.prisma.resultRevision.count();
        const cell = await runCell(PUBLISHED_TARGETS[key]!, caller);
        cells.run++;
        if (cell.changed) cells.writes++;
        if (cell.publicChanged) cells.publicChanges++;
        if (cell.status !== null) expect(cell.status, `${key} as ${caller}`).toBeLessThan(500);
        const pending = (await tdb.prisma.resultRevision.count()) > revisionsBefore;
        table[caller] = cell.publicChanged ? "public!" : cell.changed ? (pending ? "pending" : "writes") : "refused";
        expected[caller] = allowed(rule, caller, kind) ? "pending" : "refused";
      }
      expect(table).toEqual(expected);
    });
  }

  afterAll(() => {
    console.log(
      `authorization matrix: ${Object.keys(WRITES).length} write paths (${Object.keys(PUBLISHED_TARGETS).length} also against a published result), ` +
        `${cells.run} cells, ${cells.writes} writes, ${cells.publicChanges} changes to the public record (publications only)`,
    );
  });
});
