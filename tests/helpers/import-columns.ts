/** The import header as the template has it (lib/ledger/import/parse.ts IMPORT_COLUMNS). */
export const HEADER_COLUMNS = ["year", "entity_type", "entity_name", "province", "score", "zone", "category", "opinion", "national_rank", "province_rank", "source_url", "notes"] as const;
