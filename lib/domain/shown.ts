import { establishedClassification } from "./classify";
import type { Category, Methodology, Zone } from "./types";

/** What a result stores that decides the zone, category and label readers see. */
export interface ShownInput {
  score: number | null;
  publishedZone: Zone | null;
  publishedCategory: Category | null;
  publishedOpinion: string | null;
}

/**
 * Where a zone comes from: the year's verified bands, a source, or nowhere — a scored result of
 * a year whose bands are not verified has no zone unless a source states one ("tidak
 * ditetapkan", not established).
 */
export type ZoneBasis = "computed" | "published" | "not-established";

export interface Shown {
  /** From the year's verified bands when there is a score, else as published. */
  zone: Zone | null;
  zoneBasis: ZoneBasis | null;
  category: Category | null;
  label: string | null;
}

/**
 * The zone, category and label a reader is shown for a result: one rule for the public record
 * (ranking-view.ts) and for an admin's view of a change waiting for review, so that the review
 * shows a change as the public would see it. No zone or category is derived from unverified bands.
 */
export function shownClassification(input: ShownInput, methodology: Methodology | null | undefined): Shown {
  const computed = establishedClassification(input.score, methodology);
  return {
    zone: computed?.zone ?? input.publishedZone,
    zoneBasis: computed
      ? "computed"
      : input.publishedZone
        ? "published"
        : input.score !== null && methodology && !methodology.bandsVerified
          ? "not-established"
          : null,
    category: computed ? computed.category : input.publishedCategory,
    label: computed?.category ? computed.label : (input.publishedOpinion ?? computed?.label ?? null),
  };
}
