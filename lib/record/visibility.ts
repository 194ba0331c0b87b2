import { TYPES_CREATED_FROM_RESULTS } from "@/lib/domain/types";
import type { DatedRow, EntityRecord } from "./dataset";

/**
 * What the public may see, decided here and nowhere else.
 *
 * Results: published, not deleted. The public record (lib/record/dataset.ts) loads results
 * with this filter, and every public view (pages, API, downloads) reads only the record, so
 * drafts never leak. A change to a published result waiting for review is a ResultRevision,
 * which the record never reads: the public keeps the published values until it is published.
 */
export const PUBLIC_RESULT_WHERE = { status: "PUBLISHED", deletedAt: null } as const;

/** Group statements (a figure a source states for a whole group): published ones only, as results. */
export const PUBLIC_STATEMENT_WHERE = { status: "PUBLISHED" } as const;

/**
 * Entities: which ones have a page, appear in the API's entity list, the name search and the
 * comparison. The record (lib/record/dataset.ts) asks this of every entity, giving its published
 * results (oldest first); nothing else decides it.
 *
 * - Reference entities — every Pemprov, Pemkab, Pemkot (and administrative kabupaten/kota) and
 *   Kantor Pertanahan of the reference data — are public whether or not they were assessed: they
 *   exist as official bodies, named by Kemendagri's codes.
 * - An entity of a type created as results name it (Polres, ministries, agencies, …) is public
 *   once one of its results is published, and not before: its name is part of what a draft or
 *   a change waiting for review would make public — or once a published group statement (loaded
 *   with PUBLIC_STATEMENT_WHERE) names it among its members.
 */
export function isEntityPublic(entity: EntityRecord, published: readonly DatedRow[], namedByPublishedStatement = false): boolean {
  return published.length > 0 || namedByPublishedStatement || !TYPES_CREATED_FROM_RESULTS.includes(entity.type);
}
