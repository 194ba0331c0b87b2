/**
 * What follows a write, in one place.
 *
 * - Public data in memory follows the **data revision** (lib/db/revision.ts), which triggers
 *   raise whoever writes — an admin form, the write API, the CLI importer in another process:
 *   - the public record (lib/record/dataset.ts) rebuilds the years the write touched on the
 *     next read;
 *   - the server's response cache (lib/server/response-cache.ts) drops every rendered page of
 *     the older revision;
 *   - the warm-up (lib/server/warm-up.ts) renders the main public pages again at once.
 *   None of these needs to be told: a write that forgot to call anything still shows.
 * - What Next.js keeps for the writer's own session — the admin pages just rendered and the
 *   client router's copies of pages — is refreshed by `afterWrite()`, which every server action
 *   and the write API call after a successful write.
 */
import { revalidatePath } from "next/cache";

export function afterWrite(): void {
  revalidatePath("/", "layout");
}
