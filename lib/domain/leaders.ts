import type { RankView } from "./completeness";

/**
 * Who leads a group, said without contradicting a published rank. "Tertinggi" (highest) is
 * Rapor's own claim only for a complete group. For a group recorded in part, the highest
 * recorded score may not be the group's best: Polres Balangan 2025 has the highest recorded
 * Polres score in Kalimantan Selatan while its source ranks it 2nd of 5. There, a source's rank
 * wins ("menurut sumber"), and where no source names the first, no "highest" is named.
 */

export interface ScoredMember {
  score: number | null;
}

/** The rank the page states for a member in the group at hand (its national or its province rank). */
export type RankOf<T> = (member: T) => RankView | null;

export type Leader<T> =
  /** A complete group: the highest score(s), computed over everyone assessed. */
  | { kind: "computed"; rows: T[] }
  /** A source ranks a member first (several: sources disagree, each is flagged). */
  | { kind: "published"; rows: T[] }
  /** No first is known: the best-ranked members a source names (none when no source ranks any). */
  | { kind: "unknown"; nearest: T[] };

export function groupLeader<T extends ScoredMember>(rows: readonly T[], rankOf: RankOf<T>): Leader<T> {
  const official = (r: T) => rankOf(r)?.official ?? null;
  const computedFirst = rows.filter((r) => official(r)?.source === "computed" && official(r)!.rank === 1);
  if (computedFirst.length > 0) return { kind: "computed", rows: computedFirst };
  const published = rows.filter((r) => official(r)?.source === "published");
  const best = Math.min(...published.map((r) => official(r)!.rank));
  const nearest = published.filter((r) => official(r)!.rank === best);
  if (best === 1) return { kind: "published", rows: nearest };
  return { kind: "unknown", nearest };
}

export type TopList<T> =
  /** A complete group: highest and lowest by score, ranks computed. */
  | { basis: "computed"; top: T[]; bottom: T[] }
  /** A group recorded in part: the members a source ranks, in the source's order. */
  | { basis: "published"; top: T[] }
  /** A group recorded in part, no member ranked by a source: no top list can be stated. */
  | { basis: "none" };

/**
 * The top (and, for a complete group, bottom) `size` members of a group. Rows come ordered by
 * score, highest first. A list of recorded scores of an incomplete group is never shown as the
 * group's top: only the members a source ranks, in its order.
 */
export function topList<T extends ScoredMember>(rows: readonly T[], size: number, rankOf: RankOf<T>): TopList<T> {
  const official = (r: T) => rankOf(r)?.official ?? null;
  const scored = rows.filter((r) => r.score !== null);
  if (scored.length > 0 && scored.every((r) => official(r)?.source === "computed")) {
    const bottom = scored.length > size ? scored.slice(Math.max(size, scored.length - size)).reverse() : [];
    return { basis: "computed", top: scored.slice(0, size), bottom };
  }
  const ranked = rows
    .filter((r) => official(r)?.source === "published")
    .map((row, index) => ({ row, index, rank: official(row)!.rank }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.row);
  if (ranked.length === 0) return { basis: "none" };
  return { basis: "published", top: ranked.slice(0, size) };
}
