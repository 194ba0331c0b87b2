import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/db/url";

/** Create a Prisma client on the embedded SQLite database (or the given URL). */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

// One client per server process (Next dev reloads modules, so keep it on globalThis).
const globalForPrisma = globalThis as unknown as { raporPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.raporPrisma ??= createPrismaClient();
  return globalForPrisma.raporPrisma;
}

export type { PrismaClient };
