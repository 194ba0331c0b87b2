import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

const ROOT = resolve(__dirname, "..", "..");

export interface TempDatabase {
  url: string;
  prisma: PrismaClient;
  dispose: () => Promise<void>;
}

/** A fresh SQLite file with every migration applied through the real Prisma CLI. */
export function createTempDatabase(name: string): TempDatabase {
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
