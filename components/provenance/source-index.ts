import type { Figure, SourceRef } from "@/lib/domain/provenance";
import { sourceAddress } from "@/lib/domain/source-address";
import type { YearRow } from "@/lib/domain/year-view";

/**
 * The sources of one row, numbered as footnotes: each figure of the row points to the numbers
 * of the sources that state it, and the row's "Sumber" cell lists them. A reader sees which
 * article states which figure, not only which article the row came from.
 */
export interface SourceEntry {
  number: number;
  url: string;
  site: string;
  /** Only the site's home page is known: "alamat artikel tidak diketahui". */
  homePageOnly: boolean;
}

export class SourceIndex {
  readonly entries: SourceEntry[] = [];
  private readonly byUrl = new Map<string, SourceEntry>();

  add(refs: readonly SourceRef[]): void {
    for (const ref of refs) {
      if (this.byUrl.has(ref.url)) continue;
      const entry = { number: this.entries.length + 1, url: ref.url, ...sourceAddress(ref.url) };
      this.entries.push(entry);
      this.byUrl.set(ref.url, entry);
    }
  }

  /** The entries of some sources, in footnote order, each once. */
  of(refs: readonly SourceRef[]): SourceEntry[] {
    const found = new Set(refs.map((r) => this.byUrl.get(r.url)).filter((e): e is SourceEntry => e !== undefined));
    return [...found].sort((a, b) => a.number - b.number);
  }
}

/** What a figure's footnotes point to: its stating sources, unless Rapor computed it. */
export function statingSources<T>(figure: Figure<T>): readonly SourceRef[] {
  return figure.computed ? [] : figure.statedBy;
}

/** A row's sources, numbered in the order of its figures: score, zone, category, opinion, ranks. */
export function rowSourceIndex(row: Pick<YearRow, "figures">): SourceIndex {
  const index = new SourceIndex();
  const f = row.figures;
  for (const figure of [f.score, f.zone, f.category, f.opinion, f.nationalRank, f.provinceRank]) index.add(statingSources(figure as Figure<unknown>));
  return index;
}
