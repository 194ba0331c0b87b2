/**
 * The results file: one row per (entity, year, source), as in data/seed/results.csv, the admin's
 * import template and every upload. An export of published results writes the same
 * identification and figures, with the zone and category the year's bands give beside the ones
 * the source published; web downloads add how each rank is stated. An import reads an export
 * back, so the columns an export adds are known to it, not unknown.
 */

/** The columns every variant shares, in order: which result, and its score. */
const RESULT_IDENTITY = ["year", "entity_type", "entity_name", "province", "score"] as const;
/** What the source stated besides the score and zone/category, and where. */
const STATED_BY_SOURCE = ["opinion", "national_rank", "province_rank", "source_url"] as const;

/**
 * Facts about a source row, each "ya" or empty (optional columns). They reach readers as
 * explanations in their language; the notes column never does (it is for the admin):
 * - year_inferred: the year was worked out from the publication date;
 * - rank_from_list: a position in a published list is used as the rank;
 * - province_rank_within_type: the province rank is among the entity's own type (Pemkab,
 *   Pemkot), not among the province's group (Pemda);
 * - group_statement: the row states a figure for a whole group without naming the entity
 *   ("semua kab/kota di Bali zona hijau"): kept as the group's figure, not as a result;
 * - disputed: another source states otherwise (recorded in the file or not).
 */
export const SOURCE_FACT_COLUMNS = ["year_inferred", "rank_from_list", "province_rank_within_type", "group_statement", "disputed"] as const;
export type SourceFactColumn = (typeof SOURCE_FACT_COLUMNS)[number];

/** A results file. Its zone and category are the ones the source published. */
export const RESULT_FILE_COLUMNS = [...RESULT_IDENTITY, "zone", "category", ...STATED_BY_SOURCE, "notes", ...SOURCE_FACT_COLUMNS] as const;
export type ResultFileColumn = (typeof RESULT_FILE_COLUMNS)[number];

/** Columns a results file may leave out (read as empty cells). */
export const OPTIONAL_RESULT_FILE_COLUMNS: readonly ResultFileColumn[] = ["zone", "category", "opinion", "national_rank", "province_rank", "notes", ...SOURCE_FACT_COLUMNS];

export const REQUIRED_RESULT_FILE_COLUMNS: readonly ResultFileColumn[] = RESULT_FILE_COLUMNS.filter(
  (column) => !OPTIONAL_RESULT_FILE_COLUMNS.includes(column),
);

/**
 * An export (`npm run data:export` and every download): zone and category are the ones the
 * year's bands give; published_zone and published_category the ones the source published.
 */
export const EXPORT_COLUMNS = [...RESULT_IDENTITY, "zone", "category", "published_zone", "published_category", ...STATED_BY_SOURCE] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Extra columns of web downloads: the entity's address, how each rank is stated, and the year's method. */
export const DOWNLOAD_EXTRA_COLUMNS = ["entity_slug", "national_rank_basis", "province_rank_basis", "methodology"] as const;

/**
 * The sources that state each figure of a row (several joined by " | "), after every other
 * column of an export and a download: score_source_url the score's, zone_source_url and
 * category_source_url those of published_zone and published_category, *_rank_source_url those of
 * the rank stated (empty when the rank is computed by Rapor over a complete group).
 */
export const FIGURE_SOURCE_COLUMNS = ["score_source_url", "zone_source_url", "category_source_url", "national_rank_source_url", "province_rank_source_url"] as const;

/** Columns an export or a download has and a results file has not. */
export const EXPORT_ONLY_COLUMNS: readonly string[] = [...EXPORT_COLUMNS, ...DOWNLOAD_EXTRA_COLUMNS, ...FIGURE_SOURCE_COLUMNS].filter(
  (column) => !(RESULT_FILE_COLUMNS as readonly string[]).includes(column),
);
