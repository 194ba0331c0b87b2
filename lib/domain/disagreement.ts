import { classifyScore, type Classification } from "./classify";
import type { Category, Methodology, Zone } from "./types";

export interface Published {
  zone: Zone | null;
  category: Category | null;
}

export type Disagreement =
  | { field: "zone"; published: Zone; computed: Zone }
  | { field: "category"; published: Category; computed: Category };

/**
 * Where the zone/category a source published differs from what the year's bands give.
 * A warning for an admin, never an overwrite: both values are kept and shown.
 * A category is only compared when the year's bands have categories.
 */
export function findDisagreements(published: Published, computed: Classification | null): Disagreement[] {
  if (!computed) return [];
  const out: Disagreement[] = [];
  if (published.zone && published.zone !== computed.zone) {
    out.push({ field: "zone", published: published.zone, computed: computed.zone });
  }
  if (published.category && computed.category && published.category !== computed.category) {
    out.push({ field: "category", published: published.category, computed: computed.category });
  }
  return out;
}

/** A published zone/category that disagrees with what the year's bands give for the score. */
export interface CategoryMismatch {
  computed: Classification;
  zone: boolean;
  category: boolean;
}

/** The same comparison for one result being entered (the form, the API and the importer ask it). */
export function categoryMismatch(
  input: { score: number | null; publishedZone: Zone | null; publishedCategory: Category | null },
  methodology: Methodology | null | undefined,
): CategoryMismatch | null {
  if (input.score === null) return null;
  const computed = classifyScore(input.score, methodology);
  if (!computed) return null;
  const zone = input.publishedZone !== null && input.publishedZone !== computed.zone;
  const category = input.publishedCategory !== null && computed.category !== null && input.publishedCategory !== computed.category;
  return zone || category ? { computed, zone, category } : null;
}
