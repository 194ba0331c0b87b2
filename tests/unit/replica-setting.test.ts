import { afterEach, describe, expect, it } from "vitest";
import { replicaUrl } from "@/lib/db/replica";

describe("DATABASE_REPLICA_URL", () => {
  const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };
  afterEach(() => {
    for (const [key, value] of [["DATABASE_URL", saved.url], ["DATABASE_REPLICA_URL", saved.replica]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("is optional", () => {
    delete process.env.DATABASE_REPLICA_URL;
    expect(replicaUrl()).toBeNull();
    process.env.DATABASE_REPLICA_URL = "  ";
    expect(replicaUrl()).toBeNull();
  });

  it("is a PostgreSQL replica of a PostgreSQL primary", () => {
    process.env.DATABASE_URL = "postgresql://rapor@db-primary:5432/rapor";
    process.env.DATABASE_REPLICA_URL = "postgresql://rapor@db-replica:5432/rapor";
    expect(replicaUrl()).toBe("postgresql://rapor@db-replica:5432/rapor");
  });

  it("is refused, with the reason, beside a SQLite primary or when it is not PostgreSQL", () => {
    process.env.DATABASE_URL = "file:./data/rapor.db";
    process.env.DATABASE_REPLICA_URL = "postgresql://rapor@db-replica:5432/rapor";
    expect(() => replicaUrl()).toThrow("DATABASE_REPLICA_URL is set, but DATABASE_URL is not PostgreSQL");
    process.env.DATABASE_URL = "postgresql://rapor@db-primary:5432/rapor";
    process.env.DATABASE_REPLICA_URL = "file:./data/replica.db";
    expect(() => replicaUrl()).toThrow("DATABASE_REPLICA_URL must be a postgresql:// URL");
  });
});
