// postinstall: generate the Prisma client of each database (prisma/schema.prisma for SQLite,
// prisma/postgresql/schema.prisma for PostgreSQL). prisma.config.ts picks the schema from
// DATABASE_URL; generating contacts no database, the URL only has to name the provider.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prisma = join(root, "node_modules", ".bin", "prisma");
const generate = [
  ["SQLite", "file:./data/rapor.db"],
  ["PostgreSQL", "postgresql://localhost/rapor"],
];
for (const [name, url] of generate) {
  const result = spawnSync(prisma, ["generate"], { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) {
    console.error(`prisma generate for ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
