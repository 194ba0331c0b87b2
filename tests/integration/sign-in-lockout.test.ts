/**
 * Issue 15 (4): a per-account lockout on every path that checks a password. Before, every wrong
 * password on the form was an HTTP 500 (nothing counted), and /api/auth/sign-in/email had only
 * a per-IP limit that a changing X-Forwarded-For reset.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { currentRequest, RedirectError } from "../helpers/admin";

vi.mock("next/headers", () => ({
  headers: async () => currentRequest.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectError(url);
  },
}));

import { changePasswordAction } from "@/app/admin/akun/actions";
import { signInAction } from "@/app/admin/masuk/actions";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { clearFailedSignIns, MAX_FAILURES } from "@/lib/ledger/sign-in-throttle";
import { createUserWithPassword } from "@/lib/ledger/users";
import { actAs, formData, redirectOf, sessionCookie } from "../helpers/admin";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const PASSWORD = "lockout test password 1";
let tdb: TempDatabase;

beforeAll(async () => {
  tdb = createTempDatabase("sign-in-lockout");
  process.env.DATABASE_URL = tdb.url;
  for (const email of ["http@example.org", "form@example.org", "akun@example.org"]) {
    const made = await createUserWithPassword({ email, role: "ADMIN", password: PASSWORD }, tdb.prisma);
    if (!made.ok) throw new Error(made.message);
  }
});

afterAll(async () => {
  await tdb.dispose();
});

/** POST /api/auth/sign-in/email as a client at `ip` sends it (the production server sets the header). */
function httpSignIn(email: string, password: string, ip: string): Promise<Response> {
  return authPost(
    new Request("http://rapor.test/api/auth/sign-in/email", {
      method: "POST",
      headers: { host: "rapor.test", "content-type": "application/json", [CLIENT_IP_HEADER]: ip, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("sign-in lockout", () => {
  it("locks an account over HTTP after five failures, whatever IP each attempt claims", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      const response = await httpSignIn("http@example.org", `wrong password ${i}`, `198.51.100.${i + 1}`);
      expect(response.status).toBe(401);
    }
    // A sixth address, and now the right password: still refused, the account is locked.
    const locked = await httpSignIn("http@example.org", PASSWORD, "198.51.100.99");
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: "ACCOUNT_LOCKED" });
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(200);
    // The same lock holds on the form.
    actAs(null);
    const form = await signInAction({}, formData({ email: "http@example.org", password: PASSWORD }));
    expect(form.error).toBe("Terlalu banyak percobaan gagal. Coba lagi dalam 5 menit.");
    // Once lifted, the right password signs in (and clears the count).
    await clearFailedSignIns("http@example.org", tdb.prisma);
    expect((await httpSignIn("http@example.org", PASSWORD, "198.51.100.100")).status).toBe(200);
  });

  it("counts every wrong password on the form (an answer, never an error) and then refuses even the right one", async () => {
    actAs(null);
    for (let i = 0; i < MAX_FAILURES; i++) {
      const state = await signInAction({}, formData({ email: "FORM@example.org", password: `salah ${i}` }));
      expect(state).toEqual({ error: "Email atau kata sandi salah.", email: "FORM@example.org" });
    }
    const locked = await signInAction({}, formData({ email: "form@example.org", password: PASSWORD }));
    expect(locked.error).toMatch(/^Terlalu banyak percobaan gagal\. Coba lagi dalam \d+ menit\.$/);
    expect(await tdb.prisma.session.count({ where: { user: { email: "form@example.org" } } })).toBe(0);
    await clearFailedSignIns("form@example.org", tdb.prisma);
    expect(await redirectOf(() => signInAction({}, formData({ email: "form@example.org", password: PASSWORD })))).toBe("/admin/hasil");
  });

  it("counts a wrong current password on a password change against the account", async () => {
    const cookie = await sessionCookie("akun@example.org", PASSWORD);
    actAs(cookie);
    for (let i = 0; i < MAX_FAILURES; i++) {
      const state = await changePasswordAction({}, formData({ currentPassword: `salah ${i}`, newPassword: "a brand new password 1", repeatPassword: "a brand new password 1" }));
      expect(state).toEqual({ error: "Kata sandi sekarang salah." });
    }
    const locked = await changePasswordAction({}, formData({ currentPassword: PASSWORD, newPassword: "a brand new password 1", repeatPassword: "a brand new password 1" }));
    expect(locked.error).toMatch(/^Terlalu banyak percobaan gagal/);
    // The password did not change, and signing in is locked too.
    actAs(null);
    const signIn = await signInAction({}, formData({ email: "akun@example.org", password: PASSWORD }));
    expect(signIn.error).toMatch(/^Terlalu banyak percobaan gagal/);
  });
});
