import { z } from "zod";
import { wholeNumberParam } from "@/lib/api/schemas";
import { YEAR_RANGE } from "@/lib/domain/numbers";
import { SORT_KEYS } from "@/lib/domain/explore";
import { TYPE_FILTERS } from "@/lib/domain/groups";
import { EXPORT_FORMATS } from "./formats";

const SLUG = /^[a-z0-9-]+$/;

/** Most entities one download may name: the comparison page shows four, and a few more do no harm. */
export const MAX_EXPORT_ENTITIES = 20;

/** Query of a download: the rankings explorer's URL parameters plus the format, and the
 * entity page's / comparison's entities. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  tahun: wholeNumberParam(YEAR_RANGE.min, YEAR_RANGE.max).optional(),
  jenis: z.enum(TYPE_FILTERS).optional(),
  provinsi: z.string().regex(SLUG).optional(),
  q: z.string().max(100).optional(),
  urut: z.enum(SORT_KEYS).optional(),
  arah: z.enum(["asc", "desc"]).optional(),
  /** Entity slugs, comma-separated (`instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah`), as
   * /bandingkan takes them. Without `urut`, rows of a year follow this order. */
  instansi: z
    .string()
    .transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(SLUG)).min(1).max(MAX_EXPORT_ENTITIES))
    .optional(),
  /** Years newest first (default) or oldest first (as /bandingkan lists them). */
  arah_tahun: z.enum(["asc", "desc"]).optional(),
  // The page being viewed does not narrow a download: every filtered row is exported.
  halaman: z.string().optional(),
});
