import { Client } from "pg";

/** Drop the run's database (the servers may still hold connections: FORCE closes them). */
export default async function dropDatabase(): Promise<void> {
  const url = process.env.E2E_PG_DATABASE_URL;
  if (!url) return;
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  parsed.pathname = "/postgres";
  const client = new Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
