/**
 * Competing ranks across entities: two sources each name a different entity as (say) the best of
 * one group — Kabupaten Hulu Sungai Selatan and Kota Banjarmasin, both "peringkat 1" among the
 * Pemda of Kalimantan Selatan in 2024. Each row alone looks fine; together they cannot both be
 * right. Two entities stated with the same rank in one group are a conflict, flagged on both
 * rows, unless their scores are known and equal (a true tie, 1, 1, 3).
 */

export interface StatedRank<K> {
  key: K;
  /** The group the rank is stated in (year × type nationally; year × province × group within a province). */
  group: string;
  rank: number;
  score: number | null;
}

/** For each entry that competes, the entries stating the same rank in its group with another or unknown score. */
export function competingRanks<K>(entries: readonly StatedRank<K>[]): Map<K, StatedRank<K>[]> {
  const byRank = new Map<string, StatedRank<K>[]>();
  for (const entry of entries) {
    const slot = `${entry.group}|${entry.rank}`;
    const list = byRank.get(slot);
    if (list) list.push(entry);
    else byRank.set(slot, [entry]);
  }
  const out = new Map<K, StatedRank<K>[]>();
  for (const list of byRank.values()) {
    if (list.length < 2) continue;
    for (const entry of list) {
      const rivals = list.filter((other) => other !== entry && !isTie(entry, other));
      if (rivals.length > 0) out.set(entry.key, rivals);
    }
  }
  return out;
}

function isTie<K>(a: StatedRank<K>, b: StatedRank<K>): boolean {
  return a.score !== null && b.score !== null && a.score === b.score;
}
