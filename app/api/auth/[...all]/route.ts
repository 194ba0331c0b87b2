import { auth } from "@/lib/auth/auth";

// better-auth's own endpoints (get-session, sign-out, change-password, ...), rate-limited.
export function GET(request: Request): Promise<Response> {
  return auth().handler(request);
}

export function POST(request: Request): Promise<Response> {
  return auth().handler(request);
}
