/**
 * The URL query of each public view, as one zod schema, read in two modes:
 * - strict, for programs (the API and the downloads): the schema as is; an invalid value is
 *   refused with the zod issues (lib/api/http.ts answers 400);
 * - lenient, for people (the pages): an invalid value falls back to the view's default and is
 *   reported in `invalid`, so that the page can name it; an empty value (a form's "all") means
 *   the parameter is absent.
 * `toParams` writes a view's state back as URL parameters (parse ∘ toParams is the identity):
 * every link of a page — years, pages, sorting, filters, downloads — is made with it.
 */
import { z } from "zod";
import { SORT_DIRECTIONS, SORT_KEYS } from "@/lib/domain/selection";
import { TYPE_FILTERS } from "@/lib/domain/groups";

/** Search parameters as Next.js gives them to a page (a repeated parameter counts once: its first value). */
export type PageParams = Record<string, string | string[] | undefined>;
export type UrlParams = Record<string, string>;

export interface InvalidParam {
  param: string;
  value: string;
  message: string;
}

type Shape = Record<string, z.ZodType>;
type ParamValue = string | number | readonly string[] | undefined;

export interface UrlQuery<S extends Shape> {
  schema: z.ZodObject<S, z.core.$strict>;
  /** For pages: never fails; what is invalid is left out (the default applies) and listed. */
  lenient(params: PageParams): { value: z.output<z.ZodObject<S>>; invalid: InvalidParam[] };
  /** URL parameters of a state, in the schema's order; absent and empty values are left out. */
  toParams(value: Partial<z.output<z.ZodObject<S>>>): UrlParams;
  /** The same as a query string ("?tahun=2024&jenis=pemkot", or "" when there is none). */
  search(value: Partial<z.output<z.ZodObject<S>>>): string;
}

export function defineQuery<S extends Shape>(shape: S): UrlQuery<S> {
  const schema = z.strictObject(shape);
  const keys = Object.keys(shape);
  const toParams = (value: Partial<z.output<z.ZodObject<S>>>): UrlParams => {
    const params: UrlParams = {};
    for (const key of keys) {
      const text = paramText((value as Record<string, ParamValue>)[key]);
      if (text !== "") params[key] = text;
    }
    return params;
  };
  return {
    schema,
    lenient(params) {
      const valid: UrlParams = {};
      const invalid: InvalidParam[] = [];
      for (const key of keys) {
        const raw = params[key];
        const value = Array.isArray(raw) ? raw[0] : raw;
        if (value === undefined || value === "") continue;
        const parsed = shape[key]!.safeParse(value);
        if (parsed.success) valid[key] = value;
        else invalid.push({ param: key, value, message: parsed.error.issues[0]?.message ?? "" });
      }
      // Every value left is valid on its own: the object parse applies defaults and transforms.
      return { value: schema.parse(valid), invalid };
    },
    toParams,
    search: (value) => searchString(toParams(value)),
  };
}

function paramText(value: ParamValue): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  return value.join(",");
}

/** "?a=1&b=x,y" from parameters (commas kept as they are: they separate slugs). */
export function searchString(params: UrlParams): string {
  const text = new URLSearchParams(params).toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

// The parameters the views share.
export const SLUG = /^[a-z0-9-]+$/;
export const yearParam = z.coerce.number().int().min(2000).max(2100);
export const slugParam = z.string().trim().regex(SLUG);
export const searchParam = z.string().trim().max(100);
/** `?jenis=`: the type filters, in any letter case. */
export const typeFilterParam = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(TYPE_FILTERS));
export const pageParam = z.coerce.number().int().min(1);
/** Slugs separated by commas ("pemkot-banjarmasin,pemprov-kalimantan-tengah"). */
export const slugListParam = z.string().transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean));

/** The home page: `?tahun=` (else the latest year). */
export const overviewQuery = defineQuery({ tahun: yearParam.optional() });
export type OverviewQuery = z.output<typeof overviewQuery.schema>;

/** A province page: `?tahun=`, the year shown in detail (else the latest). */
export const provinceQuery = defineQuery({ tahun: yearParam.optional() });
export type ProvinceQuery = z.output<typeof provinceQuery.schema>;

/** The rankings explorer (/peringkat): one year, filtered, sorted and paged. */
export const rankingsQuery = defineQuery({
  tahun: yearParam.optional(),
  jenis: typeFilterParam.optional(),
  provinsi: slugParam.optional(),
  q: searchParam.optional(),
  urut: z.enum(SORT_KEYS).optional(),
  arah: z.enum(SORT_DIRECTIONS).optional(),
  halaman: pageParam.optional(),
});
export type RankingsQuery = z.output<typeof rankingsQuery.schema>;

/** The comparison (/bandingkan): the entities compared, and a name search to add one. Slugs are
 * kept as given: the page names those that match no entity. */
export const compareQuery = defineQuery({
  instansi: slugListParam.optional(),
  q: searchParam.optional(),
});
export type CompareQuery = z.output<typeof compareQuery.schema>;
