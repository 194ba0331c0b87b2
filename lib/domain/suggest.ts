/** "Did you mean …" for names that match no entity: nearest names by edit distance. */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `limit` candidates whose key is near the wanted key (distance at most a third of its
 * length, at least 2), nearest first; a candidate whose key contains the wanted one (or the
 * reverse) counts as near too.
 */
export function suggestNames<T extends { key: string; name: string }>(wanted: string, candidates: readonly T[], limit = 3): T[] {
  const budget = Math.max(2, Math.floor(wanted.length / 3));
  return candidates
    .map((c) => {
      const contains = wanted.length >= 4 && (c.key.includes(wanted) || wanted.includes(c.key));
      return { c, d: contains ? 1 : editDistance(wanted, c.key) };
    })
    .filter(({ d }) => d <= budget)
    .sort((x, y) => x.d - y.d || x.c.name.localeCompare(y.c.name, "id"))
    .filter((entry, index, all) => all.findIndex((e) => e.c.name === entry.c.name) === index)
    .slice(0, limit)
    .map(({ c }) => c);
}
