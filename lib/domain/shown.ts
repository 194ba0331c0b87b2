import { classifyScore } from "./classify";
import type { Category, Methodology, Zone } from "./types";

/** What a result stores that decides the zone, category and label readers see. */
export interface ShownInput {
  score: number | null;
  publishedZone: Zone | null;
  publishedCategory: Category | null;
  publishedOpinion: string | null;
}

export interface Shown {
  /** From the year's bands when there is a score, else as published. */
  zone: Zone | null;
  zoneBasis: "computed" | "published" | null;
  /** False when the zone comes from unverified bands. */
  zoneVerified: boolean;
  category: Category | null;
  label: string | null;
}

/**
 * The zone, category and label a reader is shown for a result: one rule for the public record
 * (ranking-view.ts) and for an admin's view of a change waiting for review, so that the review
 * shows a change as the public would see it.
 */
export function shownClassification(input: ShownInput, methodology: Methodology | null | undefined): Shown {
  const computed = input.score !== null ? classifyScore(input.score, methodology) : null;
  return {
    zone: computed?.zone ?? input.publishedZone,
    zoneBasis: computed ? "computed" : input.publishedZone ? "published" : null,
    zoneVerified: computed ? computed.verified : true,
    category: computed ? computed.category : input.publishedCategory,
    label: computed?.category ? computed.label : (input.publishedOpinion ?? computed?.label ?? null),
  };
}
