/**
 * POST /admin/impor/unggah: the import form's upload with progress. The same checks and the
 * same dry-run-then-commit as the server action (runImport), answered as NDJSON — one event per
 * line (received, parsed, validated, committing) and last {"type":"done","state":…} — so that
 * the page can show how far a large file has got. Refusals before any work are JSON:
 * 401 without a session, 403 for another origin or a non-admin asking to publish, 413 too large.
 */
import { currentActor } from "@/lib/auth/actor";
import { importRequestOf, MAX_FILE_BYTES, runImport, type ImportProgress, type ImportRequest } from "../import-run";

export const dynamic = "force-dynamic";

const refuse = (status: 400 | 401 | 403 | 413, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });

/** A browser sends Origin on a POST: it must be this site (cookies are SameSite=Lax as well). */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return refuse(401, "unauthenticated", "Sesi Anda berakhir; masuk kembali.");
  if (!sameOrigin(request)) return refuse(403, "forbidden", "Permintaan dari situs lain ditolak.");
  // A little room over the file limit for the multipart envelope and the other fields.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_FILE_BYTES + 64 * 1024) return refuse(413, "too_large", "Berkas lebih dari 20 MB; bagi menjadi beberapa berkas.");
  let input: ImportRequest;
  try {
    input = importRequestOf(await request.formData());
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
