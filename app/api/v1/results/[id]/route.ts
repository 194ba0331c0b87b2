import { deleteResultRequest, patchResult } from "@/lib/api/result-handlers";

type Context = { params: Promise<{ id: string }> };

/** Change some fields of a result; send the version you read (body `version` or If-Match). */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  return patchResult(request, (await params).id);
}

/** Soft-delete a result (restorable from /admin/riwayat). */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return deleteResultRequest(request, (await params).id);
}
