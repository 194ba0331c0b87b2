import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db, providerOf } from "@/lib/db/client";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/ledger/schemas/user";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { accountLockout } from "./lockout";
import { authSecret } from "./secret";

/**
 * better-auth on our Prisma client. Email + password only, no self sign-up (users are made
 * by `npm run admin:create` and by admins). Passwords are hashed with better-auth's default
 * scrypt (memory-hard). Session cookies are httpOnly, SameSite=Lax, and Secure in production.
 */
export function createAuth(prisma: PrismaClient) {
  return betterAuth({
    appName: "Rapor",
    secret: authSecret(),
    baseURL: process.env.BETTER_AUTH_URL,
    // Without BETTER_AUTH_URL the origin comes from each request, which suits this app (no
    // OAuth callbacks); the warning about it only clutters test output.
    logger: { level: process.env.NODE_ENV === "test" ? "error" : "warn" },
    database: prismaAdapter(prisma, { provider: providerOf(prisma) }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "EDITOR", input: false },
        active: { type: "boolean", required: false, defaultValue: true, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    // HTTP calls to /api/auth/* are counted per client IP in the database; every sign-in, by
    // HTTP or from the form, is also counted per account (lib/auth/lockout.ts).
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 5 } },
    },
    // The client IP is the one header the production server sets itself, from the connection
    // and RAPOR_TRUSTED_PROXIES (lib/server/front-door.ts), replacing whatever a client sent:
    // a changing X-Forwarded-For no longer gives a fresh rate-limit budget.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user gets no session, whatever the path.
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { active: true } });
            if (!user?.active) return false;
          },
        },
      },
    },
    plugins: [accountLockout(() => prisma), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { raporAuth?: Auth };

/** One better-auth instance per server process, on the process's Prisma client. */
export function auth(): Auth {
  globalForAuth.raporAuth ??= createAuth(db());
  return globalForAuth.raporAuth;
}
