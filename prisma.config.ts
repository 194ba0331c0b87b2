import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, databaseUrl, migrationsFolder } from "./lib/db/url";
import { RaporSqliteAdapter } from "./lib/db/sqlite";

// The schema engine runs as WebAssembly through the driver adapter: no binary download.
process.env.DATABASE_URL = databaseUrl();
const url = databaseUrl();
// DATABASE_URL=postgresql://… selects the PostgreSQL schema (generated from the SQLite one by
// `npm run db:schema`) and its migrations. `prisma migrate deploy` cannot apply them through
// the adapter yet (prisma/orm#27403): `npm run db:migrate` does (lib/db/migrate.ts).
const postgres = databaseProvider(url) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: migrationsFolder(postgres ? "postgresql" : "sqlite") },
  // On SQLite the same pragmas as the app (WAL above all): a migration leaves the file in WAL mode.
  adapter: async () => (postgres ? new PrismaPg({ connectionString: url }) : new RaporSqliteAdapter(url)),
});
