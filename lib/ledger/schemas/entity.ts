/**
 * A valid entity (instansi) as an admin creates or edits it, and a valid merge of two. Used by
 * the entity page's server actions; the checks that need the database (the province and the
 * kabupaten/kota exist and agree, no two results of one year after a merge) are in
 * lib/ledger/entities.ts. Messages are Indonesian: they are shown to the admin.
 */
import { z } from "zod";
import { ENTITY_TYPES } from "@/lib/domain/types";
import { idField, optionalIdField } from "./ids";

/** "" or nothing → null; otherwise an id (digits only: ids.ts). */
const optionalId = optionalIdField;
const requiredId = idField;

export const entityInputSchema = z.object({
  type: z.enum(ENTITY_TYPES, { error: "Jenis instansi tidak valid." }),
  name: z.string().trim().min(2, { error: "Nama wajib diisi." }).max(200, { error: "Nama terlalu panjang." }),
  provinceId: optionalId("Provinsi tidak valid."),
  regencyId: optionalId("Kabupaten/kota tidak valid."),
});

export type EntityInput = z.output<typeof entityInputSchema>;

/** Merge `sourceId` into `targetId`: two different entities, given by number. */
export const entityMergeSchema = z
  .object({
    sourceId: requiredId("Isi nomor instansi yang digabungkan."),
    targetId: requiredId("Isi nomor instansi tujuan."),
  })
  .refine((m) => m.sourceId !== m.targetId, { path: ["targetId"], message: "Pilih dua instansi yang berbeda." });
