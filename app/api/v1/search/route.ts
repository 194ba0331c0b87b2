import { jsonResponse, parseQuery } from "@/lib/api/http";
import { apiSearch } from "@/lib/api/reads";
import { searchQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** The search box's suggestions: a pure function of the public record and the query, so the
 * server's response cache keeps each answer until the data changes. */
export async function GET(request: Request): Promise<Response> {
  const query = parseQuery(request, searchQuerySchema);
  if (!query.ok) return query.response;
  return jsonResponse(request, await apiSearch(query.value));
}
