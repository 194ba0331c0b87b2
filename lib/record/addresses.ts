import { normalizeName, provinceKey } from "@/lib/domain/normalize";
import type { PublicDataset } from "./dataset";

/**
 * Addresses that forgive: an entity or province address written with another of its names
 * (`/instansi/pemkot-palangka-raya`, `/instansi/kota-banjarmasin`, `/provinsi/kalsel`) names
 * the canonical one, to which the page redirects permanently.
 *
 * An entity answers to the slug of its name and of every alias it has (EntityAlias), compared
 * with the words joined ("palangka-raya" is "palangkaraya"); no other form is made up, so
 * `polresta-x` answers only where "Polresta X" is a recorded alias.
 */
export type EntityAddress = { kind: "entity"; slug: string } | { kind: "ambiguous"; slugs: string[] } | null;

const compactSlug = (slug: string) => slug.replace(/-/g, "");

/** Public entities by the joined words of each of their names. */
const byNameKey = new WeakMap<PublicDataset, Map<string, Set<string>>>();

function nameKeys(dataset: PublicDataset): Map<string, Set<string>> {
  let map = byNameKey.get(dataset);
  if (map) return map;
  map = new Map();
  for (const entity of dataset.entities.list) {
    for (const name of [entity.name, ...entity.aliases]) {
      const key = normalizeName(name).replace(/ /g, "");
      if (!key) continue;
      const set = map.get(key) ?? new Set<string>();
      set.add(entity.slug);
      map.set(key, set);
    }
  }
  byNameKey.set(dataset, map);
  return map;
}

/** The entity an address slug names: itself, the one entity with a name of that slug, or several
 * (an alias two entities share, as "Hulu Sungai Selatan" of the regency and of its Polres). */
export function entitySlugFor(dataset: PublicDataset, slug: string): EntityAddress {
  if (dataset.entities.bySlug.has(slug)) return { kind: "entity", slug };
  const found = nameKeys(dataset).get(compactSlug(slug));
  if (!found || found.size === 0) return null;
  if (found.size === 1) return { kind: "entity", slug: [...found][0]! };
  return { kind: "ambiguous", slugs: [...found].sort() };
}

/** The province an address slug names: its name in other words or an abbreviation ("kalsel",
 * "dki-jakarta"); null when none. */
export function provinceSlugFor(dataset: PublicDataset, slug: string): string | null {
  const key = provinceKey(slug.replace(/-/g, " "));
  const found = dataset.provinces.filter((p) => provinceKey(p.name) === key);
  return found.length === 1 ? found[0]!.slug : null;
}
