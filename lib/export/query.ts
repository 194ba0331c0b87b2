import { z } from "zod";
import { SORT_KEYS } from "@/lib/domain/explore";
import { TYPE_FILTERS } from "@/lib/domain/groups";
import { EXPORT_FORMATS } from "./formats";

/** Query of a download: the rankings explorer's URL parameters plus the format. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  tahun: z.coerce.number().int().min(2000).max(2100).optional(),
  jenis: z.enum(TYPE_FILTERS).optional(),
  provinsi: z.string().regex(/^[a-z0-9-]+$/).optional(),
  q: z.string().max(100).optional(),
  urut: z.enum(SORT_KEYS).optional(),
  arah: z.enum(["asc", "desc"]).optional(),
  // The page being viewed does not narrow a download: every filtered row is exported.
  halaman: z.string().optional(),
});
