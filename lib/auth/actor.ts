/** Who is making this request: a session cookie (admin pages, forms) or a bearer API token. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actorFromApiToken } from "@/lib/ledger/tokens";
import { actorForUser } from "@/lib/ledger/users";
import type { Actor } from "@/lib/ledger/access";
import { auth } from "./auth";

export async function actorFromHeaders(requestHeaders: Headers): Promise<Actor | null> {
  const authorization = requestHeaders.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return actorFromApiToken(authorization.slice("bearer ".length).trim());
  }
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return actorForUser(session.user.id, "session");
}

/** The actor of the current server action or page, or null. */
export async function currentActor(): Promise<Actor | null> {
  return actorFromHeaders(await headers());
}

/** For admin pages: the actor, or a redirect to the sign-in page. */
export async function requirePageActor(options: { admin?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/admin/masuk");
  if (options.admin && actor.role !== "ADMIN") redirect("/admin/terlarang?larangan=1");
  return actor;
}
