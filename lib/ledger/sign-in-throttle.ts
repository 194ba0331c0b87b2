/**
 * Failed sign-ins per email address. After MAX_FAILURES failures within the window, sign-in
 * for that address is refused for a lock period that doubles with each further failure
 * (capped). Kept in the database so restarts and several server processes share it.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 5 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;

const keyOf = (email: string) => email.trim().toLowerCase();

/** When sign-in for this email is refused until (null: allowed now). */
export async function signInLockedUntil(email: string, now = new Date(), prisma: PrismaClient = db()): Promise<Date | null> {
  const row = await prisma.signInThrottle.findUnique({ where: { key: keyOf(email) } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function recordFailedSignIn(email: string, now = new Date(), prisma: PrismaClient = db()): Promise<void> {
  const key = keyOf(email);
  const row = await prisma.signInThrottle.findUnique({ where: { key } });
  const fresh = !row || now.getTime() - row.firstFailureAt.getTime() > WINDOW_MS && !(row.lockedUntil && row.lockedUntil > now);
  const failures = fresh ? 1 : row.failures + 1;
  const lockedUntil =
    failures >= MAX_FAILURES
      ? new Date(now.getTime() + Math.min(BASE_LOCK_MS * 2 ** (failures - MAX_FAILURES), MAX_LOCK_MS))
      : null;
  await prisma.signInThrottle.upsert({
    where: { key },
    create: { key, failures, firstFailureAt: now, lockedUntil },
    update: { failures, firstFailureAt: fresh ? now : row.firstFailureAt, lockedUntil },
  });
}

export async function clearFailedSignIns(email: string, prisma: PrismaClient = db()): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: keyOf(email) } });
}
