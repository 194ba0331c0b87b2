import { jsonResponse } from "@/lib/api/http";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return jsonResponse(request, buildOpenApiDocument(), { maxAge: 3600 });
}
