/** Admin accounts: creation (with a scrypt-hashed password), roles, province scopes. */
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { newUserSchema, userAccessSchema, type NewUserInput, type UserAccess, type UserAccessInput } from "./schemas/user";
import { recordAudit } from "./audit";
import { db } from "@/lib/db/client";
import { forbidden, invalid, notFound, unauthenticated, type WriteOutcome } from "./outcome";

/** The actor of a user id, or null when the user is unknown or deactivated. */
export async function actorForUser(userId: string, via: string, prisma: PrismaClient = db()): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { scopes: true } });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    email: user.email,
    role: user.role === "ADMIN" ? "ADMIN" : "EDITOR",
    provinceIds: user.scopes.map((s) => s.provinceId),
    via,
  };
}

/** An id in better-auth's format: 32 random characters. */
function newId(): string {
  return randomBytes(24).toString("base64url");
}

const firstMessage = (error: z.ZodError) => error.issues[0]?.message ?? "Isian tidak valid.";

/** Whether `ids` names a province that does not exist (a scope may only name real ones). */
async function hasUnknownProvince(prisma: PrismaClient | Prisma.TransactionClient, ids: readonly number[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  return unique.length > 0 && (await prisma.province.count({ where: { id: { in: unique } } })) !== unique.length;
}

/**
 * Create a user with an email + password credential, hashed with better-auth's own scrypt
 * (the hash its sign-in verifies). Used by `npm run admin:create` (no actor: the first admin)
 * and by admins in /admin/pengguna.
 */
export async function createUserWithPassword(
  input: NewUserInput,
  prisma: PrismaClient = db(),
): Promise<{ ok: true; userId: string } | { ok: false; message: string }> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstMessage(parsed.error) };
  const user = parsed.data;
  if (await hasUnknownProvince(prisma, user.provinceIds)) return { ok: false, message: "Provinsi tidak ditemukan." };
  if (await prisma.user.findUnique({ where: { email: user.email } })) return { ok: false, message: `${user.email} sudah terdaftar.` };
  const hash = await hashPassword(user.password);
  const id = newId();
  await prisma.user.create({
    data: {
      id,
      email: user.email,
      name: user.name || user.email,
      emailVerified: true,
      role: user.role,
      accounts: { create: { id: newId(), accountId: id, providerId: "credential", password: hash } },
      scopes: { create: user.provinceIds.map((provinceId) => ({ provinceId })) },
    },
  });
  return { ok: true, userId: id };
}

/** An admin creates a user (audited; the password is never recorded). */
export async function adminCreateUser(actor: Actor | null, input: NewUserInput, prisma: PrismaClient = db()): Promise<WriteOutcome<{ userId: string }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mengelola pengguna.");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues, firstMessage(parsed.error));
  const created = await createUserWithPassword(parsed.data, prisma);
  if (!created.ok) return invalid([{ code: "custom", path: ["email"], message: created.message, input: undefined }], created.message);
  const { email, role, provinceIds } = parsed.data;
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, actor, { action: "CREATE", targetType: "USER", targetId: created.userId, after: { email, role, active: true, provinceIds } });
  });
  return { ok: true, value: { userId: created.userId } };
}

/** An admin changes a user's role, scopes or active flag. */
export async function updateUserAccess(
  actor: Actor | null,
  userId: string,
  input: UserAccessInput,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<null>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mengelola pengguna.");
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { scopes: true } });
  if (!user) return notFound("Pengguna tidak ditemukan.");
  const parsed = userAccessSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues, firstMessage(parsed.error));
  const change = parsed.data;
  if (await hasUnknownProvince(prisma, change.provinceIds)) {
    return invalid([{ code: "custom", path: ["provinceIds"], message: "Provinsi tidak ditemukan.", input: undefined }], "Provinsi tidak ditemukan.");
  }
  if (userId === actor.userId && (change.role !== "ADMIN" || !change.active)) {
    return forbidden("Anda tidak dapat mencabut hak admin atau menonaktifkan akun Anda sendiri.");
  }
  await prisma.$transaction(async (tx) => {
    await writeUserAccess(tx, userId, change);
    await recordAudit(tx, actor, {
      action: "UPDATE",
      targetType: "USER",
      targetId: userId,
      before: { role: user.role, active: user.active, provinceIds: user.scopes.map((s) => s.provinceId) },
      after: { role: change.role, active: change.active, provinceIds: [...change.provinceIds] },
    });
  });
  return { ok: true, value: null };
}

/** Set a user's role, scopes and active flag (in the caller's transaction); a deactivated user's sessions end. */
export async function writeUserAccess(tx: Prisma.TransactionClient, userId: string, change: UserAccess): Promise<void> {
  await tx.editorScope.deleteMany({ where: { userId } });
  await tx.user.update({
    where: { id: userId },
    data: { role: change.role, active: change.active, scopes: { create: change.provinceIds.map((provinceId) => ({ provinceId })) } },
  });
  // A deactivated user's open sessions end now.
  if (!change.active) await tx.session.deleteMany({ where: { userId } });
}

/** Sign a user out everywhere but in the session it is using (after a password change). */
export async function endOtherSessions(userId: string, keepSessionId: string, prisma: PrismaClient = db()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}

export async function listUsers(prisma: PrismaClient = db()) {
  return prisma.user.findMany({
    orderBy: { email: "asc" },
    include: { scopes: { include: { province: { select: { id: true, name: true } } } } },
  });
}
