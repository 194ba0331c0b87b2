import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { Client } from "pg";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

const ROOT = resolve(__dirname, "..", "..");

export interface TempDatabase {
  url: string;
  prisma: PrismaClient;
  dispose: () => Promise<void>;
}

/**
 * The PostgreSQL server the integration suite runs on, when it runs on PostgreSQL
 * (`npm test` starts a throwaway one and sets it); null on SQLite.
 */
export function testPostgresServer(): string | null {
  return process.env.RAPOR_TEST_POSTGRES_URL?.trim() || null;
}

/**
 * A fresh database with every migration applied: a SQLite file through the real Prisma CLI,
 * or, when the suite runs on PostgreSQL, a new database on that server through `db:migrate`.
 */
export function createTempDatabase(name: string): TempDatabase {
  const server = testPostgresServer();
  return server ? createTempPostgresDatabase(name, server) : createTempSqliteDatabase(name);
}

/** A fresh SQLite file, whichever database the suite runs on. */
export function createTempSqliteDatabase(name: string): TempDatabase {
  const dir = join(ROOT, "tests", ".tmp");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${process.pid}-${Date.now()}.db`);
  const url = `file:${file}`;
  const result = spawnSync(join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed: ${result.stderr}${result.stdout}`);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    dispose: async () => {
      await prisma.$disconnect();
      for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

function createTempPostgresDatabase(name: string, server: string): TempDatabase {
  // On PostgreSQL the session secret must be shared by every instance, so it is never generated:
  // the suite's own, for its own sessions.
  process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const database = `t_${name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${process.pid}_${Date.now()}`.slice(0, 63);
  const parsed = new URL(server);
  parsed.pathname = `/${database}`;
  const url = parsed.toString();
  const result = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/db-migrate.ts", "--create-database"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`db:migrate failed: ${result.stderr}${result.stdout}`);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    dispose: async () => {
      await prisma.$disconnect();
      const admin = new Client({ connectionString: server });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * A copy of a temp database whose client is disconnected: a copy of the file on SQLite,
 * CREATE DATABASE … TEMPLATE on PostgreSQL.
 */
export async function copyTempDatabase(source: TempDatabase, name: string): Promise<TempDatabase> {
  const server = testPostgresServer();
  if (!server) {
    const from = source.url.slice("file:".length);
    const file = `${from}.${name}.db`;
    copyFileSync(from, file);
    const prisma = createPrismaClient(`file:${file}`);
    return {
      url: `file:${file}`,
      prisma,
      dispose: async () => {
        await prisma.$disconnect();
        for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const template = new URL(source.url).pathname.slice(1);
  const database = `${template}_${name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`.slice(0, 63);
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const parsed = new URL(server);
  parsed.pathname = `/${database}`;
  const url = parsed.toString();
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    dispose: async () => {
      await prisma.$disconnect();
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
