/**
 * What an import plan works with: the database as read beforehand (ImportContext, filled by
 * load-context.ts, or built in memory by a test), and the vocabulary its steps share. Pure.
 */
import type { Actor } from "@/lib/ledger/access";
import type { EntityIndex } from "@/lib/domain/match";
import type { SourceReport } from "@/lib/domain/primary";
import type { Category, EntityType, Methodology, Zone } from "@/lib/domain/types";

export interface ContextEntity {
  id: number;
  type: EntityType;
  name: string;
  provinceId: number | null;
  key: string;
}

export interface ContextProvince {
  id: number;
  name: string;
  key: string;
  splitFromId: number | null;
  formedIn: number | null;
}

/** The comparable content of a result (what an import sets). */
export interface ResultFields {
  provinceId: number | null;
  score: number | null;
  publishedZone: Zone | null;
  publishedCategory: Category | null;
  publishedOpinion: string | null;
  publishedNationalRank: number | null;
  publishedProvinceRank: number | null;
  sourceUrl: string | null;
}

export const RESULT_FIELD_KEYS = [
  "provinceId",
  "score",
  "publishedZone",
  "publishedCategory",
  "publishedOpinion",
  "publishedNationalRank",
  "publishedProvinceRank",
  "sourceUrl",
] as const satisfies readonly (keyof ResultFields)[];

/** One source's report of a result (one row of the file), with the row's notes and the facts about it. */
export interface SourceFields extends SourceReport {
  notes: string;
  yearInferred: boolean;
  rankFromList: boolean;
  provinceRankWithinType: boolean;
  disputed: boolean;
}

/** What identifies a stored group statement: the same source stating the same figures for the same group. */
export interface StatementKey {
  year: number;
  provinceId: number | null;
  entityGroup: string;
  sourceUrl: string;
  zone: Zone | null;
  category: Category | null;
  opinion: string | null;
}

export const statementKey = (k: StatementKey) =>
  [k.year, k.provinceId ?? "N", k.entityGroup, k.sourceUrl, k.zone ?? "", k.category ?? "", k.opinion ?? ""].join("|");

export interface ExistingStatement {
  id: number;
  memberIds: ReadonlySet<number>;
}

export interface ExistingResult {
  id: number;
  version: number;
  /** Its fields and sources as an edit sees them: with its pending revision, if one waits
   * (unless the import publishes: then as published). */
  deleted: boolean;
  fields: ResultFields;
  /** sourceIdentity() of each of its sources. */
  sources: ReadonlySet<string>;
  /** Published, or with a change waiting: an import that does not publish proposes a revision. */
  underReview: boolean;
  /** A change waits for review (an import that publishes replaces it). */
  hasRevision: boolean;
  /** Its fields as the public sees them now; null while it is not published. */
  publicFields?: ResultFields | null;
}

export interface ImportOptions {
  /** Create Polres, ministries and the like that no entity matches yet. */
  createEntities: boolean;
  /**
   * Leave a result that exists already as it is, whatever the file says (the seed: it never
   * overwrites what an admin may have corrected since). Otherwise the file updates it.
   */
  keepExisting?: boolean;
  /**
   * An ADMIN publishes the import (its explicit review): results are compared with, and updated
   * in, their published state. Otherwise a change to a published result becomes its pending
   * revision (lib/ledger/revisions.ts), compared with the change already waiting, if any.
   */
  publish?: boolean;
  /**
   * A row repeating an earlier one (same entity, year, source and figures) is the same report
   * compiled twice: merged into it instead of refused (the seed: the project's data holds a few).
   */
  mergeRepeatedRows?: boolean;
  /**
   * How the message of an unknown entity names the option that creates it: the command line's
   * flag by default; the import screen names its checkbox.
   */
  createEntitiesHint?: string;
}

export interface ImportContext extends Required<Omit<ImportOptions, "createEntitiesHint">>, Pick<ImportOptions, "createEntitiesHint"> {
  index: EntityIndex;
  entities: ReadonlyMap<number, ContextEntity>;
  provinces: readonly ContextProvince[];
  /**
   * Kabupaten/kota ids by regencyKey(provinceId, name): a new Polres is linked to the regency
   * of its name in its province.
   */
  regencies: ReadonlyMap<string, number>;
  methodologies: ReadonlyMap<number, Methodology>;
  /** By resultKey(entityId, year). */
  existing: ReadonlyMap<string, ExistingResult>;
  /** Stored group statements by statementKey(). */
  statements: ReadonlyMap<string, ExistingStatement>;
  takenSlugs: ReadonlySet<string>;
  /** Who imports: rows outside an EDITOR's provinces are errors. */
  actor: Actor;
}

export const resultKey = (entityId: number, year: number) => `${entityId}|${year}`;

/** The key of a regency: its province and its name as a Polres of it would be written ("kota:banjarmasin"). */
export const regencyKey = (provinceId: number, nameKey: string) => `${provinceId}|${nameKey}`;

export interface RowIssue {
  line: number;
  severity: "error" | "warning";
  column: string | null;
  message: string;
  /** Why an entity step refused a row, for callers that word it themselves (the seed's log). */
  reason?: "unknown_province" | "unknown_entity" | "ambiguous_entity" | "other_province" | "address_taken";
  /** An unknown entity: the known ones of its type and province whose names are close (the screen offers them). */
  suggestions?: { id: number; name: string }[];
}

export interface NewEntity {
  ref: number;
  type: EntityType;
  name: string;
  slug: string;
  provinceId: number | null;
  regencyId: number | null;
  aliases: string[];
  lines: number[];
}

export type EntityRef = { kind: "existing"; id: number } | { kind: "new"; ref: number };

export const entityRefKey = (ref: EntityRef) => (ref.kind === "existing" ? `e${ref.id}` : `n${ref.ref}`);

/** What makes two source rows the same report: the same link giving the same figures (notes aside). */
export function sourceIdentity(s: SourceReport): string {
  return [s.sourceUrl, s.score, s.zone, s.category, s.opinion, s.nationalRank, s.provinceRank].map((v) => v ?? "").join("|");
}
