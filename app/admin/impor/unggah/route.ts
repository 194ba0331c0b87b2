/**
 * POST /admin/impor/unggah: the import form's upload with progress. The same checks and the
 * same dry-run-then-commit as the server action (runImport), answered as NDJSON — one event per
 * line (received, parsed, validated, committing) and last {"type":"done","state":…} — so that
 * the page can show how far a large file has got. Refusals before any work are JSON: 403 for
 * another origin (request-guard.ts) or a non-admin asking to publish, 415 not a form upload,
 * 401 without a session, 413 too large — counted as the bytes arrive, so a chunked upload
 * without Content-Length is cut off at the limit, not buffered whole.
 */
import { currentActor } from "@/lib/auth/actor";
import { formDataOf, readBoundedBody } from "@/lib/api/bounded-body";
import { refuseUnsafeWrite } from "@/lib/api/request-guard";
import { importRequestOf, MAX_FILE_BYTES, runImport, type ImportProgress, type ImportRequest } from "../import-run";

export const dynamic = "force-dynamic";

/** A little room over the file limit for the multipart envelope and the other fields. */
const MAX_UPLOAD_BYTES = MAX_FILE_BYTES + 64 * 1024;

const refuse = (status: 400 | 401 | 403 | 413, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });

const tooLarge = () => refuse(413, "too_large", "Berkas lebih dari 20 MB; bagi menjadi beberapa berkas.");

export async function POST(request: Request): Promise<Response> {
  const refused = refuseUnsafeWrite(request, "multipart");
  if (refused) return refused;
  const actor = await currentActor();
  if (!actor) return refuse(401, "unauthenticated", "Sesi Anda berakhir; masuk kembali.");
  const body = await readBoundedBody(request, MAX_UPLOAD_BYTES);
  if (!body.ok) {
    if (body.reason === "too_large") return tooLarge();
    return refuse(400, "bad_request", "Unggahan terputus sebelum selesai; coba lagi.");
  }
  let input: ImportRequest;
  try {
    input = importRequestOf(await formDataOf(body.bytes, request.headers.get("content-type") ?? ""));
  } catch {
    return refuse(400, "bad_request", "Kirim formulir impor (multipart/form-data) dengan berkasnya.");
  }
  // The form shows the publish box to admins only; anyone else asking for it is refused outright.
  if (input.publish && actor.role !== "ADMIN") return refuse(403, "forbidden", "Hanya admin yang dapat langsung menerbitkan hasil impor.");

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = async (event: ImportProgress) => {
        controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
        // Let the line go out before the next (synchronous) stage starts.
        await new Promise((resolve) => setImmediate(resolve));
      };
      try {
        const state = await runImport(actor, input, send);
        await send({ type: "done", state });
      } catch (error) {
        console.error("import upload failed", error);
        await send({ type: "done", state: { stage: "failed", message: "Terjadi kesalahan server. Impor diterapkan seluruhnya atau tidak sama sekali: periksa Riwayat untuk memastikan." } });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
      // Proxies (nginx) must pass each line on as it comes.
      "X-Accel-Buffering": "no",
    },
  });
}
