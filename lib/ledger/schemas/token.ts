/**
 * A valid API token request: the user it acts as, and a name to tell it apart (the token's value
 * itself is made by the server and shown once). Used by the token page's server actions.
 * Messages are Indonesian: they are shown to the admin.
 */
import { z } from "zod";
import { idField } from "./ids";

export const newTokenSchema = z.object({
  userId: z.string({ error: "Pilih pengguna." }).trim().min(1, { error: "Pilih pengguna." }),
  name: z
    .preprocess((v) => v ?? "", z.string({ error: "Nama token tidak valid." }).trim().max(100, { error: "Nama token paling panjang 100 karakter." }))
    .transform((name) => name || "token"),
});

/** A token's number, as the revoke button sends it (digits only: ids.ts). */
export const tokenIdSchema = idField("Token tidak ditemukan.");
