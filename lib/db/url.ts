/** The database URL: DATABASE_URL, or the embedded SQLite file by default. */
export const DEFAULT_DATABASE_URL = "file:./data/rapor.db";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}
