import { jsonResponse, parseQuery } from "@/lib/api/http";
import { entitiesQuerySchema } from "@/lib/api/schemas";
import { apiEntities } from "@/lib/api/reads";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, entitiesQuerySchema);
  if (!query.ok) return query.response;
  const { data, total } = await apiEntities(query.value);
  return jsonResponse(request, { data, page: query.value.page, pageSize: query.value.pageSize, total });
}
