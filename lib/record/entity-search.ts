import MiniSearch, { type Query, type SearchResult } from "minisearch";
import { cityAbbreviations, placeInitials, provinceAbbreviations, TYPE_WORD_SET, TYPE_WORDS } from "@/lib/domain/abbreviations";
import { normalizeName, placeOf } from "@/lib/domain/normalize";
import type { EntityType } from "@/lib/domain/types";
import type { EntityRecord, ProvinceRecord, PublicDataset } from "./dataset";

/**
 * The one search of the site: the header's suggestions, the results page (/cari), the rankings
 * page's name filter and the comparison's candidates all ask it. It finds the public entities
 * (and the provinces) across every year by official name, aliases, the place's short names
 * (lib/domain/abbreviations.ts: province abbreviations, initials of regencies, a few city
 * abbreviations) and the words of their type ("Kab.", "Pemkot", "Polresta"), and tolerates typos.
 *
 * MiniSearch holds the index: fields with boosts, prefix matching for the word being typed,
 * fuzzy matching by edit distance. The index is built once per public record (lazily, on the
 * first search after a data change) from the record's public entities only.
 */

export interface SearchHit {
  kind: "entity" | "province";
  slug: string;
  name: string;
  /** The entity's type; null for a province. */
  type: EntityType | null;
  /** The entity's province; null for a province, and for a national entity. */
  province: { name: string; slug: string } | null;
  /** Years with published results (an entity's own; a province's: any of its entities'), oldest first. */
  years: number[];
}

interface SearchDocument {
  id: string;
  kind: "entity" | "province";
  slug: string;
  /** Official name (normalised, as every field). */
  name: string;
  /** Every other name it is known by. */
  aliases: string;
  /** Names with their words joined ("palangkaraya" for "Palangka Raya"). */
  keys: string;
  /** Short names: initials, abbreviations. */
  short: string;
  /** Words of its type ("kabupaten kab pemkab pemerintah"; "provinsi" for a province). */
  kind_words: string;
  /** Its province's name and abbreviations. */
  province: string;
}

const FIELDS = ["name", "aliases", "keys", "short", "kind_words", "province"] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { name: 3, short: 3, keys: 2, aliases: 1.5, kind_words: 1, province: 0.5 };

/** A term of at least this many letters may be mistyped (one edit in five): shorter ones are
 * abbreviations ("hss" is not "hst"). */
const FUZZY_FROM = 5;

const compact = (text: string) => text.replace(/ /g, "");
const unique = (words: readonly string[]) => [...new Set(words.filter(Boolean))].join(" ");

function provinceWords(name: string): string {
  const normal = normalizeName(name);
  return unique([normal, ...provinceAbbreviations(normal)]);
}

function entityDocument(entity: EntityRecord): SearchDocument {
  const place = placeOf(entity.type, entity.name);
  const names = [entity.name, ...entity.aliases].map(normalizeName);
  const placeKey = compact(place.name);
  const short = [placeInitials(place.name), ...cityAbbreviations(placeKey)];
  if (entity.type === "PEMPROV" || entity.type === "POLDA" || entity.type === "KANWIL_BPN") short.push(...provinceAbbreviations(place.name));
  return {
    id: `e:${entity.slug}`,
    kind: "entity",
    slug: entity.slug,
    name: normalizeName(entity.name),
    aliases: unique(entity.aliases.filter((a) => a !== entity.name).map(normalizeName)),
    keys: unique([placeKey, ...names.map(compact), ...entity.aliasKeys.map((k) => k.replace(/^kota:/, ""))]),
    short: unique(short.filter((s): s is string => s !== null)),
    kind_words: unique(TYPE_WORDS[entity.type].flatMap((w) => w.split(" "))),
    province: entity.province ? provinceWords(entity.province.name) : "",
  };
}

function provinceDocument(province: ProvinceRecord): SearchDocument {
  const normal = normalizeName(province.name);
  return {
    id: `p:${province.slug}`,
    kind: "province",
    slug: province.slug,
    name: normalizeName(province.name),
    aliases: "",
    keys: compact(normal),
    short: unique(provinceAbbreviations(normal)),
    kind_words: "provinsi prov",
    province: "",
  };
}

/** The index of one record, and what a hit shows beside its name. */
export interface SearchIndex {
  index: MiniSearch<SearchDocument>;
  hit: (id: string) => SearchHit | null;
}

/** Ranking beside the text match: a province before the entities in it, a local government
 * before the other types, and an entity with published results before one without. */
function documentBoost(dataset: PublicDataset, id: string): number {
  if (id.startsWith("p:")) return 2.5;
  const slug = id.slice(2);
  const entity = dataset.entities.bySlug.get(slug);
  const local = entity && (entity.type === "PEMPROV" || entity.type === "PEMKAB" || entity.type === "PEMKOT") ? 1.2 : 1;
  return local * ((dataset.entities.history.get(slug)?.length ?? 0) > 0 ? 1.5 : 1);
}

