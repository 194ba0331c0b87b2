import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { databaseProvider } from "@/lib/db/url";

/** Where a generated secret is kept when BETTER_AUTH_SECRET is not set (git-ignored). */
export const SECRET_FILE = join(process.cwd(), "data", ".auth-secret");

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET, or else (SQLite only) one
 * generated once and kept in data/.auth-secret so sessions survive restarts. Never a value
 * written in the code.
 */
export function authSecret(file = SECRET_FILE): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  // On PostgreSQL several instances may serve the same users: a secret kept on one machine's
  // disk would make each instance refuse the others' session cookies.
  if (databaseProvider() === "postgresql") {
    throw new Error("BETTER_AUTH_SECRET is not set: on PostgreSQL every instance must sign sessions with the same secret (e.g. openssl rand -base64 32)");
  }
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  if (process.env.NODE_ENV === "production" && !process.env.RAPOR_QUIET_SECRET) {
    console.warn(`rapor: BETTER_AUTH_SECRET is not set; using a generated secret kept in ${file}`);
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
