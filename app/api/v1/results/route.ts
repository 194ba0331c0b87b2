import { postResult } from "@/lib/api/result-handlers";

/** Create a result (a draft). Session cookie or `Authorization: Bearer <API token>`. */
export function POST(request: Request): Promise<Response> {
  return postResult(request);
}
