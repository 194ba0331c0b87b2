import type { DatedRow, EntityRecord } from "./dataset";

/**
 * What the public may see, decided here and nowhere else.
 *
 * Results: published, not deleted. The public record (lib/record/dataset.ts) loads results
 * with this filter, and every public view (pages, API, downloads) reads only the record, so
 * drafts never leak.
 */
export const PUBLIC_RESULT_WHERE = { status: "PUBLISHED", deletedAt: null } as const;

/** Group statements (a figure a source states for a whole group): published ones only, as results. */
export const PUBLIC_STATEMENT_WHERE = { status: "PUBLISHED" } as const;

/**
 * Entities: which ones have a page, appear in the API's entity list, the name search and the
 * comparison. The record (lib/record/dataset.ts) asks this of every entity, giving its published
 * results (oldest first); nothing else decides it.
 *
 * Every entity is public today: the reference data (every Pemprov, Pemkab, Pemkot and Kantor
 * Pertanahan exists whether or not it was assessed) and every entity a result names. A narrower
 * rule ("not an entity created for results none of which is published") is written here alone.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- today's rule needs neither; a narrower one reads them
export function isEntityPublic(entity: EntityRecord, published: readonly DatedRow[]): boolean {
  return true;
}
