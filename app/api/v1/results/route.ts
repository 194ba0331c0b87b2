import { jsonResponse, parseQuery } from "@/lib/api/http";
import { postResult } from "@/lib/api/result-handlers";
import { resultsQuerySchema } from "@/lib/api/schemas";
import { apiResults } from "@/lib/api/reads";

export const dynamic = "force-dynamic";

/** Published results (public, read-only), filterable and paginated. */
export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, resultsQuerySchema);
  if (!query.ok) return query.response;
  const { data, total } = await apiResults(query.value);
  return jsonResponse(request, { data, page: query.value.page, pageSize: query.value.pageSize, total });
}

/** Create a result (a draft). Session cookie or `Authorization: Bearer <API token>`. */
export function POST(request: Request): Promise<Response> {
  return postResult(request);
}
