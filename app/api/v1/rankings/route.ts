import { jsonResponse, parseQuery } from "@/lib/api/http";
import { rankingsQuerySchema } from "@/lib/api/schemas";
import { apiRankings } from "@/lib/api/reads";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, rankingsQuerySchema);
  if (!query.ok) return query.response;
  const { data, total } = await apiRankings(query.value);
  return jsonResponse(request, { data, page: query.value.page, pageSize: query.value.pageSize, total });
}
