import { apiError, jsonResponse } from "@/lib/api/http";
import { apiEntity } from "@/lib/api/reads";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const entity = await apiEntity(slug);
  if (!entity) return apiError(404, "not_found", `Instansi "${slug}" tidak ditemukan.`);
  return jsonResponse(request, { data: entity });
}
