/**
 * A user's column mapping, remembered for the next file (the ImportMapping table: in the
 * database, so that any instance of the app finds it). Only the admin's own decisions are kept —
 * a column chosen on the screen or mapped so before — never what the names alone tell.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { ColumnMapping } from "./headers";

export async function rememberedMapping(userId: string, prisma: PrismaClient = db()): Promise<Map<string, string>> {
  const rows = await prisma.importMapping.findMany({ where: { userId }, select: { headerKey: true, column: true } });
  return new Map(rows.map((r) => [r.headerKey, r.column]));
}

export async function rememberMapping(userId: string, columns: readonly ColumnMapping[], prisma: PrismaClient = db()): Promise<void> {
  const decided = columns.filter((c) => c.key !== "" && (c.source === "chosen" || c.source === "remembered"));
  if (decided.length === 0) return;
  await prisma.$transaction(
    decided.map((c) =>
      prisma.importMapping.upsert({
        where: { userId_headerKey: { userId, headerKey: c.key } },
        create: { userId, headerKey: c.key, column: c.column ?? "" },
        update: { column: c.column ?? "" },
      }),
    ),
  );
}
