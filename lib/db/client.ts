import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/db/url";
import { RaporSqliteAdapter } from "@/lib/db/sqlite";

/** Create a Prisma client on the embedded SQLite database (or the given URL), with Rapor's
 * pragmas (WAL, synchronous, foreign keys, busy timeout: lib/db/sqlite.ts). */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new RaporSqliteAdapter(url) });
}

// One client per server process (Next dev reloads modules, so keep it on globalThis).
const globalForPrisma = globalThis as unknown as { raporPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.raporPrisma ??= createPrismaClient();
  return globalForPrisma.raporPrisma;
}

export type { PrismaClient };
