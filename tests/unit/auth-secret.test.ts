import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/secret";

describe("authSecret", () => {
  const saved = { url: process.env.DATABASE_URL, secret: process.env.BETTER_AUTH_SECRET };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "rapor-secret-"));
    delete process.env.BETTER_AUTH_SECRET;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of [["DATABASE_URL", saved.url], ["BETTER_AUTH_SECRET", saved.secret]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("is BETTER_AUTH_SECRET when set, on either database", () => {
    process.env.BETTER_AUTH_SECRET = "a-secret-given-by-the-operator-0123456789";
    process.env.DATABASE_URL = "postgresql://rapor@127.0.0.1:5432/rapor";
    expect(authSecret(join(dir, "s"))).toBe("a-secret-given-by-the-operator-0123456789");
  });

  it("on SQLite, is generated once and kept in the file", () => {
    process.env.DATABASE_URL = "file:./data/rapor.db";
    const file = join(dir, "s");
    const first = authSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(authSecret(file)).toBe(first);
  });

  it("on PostgreSQL, is never generated: each instance would sign with its own", () => {
    process.env.DATABASE_URL = "postgresql://rapor@127.0.0.1:5432/rapor";
    const file = join(dir, "s");
    expect(() => authSecret(file)).toThrow(/BETTER_AUTH_SECRET is not set: on PostgreSQL every instance must sign sessions with the same secret/);
    expect(existsSync(file)).toBe(false);
  });
});
