import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { RaporSqliteAdapter } from "@/lib/db/sqlite";
import { databaseProvider, databaseUrl, type DatabaseProvider } from "@/lib/db/url";

/**
 * Create a Prisma client on DATABASE_URL (or the given URL): the embedded SQLite file, with
 * Rapor's pragmas (WAL, synchronous, foreign keys, busy timeout: lib/db/sqlite.ts), or
 * PostgreSQL for a postgresql:// URL. The code uses one PrismaClient type: the PostgreSQL client
 * is generated from the same models (prisma/postgresql/schema.prisma is generated from
 * prisma/schema.prisma; a test keeps them equal), so it answers the same calls.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return databaseProvider(url) === "postgresql"
    ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient)
    : new PrismaClient({ adapter: new RaporSqliteAdapter(url) });
}

/**
 * The database a client (or a transaction's client) talks to, for the few queries whose SQL
 * differs. Prisma keeps it on every client as `_activeProvider`; DATABASE_URL decides otherwise.
 */
export function providerOf(client: object): DatabaseProvider {
  const active = (client as { _activeProvider?: unknown })._activeProvider;
  return active === "postgresql" || active === "sqlite" ? active : databaseProvider();
}

// One client per server process (Next dev reloads modules, so keep it on globalThis).
const globalForPrisma = globalThis as unknown as { raporPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.raporPrisma ??= createPrismaClient();
  return globalForPrisma.raporPrisma;
}

export type { PrismaClient };
