import { normalizeName, searchKey } from "@/lib/domain/normalize";
import type { EntityRecord, PublicDataset } from "./dataset";
import { searchRecord } from "./entity-search";

/**
 * The name search over the public entities, behind one function. Two ways to match, as the
 * pages and the API have always searched:
 * - "text" (the rankings, the comparison, downloads): the name or an alias contains the text,
 *   or an alias key contains the text's key ("banjar masin" finds Banjarmasin);
 * - "words" (the API's entity list): every word of the normalised text is contained in the name
 *   or in one alias.
 * Letters A–Z match either case; other characters match as written.
 */
export type SearchMode = "text" | "words";

export function searchEntities(entities: readonly EntityRecord[], query: string, mode: SearchMode): EntityRecord[] {
  if (mode === "words") {
    const words = normalizeName(query).split(" ").filter(Boolean);
    return entities.filter((e) => words.every((word) => contains(e.name, word) || e.aliases.some((alias) => contains(alias, word))));
  }
  const text = query.trim();
  if (text === "") return [];
  const key = searchKey(text);
  return entities.filter(
    (e) => contains(e.name, text) || e.aliases.some((alias) => contains(alias, text)) || (key !== "" && e.aliasKeys.some((k) => contains(k, key))),
  );
}

/** Whether `text` contains `part`, with A–Z folded to lower case (and nothing else). */
function contains(text: string, part: string): boolean {
  return foldAscii(text).includes(foldAscii(part));
}

function foldAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : text;
}

/**
 * Slugs of the public entities a name filter keeps (the rankings page, the comparison, downloads):
 * those the site's search finds as written (lib/record/entity-search.ts: abbreviations, type
 * words) and those whose name or alias contains the text; when neither finds any, those the
 * search finds allowing for typos. An empty text matches none.
 */
export function matchingSlugs(dataset: PublicDataset, text: string): Set<string> {
  const slugs = new Set(searchEntities(dataset.entities.list, text, "text").map((e) => e.slug));
  for (const hit of searchRecord(dataset, text, { kinds: "entities", typos: "never" })) slugs.add(hit.slug);
  if (slugs.size > 0) return slugs;
  return new Set(searchRecord(dataset, text, { kinds: "entities", typos: "only" }).map((hit) => hit.slug));
}
