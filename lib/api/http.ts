import { createHash } from "node:crypto";
import type { z } from "zod";
import { PUBLIC_CACHE_CONTROL } from "@/lib/server/cache-policy";

/** Public API responses: JSON with a strong ETag (304 on If-None-Match) and a short cache;
 * `maxAge` only for what no publish changes (the OpenAPI document, the province list). */
export function jsonResponse(request: Request, body: unknown, init: { status?: number; maxAge?: number } = {}): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    ETag: etag,
    "Cache-Control": init.maxAge === undefined ? PUBLIC_CACHE_CONTROL : `public, max-age=${init.maxAge}`,
    "Access-Control-Allow-Origin": "*",
  });
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: init.status ?? 200, headers });
}

export interface ApiErrorBody {
  error: string;
  message: string;
  issues?: { path: (string | number)[]; message: string; code: string }[];
}

export function apiError(status: 400 | 404 | 422, error: string, message: string, issues?: z.core.$ZodIssue[]): Response {
  const body: ApiErrorBody = { error, message };
  if (issues) {
    body.issues = issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message, code: i.code }));
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** Parse the query string with a zod schema; a 400 response with the issues when it fails. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): { ok: true; value: z.infer<S> } | { ok: false; response: Response } {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    return { ok: false, response: apiError(400, "bad_request", "Parameter kueri tidak valid.", parsed.error.issues) };
  }
  return { ok: true, value: parsed.data };
}
