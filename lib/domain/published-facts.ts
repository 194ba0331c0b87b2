import { parseScore } from "./score";

/**
 * Several sources often publish the same figure (a national zone count, the number assessed),
 * sometimes with different values (2024 hijau: 494 in four sources, 484 in two). Choose the
 * value most sources give; on a tie the first listed. The disagreement is kept for readers.
 */
export interface PublishedChoice<T> {
  value: T;
  sourceUrl: string | null;
  /** Other values published for the same figure. */
  alternatives: T[];
}

export interface PublishedFigure {
  value: string;
  sourceUrl: string;
}

export function pickPublishedValue(figures: readonly PublishedFigure[]): PublishedChoice<string> | null {
  if (figures.length === 0) return null;
  const counts = new Map<string, number>();
  for (const f of figures) counts.set(f.value.trim(), (counts.get(f.value.trim()) ?? 0) + 1);
  let best = figures[0]!.value.trim();
  for (const [value, count] of counts) if (count > counts.get(best)!) best = value;
  const source = figures.find((f) => f.value.trim() === best)!;
  return { value: best, sourceUrl: source.sourceUrl, alternatives: [...counts.keys()].filter((v) => v !== best) };
}

/** A published whole count ("587"); null when absent or not a plain integer. */
export function pickPublishedCount(figures: readonly PublishedFigure[]): PublishedChoice<number> | null {
  const counts = figures.filter((f) => /^\d+$/.test(f.value.trim()));
  const choice = pickPublishedValue(counts);
  if (!choice) return null;
  return { value: Number(choice.value), sourceUrl: choice.sourceUrl, alternatives: choice.alternatives.map(Number) };
}

/** A published score ("93.64") in hundredths; null when absent or unreadable. */
export function pickPublishedScore(figures: readonly PublishedFigure[]): PublishedChoice<number> | null {
  const parsed = figures
    .map((f) => ({ f, p: parseScore(f.value) }))
    .filter((x) => x.p.ok)
    .map((x) => ({ value: String((x.p as { hundredths: number }).hundredths), sourceUrl: x.f.sourceUrl }));
  const choice = pickPublishedValue(parsed);
  if (!choice) return null;
  return { value: Number(choice.value), sourceUrl: choice.sourceUrl, alternatives: choice.alternatives.map(Number) };
}

/** A published ranked list of scores ("92.33;91.66;90.07") in hundredths, highest first;
 * null when any entry is unreadable (a partial list would give wrong ranks). */
export function parseRankedScores(value: string): number[] | null {
  const parts = value.split(";").map((s) => s.trim()).filter((s) => s !== "");
  if (parts.length === 0) return null;
  const out: number[] = [];
  for (const part of parts) {
    const parsed = parseScore(part);
    if (!parsed.ok) return null;
    out.push(parsed.hundredths);
  }
  return out;
}

/**
 * The three national zone counts of a year from several sources. Each zone's most published
 * value is taken, unless another combination of published values adds up to the published
 * number assessed while that one does not (2024: merah 14 is the D count alone; 494 + 70 + 23
 * = 587 assessed). Null unless every zone has a published count.
 */
export function pickZoneCounts(
  candidates: Record<"HIJAU" | "KUNING" | "MERAH", readonly PublishedFigure[]>,
  assessed: number | null,
): { counts: Record<"HIJAU" | "KUNING" | "MERAH", number>; sourceUrl: string | null; sourcesDiffer: boolean } | null {
  const zones = ["HIJAU", "KUNING", "MERAH"] as const;
  const options = zones.map((z) => {
    const freq = new Map<number, number>();
    for (const f of candidates[z]) if (/^\d+$/.test(f.value.trim())) freq.set(Number(f.value), (freq.get(Number(f.value)) ?? 0) + 1);
    return [...freq.entries()];
  });
  if (options.some((o) => o.length === 0)) return null;
  let best: { values: number[]; fits: boolean; weight: number } | null = null;
  for (const [h, wh] of options[0]!)
    for (const [k, wk] of options[1]!)
      for (const [m, wm] of options[2]!) {
        const fits = assessed !== null && h + k + m === assessed;
        const weight = wh + wk + wm;
        if (!best || (fits && !best.fits) || (fits === best.fits && weight > best.weight)) best = { values: [h, k, m], fits, weight };
      }
  const [hijau, kuning, merah] = best!.values as [number, number, number];
  const source = candidates.HIJAU.find((f) => Number(f.value) === hijau);
  return {
    counts: { HIJAU: hijau, KUNING: kuning, MERAH: merah },
    sourceUrl: source?.sourceUrl ?? null,
    sourcesDiffer: options.some((o) => o.length > 1),
  };
}
