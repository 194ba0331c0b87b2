/**
 * The URL query of each public view and of each download, as one zod schema, read in two modes:
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
import { YEAR_RANGE } from "@/lib/domain/numbers";
import { EXPORT_FORMATS, type ExportFormat } from "./table";

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
/**
 * A whole number in a query string: decimal digits only, within [min, max]. `z.coerce.number()`
 * would read "1e3" as 1000, "0x10" as 16 and "" as 0 (lib/domain/numbers.ts).
 */
export function wholeNumberParam(min: number, max: number) {
  return z
    .string()
    .regex(/^[0-9]{1,15}$/, { error: "Harus bilangan bulat (angka 0–9 saja)." })
    .pipe(z.coerce.number<string>().int().min(min).max(max));
}
export const yearParam = wholeNumberParam(YEAR_RANGE.min, YEAR_RANGE.max);
export const slugParam = z.string().trim().regex(SLUG);
export const searchParam = z.string().trim().max(100);
/** `?jenis=`: the type filters, in any letter case. */
export const typeFilterParam = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(TYPE_FILTERS));
/** Page numbers beyond any real listing are refused rather than read as "past the end". */
export const pageParam = wholeNumberParam(1, 100_000);
/** Slugs separated by commas ("pemkot-banjarmasin,pemprov-kalimantan-tengah"). */
export const slugListParam = z.string().transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean));

/** The home page: `?tahun=` (else the year it opens on: lib/record/years.ts). */
export const overviewQuery = defineQuery({ tahun: yearParam.optional() });
export type OverviewQuery = z.output<typeof overviewQuery.schema>;

/** A province page: `?tahun=`, the year shown in detail (else the year it opens on: lib/record/years.ts). */
export const provinceQuery = defineQuery({ tahun: yearParam.optional() });
export type ProvinceQuery = z.output<typeof provinceQuery.schema>;

/** An entity page: `?tahun=`, the year one came from (its row is marked, and its links keep it). */
export const entityQuery = defineQuery({ tahun: yearParam.optional() });
export type EntityQuery = z.output<typeof entityQuery.schema>;

/** Where an entity's page is, in a year's context (none: every year, no context). */
export function entityHref(slug: string, tahun?: number | null): string {
  return `/instansi/${slug}${entityQuery.search({ tahun: tahun ?? undefined })}`;
}

/** Where a province's page is, showing a year (none: the year the page opens on). */
export function provinceHref(slug: string, tahun?: number | null): string {
  return `/provinsi/${slug}${provinceQuery.search({ tahun: tahun ?? undefined })}`;
}

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

/** The search results (/cari): what was typed. */
export const searchPageQuery = defineQuery({ q: searchParam.optional() });
export type SearchPageQuery = z.output<typeof searchPageQuery.schema>;

/*
 * The downloads. A download of results takes the rankings page's query — so every table's
 * download link carries exactly that table's filters — plus the format and the entity and
 * comparison pages' parameters; a table of totals names the table. Read strictly (400 with the
 * zod issues).
 */

/** `?bahasa=`: the language of a spreadsheet's headers and labels (Indonesian by default); CSV
 * and JSON always carry the stable codes. */
export const LANGUAGES = ["id", "en"] as const;
export const languageParam = z
  .enum(LANGUAGES)
  .optional()
  .meta({ description: "XLSX only: language of the headers, the labels of coded values and the Keterangan sheet (id, the default, or en). CSV and JSON always carry the codes." });

/** The tables of totals (lib/record/summary-tables.ts). */
export const SUMMARY_TABLES = ["tren-zona", "peta-provinsi", "rata-rata-provinsi"] as const;
export type SummaryTableName = (typeof SUMMARY_TABLES)[number];

/** Most entities one download may name: the comparison page shows four, and a few more do no harm. */
export const MAX_EXPORT_ENTITIES = 20;

const { halaman: _page, ...rankingsShape } = rankingsQuery.schema.shape;
void _page;

/** A download of results: the rankings page's parameters plus the format, and the entity
 * page's / comparison's entities. Every filtered row is downloaded, not one page. */
export const exportQuery = defineQuery({
  format: z.enum(EXPORT_FORMATS),
  ...rankingsShape,
  /** Entity slugs, comma-separated (`instansi=pemkot-banjarmasin,pemprov-kalimantan-tengah`), as
   * /bandingkan takes them. Without `urut`, rows of a year follow this order. */
  instansi: slugListParam.pipe(z.array(z.string().regex(SLUG)).min(1).max(MAX_EXPORT_ENTITIES)).optional(),
  /** Years newest first (default) or oldest first (as /bandingkan lists them). */
  arah_tahun: z.enum(SORT_DIRECTIONS).optional(),
  // The page being viewed does not narrow a download: every filtered row is exported.
  halaman: z.string().optional(),
  bahasa: languageParam,
});
export type ExportQuery = z.output<typeof exportQuery.schema>;

/** A download of a table of totals (lib/record/summary-tables.ts). */
export const summaryQuery = defineQuery({
  tabel: z.enum(SUMMARY_TABLES).meta({ description: "tren-zona: national zone counts per year; peta-provinsi: each province's Pemda average in a year; rata-rata-provinsi: a province's group averages across years" }),
  format: z.enum(EXPORT_FORMATS),
  tahun: yearParam.optional().meta({ description: "peta-provinsi: the year (else the year the home page opens on)" }),
  provinsi: slugParam.optional().meta({ description: "rata-rata-provinsi: the province slug (required)" }),
  bahasa: languageParam,
});
export type SummaryQuery = z.output<typeof summaryQuery.schema>;

/** Where a download of results is, in each format: the page's own filters, through the same schema. */
export function resultsDownload(query: Omit<ExportQuery, "format" | "halaman" | "bahasa">): DownloadHref {
  return (format, language) => `/api/v1/export${exportQuery.search({ ...query, format, bahasa: spreadsheetLanguage(format, language) })}`;
}

/** Each format's address; a spreadsheet's labels in the interface's language. */
export type DownloadHref = (format: ExportFormat, language?: string) => string;

/** The `bahasa` of a download: only a spreadsheet has labels, and Indonesian is the default. */
function spreadsheetLanguage(format: ExportFormat, language: string | undefined): "en" | undefined {
  return format === "xlsx" && language === "en" ? "en" : undefined;
}

/** Where a table of totals downloads, in each format. */
export function summaryDownload(query: Omit<SummaryQuery, "format" | "bahasa">): DownloadHref {
  return (format, language) => `/api/v1/export/ringkasan${summaryQuery.search({ ...query, format, bahasa: spreadsheetLanguage(format, language) })}`;
}
