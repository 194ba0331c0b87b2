import type { Category, Zone } from "./types";

/** One published report of an entity-year result, as read from one source. */
export interface SourceReport {
  score: number | null;
  zone: Zone | null;
  category: Category | null;
  opinion: string | null;
  nationalRank: number | null;
  provinceRank: number | null;
  sourceUrl: string;
}

export interface PrimaryChoice<T extends SourceReport> {
  /** The report whose score (and source) is the result's primary value. */
  primary: T;
  /** Fields merged from the primary report, then from other reports agreeing with its score. */
  merged: Omit<SourceReport, "sourceUrl">;
  /** Distinct scores across the reports, when more than one: the disagreement shown to readers. */
  conflictingScores: number[];
}

/** The stated rule by which a table picks one value among its sources, as readers see it. */
export const PRIMARY_RULE =
  "Nilai utama: sumber yang menyebut skor didahulukan; lalu sumber ombudsman.go.id; lalu skor yang disepakati sumber terbanyak; lalu sumber yang tercatat pertama. Zona, kategori, opini dan peringkat diambil dari sumber utama, atau dari sumber lain yang menyebut skor yang sama.";

export const PRIMARY_RULE_EN =
  "Primary value: sources that state a score come first; then an ombudsman.go.id source; then the score most sources agree on; then the first source recorded. Zone, category, opinion and ranks come from the primary source, or from another source stating the same score.";

/** PRIMARY_RULE in the reader's language. */
export const PRIMARY_RULE_BY_LOCALE: Record<"id" | "en", string> = { id: PRIMARY_RULE, en: PRIMARY_RULE_EN };

export function isOmbudsmanSource(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === "ombudsman.go.id" || host.endsWith(".ombudsman.go.id");
  } catch {
    return false;
  }
}

/**
 * Pick the primary value among several reports of one entity-year by a stated rule
 * (PRIMARY_RULE): reports with a score first; an ombudsman.go.id source first; else the
 * score most reports agree on; else the first listed. Every report is kept elsewhere.
 */
export function choosePrimary<T extends SourceReport>(reports: readonly T[]): PrimaryChoice<T> {
  if (reports.length === 0) throw new RangeError("choosePrimary needs at least one report");
  const withScore = reports.filter((r) => r.score !== null);
  const pool = withScore.length > 0 ? withScore : [...reports];

  let primary: T | undefined = pool.find((r) => isOmbudsmanSource(r.sourceUrl));
  if (!primary) {
    const votes = new Map<number | null, number>();
    for (const r of pool) votes.set(r.score, (votes.get(r.score) ?? 0) + 1);
    let best = pool[0]!;
    for (const r of pool) if (votes.get(r.score)! > votes.get(best.score)!) best = r;
    primary = best;
  }

  // Fill silent fields from reports that agree with the primary score, primary first.
  const agreeing = [primary, ...reports.filter((r) => r !== primary && r.score === primary.score)];
  const first = <K extends keyof SourceReport>(key: K): SourceReport[K] => {
    for (const r of agreeing) if (r[key] !== null) return r[key];
    return primary[key];
  };

  const distinct = [...new Set(withScore.map((r) => r.score as number))].sort((a, b) => b - a);
  return {
    primary,
    merged: {
      score: primary.score,
      zone: first("zone"),
      category: first("category"),
      opinion: first("opinion"),
      nationalRank: first("nationalRank"),
      provinceRank: first("provinceRank"),
    },
    conflictingScores: distinct.length > 1 ? distinct : [],
  };
}