export function buildSearchIndex(dataset: PublicDataset): SearchIndex {
  const index = new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    storeFields: [],
    // Documents are written normalised (lib/domain/normalize.ts); a query is normalised like
    // every other name match: "Kab." is "kab".
    tokenize: (text) => text.split(" "),
    processTerm: (term) => term || null,
    searchOptions: { tokenize: (text) => normalizeName(text).split(" "), boost: BOOST, boostDocument: (id) => documentBoost(dataset, String(id)) },
  });
  index.addAll([...dataset.provinces.map(provinceDocument), ...dataset.entities.list.map(entityDocument)]);

  const provinceYears = new Map<string, Set<number>>();
  for (const [year, rows] of dataset.rowsByYear) {
    for (const row of rows) {
      if (!row.province) continue;
      const set = provinceYears.get(row.province.slug) ?? new Set<number>();
      set.add(year);
      provinceYears.set(row.province.slug, set);
    }
  }
  const provinces = new Map(dataset.provinces.map((p) => [p.slug, p]));
  const hit = (id: string): SearchHit | null => {
    const slug = id.slice(2);
    if (id.startsWith("p:")) {
      const p = provinces.get(slug);
      if (!p) return null;
      return { kind: "province", slug, name: p.name, type: null, province: null, years: [...(provinceYears.get(slug) ?? [])].sort((a, b) => a - b) };
    }
    const e = dataset.entities.bySlug.get(slug);
    if (!e) return null;
    const years = [...new Set((dataset.entities.history.get(slug) ?? []).map((d) => d.year))];
    return { kind: "entity", slug, name: e.name, type: e.type, province: e.province, years };
  };
  return { index, hit };
}

/** The page of a hit, without a locale prefix. */
export function hitPath(hit: Pick<SearchHit, "kind" | "slug">): string {
  return `${hit.kind === "province" ? "/provinsi" : "/instansi"}/${hit.slug}`;
}

/** One index per record: built on first use, dropped with the record. */
const indexes = new WeakMap<PublicDataset, SearchIndex>();

export function searchIndexOf(dataset: PublicDataset): SearchIndex {
  let built = indexes.get(dataset);
  if (!built) {
    built = buildSearchIndex(dataset);
    indexes.set(dataset, built);
  }
  return built;
}

/**
 * The query of a text: every word must match (in any field), the last one also as the start of
 * a word (it may be half typed); with `typos`, words of five letters or more also within one
 * edit in five. The place's words are also tried joined ("palangka raya" finds Palangkaraya).
 */
export function searchQuery(text: string, typos = false): Query | null {
  const words = normalizeName(text).split(" ").filter(Boolean);
  if (words.length === 0) return null;
  const options = {
    combineWith: "AND" as const,
    prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 2,
    fuzzy: (term: string) => (typos && term.length >= FUZZY_FROM && !TYPE_WORD_SET.has(term) ? 0.2 : false),
  };
  const queries: Query[] = [{ ...options, queries: [words.join(" ")] }];
  const placeWords = words.filter((w) => !TYPE_WORD_SET.has(w));
  if (placeWords.length > 1) {
    const typeWords = words.filter((w) => TYPE_WORD_SET.has(w));
    queries.push({ ...options, queries: [[...typeWords, placeWords.join("")].join(" ")] });
  }
  return queries.length === 1 ? queries[0]! : { combineWith: "OR", queries };
}

export interface SearchOptions {
  /** At most this many hits (all when absent). */
  limit?: number;
  /** Entities only (the rankings filter, the comparison), or provinces too (the header). */
  kinds?: "entities" | "all";
  /**
   * Typos: "fallback" (the default) — the text as written first, and only when nothing matches,
   * within an edit or two (so that "paringin" finds the alias Paringin, not also Parigi);
   * "never"; "only" — the second pass alone.
   */
  typos?: "fallback" | "never" | "only";
}

/** The hits of a text, best first. */
export function searchRecord(dataset: PublicDataset, text: string, options: SearchOptions = {}): SearchHit[] {
  const typos = options.typos ?? "fallback";
  const exact = typos === "only" ? null : searchQuery(text, false);
  if (typos !== "only" && !exact) return [];
  const { index, hit } = searchIndexOf(dataset);
  const filter = options.kinds === "entities" ? { filter: (r: SearchResult) => String(r.id).startsWith("e:") } : {};
  let results: SearchResult[] = exact ? index.search(exact, filter) : [];
  if (results.length === 0 && typos !== "never") {
    const fuzzy = searchQuery(text, true);
    results = fuzzy ? index.search(fuzzy, filter) : [];
  }
  const hits: SearchHit[] = [];
  for (const r of results) {
    const h = hit(String(r.id));
    if (h) hits.push(h);
    if (options.limit !== undefined && hits.length >= options.limit) break;
  }
  return hits;
}

export const SEARCH_PAGE_SIZE = 50;

export interface SearchView {
  q: string;
  /** The best hits, at most SEARCH_PAGE_SIZE. */
  hits: SearchHit[];
  total: number;
}

/** The results page (/cari): the best hits of the text, and how many there are in all. */
export function searchView(dataset: PublicDataset, query: { q?: string }): SearchView {
  const q = query.q?.trim() ?? "";
  const all = searchRecord(dataset, q);
  return { q, hits: all.slice(0, SEARCH_PAGE_SIZE), total: all.length };
}
