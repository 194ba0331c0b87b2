/**
 * Per-account lockout on every path that checks a password, as a better-auth plugin: its hooks
 * run both for HTTP calls (/api/auth/sign-in/email, /api/auth/change-password) and for the
 * server-side calls the admin forms make (auth().api.signInEmail / changePassword), so no path
 * escapes the count. The counter itself (lib/ledger/sign-in-throttle.ts) is in the database:
 * restarts and several server processes share it.
 *
 * - Before a sign-in: an address that is locked is refused with 429 ACCOUNT_LOCKED, whatever
 *   the password, without checking it.
 * - After a sign-in: a wrong email or password (401) counts one failure; a success clears them.
 * - A wrong current password on a password change counts against the signed-in account too (a
 *   stolen session must not become a way to guess the password), and a locked account cannot
 *   change its password until the lock ends.
 *
 * better-auth's own per-IP limit stays on top, keyed by the client IP the production server
 * resolves (lib/server/client-ip.ts).
 */
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clearFailedSignIns, recordFailedSignIn, signInLockedUntil } from "@/lib/ledger/sign-in-throttle";

export const ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

const SIGN_IN = "/sign-in/email";
const CHANGE_PASSWORD = "/change-password";

/** The 429 a locked account gets: the time it ends, for the form's message and Retry-After. */
export function accountLockedError(lockedUntil: Date, now = new Date()): APIError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: ACCOUNT_LOCKED, message: "Too many failed attempts for this account; try again later.", lockedUntil: lockedUntil.toISOString() },
    { "Retry-After": String(seconds) },
  );
}

/** Is this error the lockout's (from a direct auth().api call)? Then when does it end. */
export function lockedUntilOf(error: unknown): Date | null {
  if (!isAPIError(error)) return null;
  const body = (error as { body?: { code?: unknown; lockedUntil?: unknown } }).body;
  if (body?.code !== ACCOUNT_LOCKED || typeof body.lockedUntil !== "string") return null;
  const until = new Date(body.lockedUntil);
  return Number.isNaN(until.getTime()) ? null : until;
}

const statusOf = (value: unknown): number | null => (isAPIError(value) ? Number((value as { statusCode?: number }).statusCode) : null);
const codeOf = (value: unknown): unknown => (isAPIError(value) ? (value as { body?: { code?: unknown } }).body?.code : undefined);

export function accountLockout(prisma: () => PrismaClient): BetterAuthPlugin {
  const emailOfBody = (body: unknown): string | null => {
    const email = (body as { email?: unknown } | null | undefined)?.email;
    return typeof email === "string" && email.trim() !== "" ? email : null;
  };
  return {
    id: "rapor-account-lockout",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOfBody(ctx.body);
            if (!email) return;
            const until = await signInLockedUntil(email, new Date(), prisma());
            if (until) throw accountLockedError(until);
          }),
        },
        {
          matcher: (ctx) => ctx.path === CHANGE_PASSWORD,
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx);
            if (!session) return;
            const until = await signInLockedUntil(session.user.email, new Date(), prisma());
            if (until) throw accountLockedError(until);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOfBody(ctx.body);
            if (!email) return;
            const returned = ctx.context.returned;
            if (!isAPIError(returned)) await clearFailedSignIns(email, prisma());
            else if (statusOf(returned) === 401) await recordFailedSignIn(email, new Date(), prisma());
          }),
        },
        {
          matcher: (ctx) => ctx.path === CHANGE_PASSWORD,
          handler: createAuthMiddleware(async (ctx) => {
            if (codeOf(ctx.context.returned) !== "INVALID_PASSWORD") return;
            const session = await getSessionFromCtx(ctx);
            if (session) await recordFailedSignIn(session.user.email, new Date(), prisma());
          }),
        },
      ],
    },
  };
}
