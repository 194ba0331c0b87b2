/** The database URL: DATABASE_URL, or the embedded SQLite file by default. */
export const DEFAULT_DATABASE_URL = "file:./data/rapor.db";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** The two databases Rapor runs on: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a URL names: file:… is SQLite, postgresql://… (or postgres://…) PostgreSQL. */
export function databaseProvider(url: string = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), not "${redactUrl(url)}"`);
}

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, "$1:***@");
}

/** The committed migrations of each database, from the repository root. */
export function migrationsFolder(provider: DatabaseProvider): string {
  return provider === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
}
