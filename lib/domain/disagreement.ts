import type { Classification } from "./classify";
import type { Category, Zone } from "./types";

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
