/**
 * A valid user account: email, password, role, the provinces an EDITOR may write in, and
 * whether the account is active. Used by the users page's server actions, by
 * `npm run admin:create`, by the own-password change and (its password lengths) by the sign-in
 * library. Messages are Indonesian: they are shown to the admin.
 */
import { z } from "zod";
import { idField } from "./ids";
import { ROLES } from "@/lib/ledger/access";

/** Shortest password accepted, here and by the sign-in library (lib/auth/auth.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const passwordSchema = z
  .string({ error: "Kata sandi wajib diisi." })
  .min(MIN_PASSWORD_LENGTH, { error: `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.` })
  .max(MAX_PASSWORD_LENGTH, { error: "Kata sandi terlalu panjang." });

/** The reason a password is refused, or null. */
export function passwordProblem(password: string): string | null {
  return passwordSchema.safeParse(password).error?.issues[0]?.message ?? null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailSchema = z
  .string({ error: "Alamat email tidak valid." })
  .trim()
  .toLowerCase()
  .regex(EMAIL, { error: "Alamat email tidak valid." });

export const roleSchema = z.enum(ROLES, { error: "Peran harus ADMIN atau EDITOR." });

/** Province ids, as numbers or as a form's strings; none for a national scope. */
const provinceIdsSchema = z.preprocess(
  (v) => v ?? [],
  z.array(idField("Provinsi tidak valid.")),
);

const checkbox = z.preprocess((v) => v === true || v === "on", z.boolean());

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.preprocess((v) => v ?? "", z.string().trim().max(200, { error: "Nama terlalu panjang." })),
  role: roleSchema,
  provinceIds: provinceIdsSchema,
  password: passwordSchema,
});

export type NewUser = z.output<typeof newUserSchema>;
/** What a caller hands over: typed values, or a form's raw fields (the schema checks either). */
export type NewUserInput = Partial<Record<keyof NewUser, unknown>>;

/** A user's role, scopes and active flag, as an admin sets them. */
export const userAccessSchema = z.object({
  role: roleSchema,
  provinceIds: provinceIdsSchema,
  active: checkbox,
});

export type UserAccess = z.output<typeof userAccessSchema>;
export type UserAccessInput = Partial<Record<keyof UserAccess, unknown>>;
