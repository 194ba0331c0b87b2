import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/db/url";
import { RaporSqliteAdapter } from "./lib/db/sqlite";

// The schema engine runs as WebAssembly through the driver adapter: no binary download.
process.env.DATABASE_URL = databaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // The same pragmas as the app (WAL above all): a migration leaves the file in WAL mode.
  adapter: async () => new RaporSqliteAdapter(databaseUrl()),
});
