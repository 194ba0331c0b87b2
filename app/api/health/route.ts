import { join } from "node:path";
import { db, providerOf } from "@/lib/db/client";
import { migrationsFolder } from "@/lib/db/url";
import { databaseHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers and every migration of this code is applied; 503 otherwise. Never cached. */
export async function GET(): Promise<Response> {
  const prisma = db();
  const health = await databaseHealth(prisma, join(process.cwd(), migrationsFolder(providerOf(prisma))));
  return Response.json(
    { status: health.ok ? "ok" : "unavailable", ...health },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
