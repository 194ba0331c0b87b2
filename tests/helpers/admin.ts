/**
 * Test helpers for the admin: mocks of Next's request APIs (so server actions run in Vitest
 * with a chosen cookie), users with real scrypt passwords, real better-auth sessions, and a
 * fingerprint of everything a write may touch (to prove a rejected write changed nothing).
 */
import { createHash } from "node:crypto";
import { auth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/ledger/access";
import type { PrismaClient } from "@/lib/db/client";

export class RedirectError extends Error {
  constructor(public readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}

/** The request the mocked next/headers answers with; tests set its cookie or authorization. */
export const currentRequest = { headers: new Headers() };

export function actAs(cookieOrNull: string | null): void {
  currentRequest.headers = new Headers(cookieOrNull ? { cookie: cookieOrNull } : {});
}

/** Sign in through better-auth and return the Cookie header a browser would send. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export function formData(values: Record<string, string | number | undefined>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) form.set(key, String(value));
  return form;
}

/** Run a void server action; return the URL it redirected to. */
export async function redirectOf(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof RedirectError) return error.url;
    throw error;
  }
  throw new Error("the action did not redirect");
}

export async function dbFingerprint(prisma: PrismaClient): Promise<string> {
  const state = {
    results: await prisma.result.findMany({ orderBy: { id: "asc" } }),
    sources: await prisma.resultSource.count(),
    revisions: await prisma.resultRevision.findMany({ orderBy: { id: "asc" }, include: { sources: { orderBy: { id: "asc" } } } }),
    audit: await prisma.auditLog.count(),
    entities: await prisma.entity.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, provinceId: true, type: true } }),
    aliases: await prisma.entityAlias.count(),
    bands: await prisma.methodologyBand.findMany({ orderBy: { id: "asc" } }),
    methodologies: await prisma.methodology.findMany({ orderBy: { year: "asc" }, select: { year: true, name: true, bandsVerified: true } }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, active: true } }),
    scopes: await prisma.editorScope.count(),
    tokens: await prisma.apiToken.findMany({ orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
  };
  return createHash("sha256").update(JSON.stringify(state)).digest("hex");
}

export function apiRequest(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://127.0.0.1${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export type { Actor };
