import { defaultYear } from "@/lib/domain/coverage";
import type { PublicDataset } from "./dataset";

/** A year a view can show, with how much of it is on record. */
export interface YearOption {
  year: number;
  /** Published results recorded. */
  recorded: number;
  /** How many were assessed, when a source publishes it. */
  assessed: number | null;
}

/** Which year a view shows and why: asked for in the address, or the year the view opens on. */
export interface YearChoice {
  year: number;
  /** The address asked for this year (`?tahun=`). */
  asked: boolean;
  /** Every year, newest first, for the year links (labelled with their coverage). */
  options: YearOption[];
  /** The year with the most results: what "a meaningful share" is measured against. */
  best: YearOption;
  /** Newer years the view does not open on: too few results yet. */
  newerSkipped: YearOption[];
}

/**
 * The year of a view: the one asked for when there is one with results, else the newest year
 * with a meaningful share of results (lib/domain/coverage.ts: defaultYear). Null without years.
 */
export function chooseYear(options: readonly YearOption[], requested: number | undefined): YearChoice | null {
  const rule = defaultYear(options);
  if (!rule) return null;
  const option = (year: number) => options.find((o) => o.year === year)!;
  const asked = requested !== undefined && options.some((o) => o.year === requested);
  return {
    year: asked ? requested : rule.year,
    asked,
    options: [...options].sort((a, b) => b.year - a.year),
    best: option(rule.best.year),
    newerSkipped: rule.newerSkipped.map((y) => option(y.year)),
  };
}

/** The years of the whole record: each year's published results against the national number assessed. */
export function nationalYearOptions(dataset: PublicDataset): YearOption[] {
  return dataset.years.map((year) => ({
    year,
    recorded: dataset.rowsByYear.get(year)?.length ?? 0,
    assessed: dataset.facts.assessed(year, null, "ALL"),
  }));
}

/** The year a view of the whole record shows (the one asked for, else the year it opens on). */
export function openingYear(dataset: PublicDataset, requested: number | undefined): number | null {
  return chooseYear(nationalYearOptions(dataset), requested)?.year ?? null;
}
