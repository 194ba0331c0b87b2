/**
 * The write API's handlers: refuse another origin or another body type (request-guard.ts) →
 * identify the caller (session cookie or bearer token) → act through lib/ledger/results.ts
 * (which validates, checks the role and audits) → answer with a precise status: 201/200/204,
 * 401, 403, 404, 409 (duplicate or stale version), 415, 422 with the zod issues, 428 (a change
 * or delete that does not say which version it was made on).
 */
import { actorFromHeaders } from "@/lib/auth/actor";
import { parseId } from "@/lib/domain/numbers";
import { afterWrite } from "@/lib/server/after-write";
import { refuseUnsafeWrite } from "./request-guard";
import { createResult, deleteResult, updateResult } from "@/lib/ledger/results";
import type { WriteFailure, WriteOutcome } from "@/lib/ledger/outcome";

function failure(outcome: WriteFailure): Response {
  const { ok: _ok, status, ...body } = outcome;
  void _ok;
  if ("fieldErrors" in body) delete (body as { fieldErrors?: unknown }).fieldErrors;
  return Response.json(body, { status });
}

function answer<T>(outcome: WriteOutcome<T>, status: number): Response {
  if (!outcome.ok) return failure(outcome);
  afterWrite();
  return status === 204 ? new Response(null, { status }) : Response.json(outcome.value, { status });
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const badJson = () =>
  Response.json({ error: "invalid", message: "Badan permintaan harus objek JSON.", issues: [] }, { status: 422 });

const unauthenticated = () =>
  Response.json({ error: "unauthenticated", message: "Masuk atau kirim token API (Authorization: Bearer …)." }, { status: 401 });

type VersionGiven = { ok: true; version: number | null } | { ok: false; response: Response };

/**
 * The version the caller last saw: If-Match header ("3" or 3), or `version` in the body or the
 * query. null when none is given (the write then answers 428); a value that is not a version
 * (digits only, "1e3" is not one) is a 422.
 */
function expectedVersion(request: Request, body?: Record<string, unknown> | null): VersionGiven {
  const ifMatch = request.headers.get("if-match")?.trim().replace(/^W\//, "").replace(/^"(.*)"$/, "$1");
  const candidates = [ifMatch, body?.version, new URL(request.url).searchParams.get("version")];
  for (const c of candidates) {
    if (c === undefined || c === null || c === "") continue;
    const version = parseId(c);
    if (version === null) {
      return {
        ok: false,
        response: Response.json(
          { error: "invalid", message: "Versi harus bilangan bulat positif (angka saja).", issues: [{ path: ["version"], message: "Versi tidak valid.", code: "custom" }] },
          { status: 422 },
        ),
      };
    }
    return { ok: true, version };
  }
  return { ok: true, version: null };
}

const notFound = () => Response.json({ error: "not_found", message: "Hasil tidak ditemukan." }, { status: 404 });

export async function postResult(request: Request): Promise<Response> {
  const refused = refuseUnsafeWrite(request, "json");
  if (refused) return refused;
  const actor = await actorFromHeaders(request.headers);
  if (!actor) return unauthenticated();
  const body = await jsonBody(request);
  if (!body) return badJson();
  return answer(await createResult(actor, body), 201);
}

export async function patchResult(request: Request, rawId: string): Promise<Response> {
  const refused = refuseUnsafeWrite(request, "json");
  if (refused) return refused;
  const actor = await actorFromHeaders(request.headers);
  if (!actor) return unauthenticated();
  const id = parseId(rawId);
  if (id === null) return notFound();
  const body = await jsonBody(request);
  if (!body) return badJson();
  const version = expectedVersion(request, body);
  if (!version.ok) return version.response;
  // The version travels apart; id and status are not fields a PATCH may set.
  const patch = Object.fromEntries(Object.entries(body).filter(([key]) => !["version", "id", "status"].includes(key)));
  return answer(await updateResult(actor, id, patch, version.version), 200);
}

export async function deleteResultRequest(request: Request, rawId: string): Promise<Response> {
  const refused = refuseUnsafeWrite(request, "json");
  if (refused) return refused;
  const actor = await actorFromHeaders(request.headers);
  if (!actor) return unauthenticated();
  const id = parseId(rawId);
  if (id === null) return notFound();
  const version = expectedVersion(request);
  if (!version.ok) return version.response;
  return answer(await deleteResult(actor, id, version.version), 204);
}
