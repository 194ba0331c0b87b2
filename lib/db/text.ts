import { providerOf } from "@/lib/db/client";

/**
 * "Contains this text, ignoring case", the same on both databases. SQLite's LIKE ignores the
 * case of ASCII letters; PostgreSQL's is case-sensitive, so there the filter asks for ILIKE
 * (Prisma's mode "insensitive"; with the "C" collation of our text columns it too folds ASCII
 * letters only).
 */
export function containsText(client: object, text: string): { contains: string } {
  if (providerOf(client) === "sqlite") return { contains: text };
  const filter = { contains: text, mode: "insensitive" as const };
  return filter;
}
