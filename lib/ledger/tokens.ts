/** API tokens for the write API: random, shown once, stored as a SHA-256 hash, acting as their user. */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor } from "@/lib/ledger/access";
import { recordAudit } from "./audit";
import { db } from "@/lib/db/client";
import { forbidden, invalid, notFound, unauthenticated, type WriteOutcome } from "./outcome";
import { newTokenSchema, tokenIdSchema } from "./schemas/token";

const TOKEN_PREFIX = "rpr_";

// A 256-bit random token needs no slow hash: SHA-256 cannot be brute-forced back to it.
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the audit trail keeps of a token (never its value nor its hash); a revert restores revokedAt. */
export function tokenSnapshot(row: { name: string; prefix: string; userId: string; revokedAt: Date | null }) {
  return { name: row.name, prefix: row.prefix, userId: row.userId, revokedAt: row.revokedAt?.toISOString() ?? null };
}

export async function createApiToken(
  actor: Actor | null,
  userId: unknown,
  name: unknown,
  prisma: PrismaClient = db(),
): Promise<WriteOutcome<{ id: number; token: string }>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat membuat token API.");
  const parsed = newTokenSchema.safeParse({ userId, name });
  if (!parsed.success) return invalid(parsed.error.issues, parsed.error.issues[0]!.message);
  const user = await prisma.user.findUnique({ where: { id: parsed.data.userId } });
  if (!user) return notFound("Pengguna tidak ditemukan.");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: parsed.data.name, prefix: token.slice(0, 10), tokenHash: hashToken(token), userId: user.id, createdBy: actor.email },
    });
    await recordAudit(tx, actor, {
      action: "CREATE",
      targetType: "API_TOKEN",
      targetId: created.id,
      after: { name: created.name, prefix: created.prefix, userId: user.id, userEmail: user.email, revokedAt: null },
    });
    return created;
  });
  return { ok: true, value: { id: row.id, token } };
}

export async function revokeApiToken(actor: Actor | null, rawId: unknown, prisma: PrismaClient = db()): Promise<WriteOutcome<null>> {
  if (!actor) return unauthenticated();
  if (!isAdmin(actor)) return forbidden("Hanya admin yang dapat mencabut token API.");
  const parsed = tokenIdSchema.safeParse(rawId);
  if (!parsed.success) return notFound("Token tidak ditemukan.");
  const id = parsed.data;
  const row = await prisma.apiToken.findUnique({ where: { id } });
  if (!row || row.revokedAt) return notFound("Token tidak ditemukan.");
  await prisma.$transaction(async (tx) => {
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "DELETE",
      targetType: "API_TOKEN",
      targetId: id,
      before: tokenSnapshot(row),
      after: tokenSnapshot(after),
    });
  });
  return { ok: true, value: null };
}

/** The actor a bearer token acts as, or null for an unknown, revoked or deactivated one. */
export async function actorFromApiToken(token: string, prisma: PrismaClient = db()): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { scopes: true } } },
  });
  if (!row || row.revokedAt || !row.user.active) return null;
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return {
    userId: row.user.id,
    email: row.user.email,
    role: row.user.role === "ADMIN" ? "ADMIN" : "EDITOR",
    provinceIds: row.user.scopes.map((s) => s.provinceId),
    via: `api-token:${row.id}`,
  };
}

export async function listApiTokens(prisma: PrismaClient = db()) {
  return prisma.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: true, user: { select: { email: true } } },
  });
}
