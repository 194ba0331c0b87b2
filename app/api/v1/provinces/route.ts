import { jsonResponse } from "@/lib/api/http";
import { apiProvinces } from "@/lib/api/reads";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return jsonResponse(request, { data: await apiProvinces() }, { maxAge: 3600 });
}
