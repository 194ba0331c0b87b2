import { auth } from "@/lib/auth/auth";
import { refuseUnsafeWrite } from "@/lib/api/request-guard";

// better-auth's own endpoints (get-session, sign-in, sign-out, change-password, ...): rate-limited
// per client IP, every sign-in counted per account (lib/auth/lockout.ts).
export function GET(request: Request): Promise<Response> {
  return auth().handler(request);
}

/** Same origin and a JSON body only, as for every other state-changing route. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseUnsafeWrite(request, "json");
  if (refused) return refused;
  return auth().handler(request);
}
