/**
 * The project's data (data/seed/results.csv) carries its curators' working notes in English
 * ("year inferred (siaran pers 13 April 2022)", "numbered list used as province_rank",
 * "CONFLICT: ..."). They are for whoever curates the data, never for readers. When the seed
 * loads the file, the facts the notes record are read from them by the patterns the curators
 * write, into the import format's fact columns (lib/domain/results-file.ts:
 * SOURCE_FACT_COLUMNS) — the same columns an upload fills by hand. The notes themselves stay in
 * the database for the admin.
 */
import { PEMDA_TYPES, type EntityType } from "@/lib/domain/types";
import type { ResultFileColumn, SourceFactColumn } from "@/lib/domain/results-file";
import type { RawRow } from "@/lib/ledger/import/parse";

const YEAR_INFERRED = /\byear inferred\b/i;
/** "numbered list used as province_rank", "list position 5", "ordered list ...", "(numbered order)", "(order used as national_rank)". */
const LIST_POSITION = /numbered list|list position|ordered list|listing order|list order|numbered order|order used as|position \d+ of/i;
/** "not named: group statement (all Bali pemda)", "group statement", "not named individually: ...". */
const GROUP_STATEMENT = /^(not named|group statement)/i;
const CONFLICT = /\bCONFLICT\b/;
/** "among Jateng pemkot", "(pemkot)", "1st of 18 kabupaten", "Tingkat kabupaten" — not "among green kabupaten" (a national list). */
const AMONG_OWN_TYPE = /\bamong (?!green\b)(\w+ )?(pemkab|pemkot|kabupaten|kota)\b|\((pemkot|pemkab)\)|\bof \d+ (kabupaten|kota)\b|\btingkat (kabupaten|kota)\b/i;
/** "among kab/kota", "pemkab/pemkot": the province's regional governments together, not one type. */
const AMONG_GROUP = /kab\/kota|pemkab\/pemkot|kabupaten\/kota/i;

export type CuratorFacts = Record<SourceFactColumn, boolean>;

/** The facts a row's notes record, given the row's own figures (a rank fact needs a rank). */
export function factsFromNotes(values: Readonly<Record<ResultFileColumn, string>>): CuratorFacts {
  const notes = values.notes.trim();
  const hasRank = values.national_rank !== "" || values.province_rank !== "";
  const regional = PEMDA_TYPES.includes(values.entity_type.trim().toUpperCase() as EntityType);
  return {
    year_inferred: YEAR_INFERRED.test(notes),
    rank_from_list: hasRank && LIST_POSITION.test(notes),
    province_rank_within_type: regional && values.province_rank !== "" && AMONG_OWN_TYPE.test(notes) && !AMONG_GROUP.test(notes),
    group_statement: values.score === "" && !hasRank && GROUP_STATEMENT.test(notes),
    disputed: CONFLICT.test(notes),
  };
}

/** A row of the project's data with the facts of its notes in the fact columns (a column the file fills itself wins). */
export function withCuratorFacts(row: RawRow): RawRow {
  const facts = factsFromNotes(row.values);
  const values = { ...row.values };
  for (const [column, fact] of Object.entries(facts) as [SourceFactColumn, boolean][]) {
    if (values[column] === "" && fact) values[column] = "ya";
  }
  return { ...row, values };
}
