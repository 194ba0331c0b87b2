/**
 * The write API's handlers: parse → identify the caller (session cookie or bearer token) →
 * act through lib/ledger/results.ts (which validates, checks the role and audits) →
 * answer with a precise status: 201/200/204, 401, 403, 404, 409 (duplicate or stale
 * version), 422 with the zod issues.
 */
import { actorFromHeaders } from "@/lib/auth/actor";
import { afterWrite } from "@/lib/server/after-write";
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

/** The version the caller last saw: If-Match header, or `version` in the body / query. */
function expectedVersion(request: Request, body?: Record<string, unknown> | null): number | null {
  const candidates = [request.headers.get("if-match")?.replace(/"/g, ""), body?.version, new URL(request.url).searchParams.get("version")];
  for (const c of candidates) {
    const n = Number(c);
    if (c !== undefined && c !== null && c !== "" && Number.isInteger(n) && n > 0) return n;
  }
  return null;
}

function parseId(raw: string): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export async function postResult(request: Request): Promise<Response> {
  const actor = await actorFromHeaders(request.headers);
  if (!actor) return unauthenticated();
  const body = await jsonBody(request);
  if (!body) return badJson();
  return answer(await createResult(actor, body), 201);
}

export async function patchResult(request: Request, rawId: string): Promise<Response> {
  const actor = await actorFromHeaders(request.headers);
  if (!actor) return unauthenticated();
  const id = parseId(rawId);
  if (id === null) return Response.json({ error: "not_found", message: "Hasil tidak ditemukan." }, { status: 404 });
  const body = await jsonBody(request);
  if (!body) return badJson();
  const version = expectedVersion(request, body);
  // The version travels apart; id and status are not fields a PATCH may set.
  const patch = Object.fromEntries(Object.entries(body).filter(([key]) => !["version", "id", "status"].includes(key)));
  return answer(await updateResult(actor, id, patch, version), 200);
}

export async function deleteResultRequest(request: Request, rawId: string): Promise<Response> {
  const actor = await actorFromHeaders(request.headers);
  if (!actor) return unauthenticated();
  const id = parseId(rawId);
  if (id === null) return Response.json({ error: "not_found", message: "Hasil tidak ditemukan." }, { status: 404 });
  return answer(await deleteResult(actor, id, expectedVersion(request)), 204);
}
