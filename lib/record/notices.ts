import type { InvalidParam } from "./query";

/**
 * What a page did with an address it could not show as written: a parameter value dropped
 * (invalid, or naming nothing the record knows), and what is shown instead. The page names each
 * value and links the address of what it shows (the canonical one), so that a bad or stale link
 * is never silently replaced.
 */
export type NoticeReason =
  /** Not a valid value of the parameter ("abc" for a year). */
  | "invalid"
  /** A valid year without published results: the year the page opens on is shown (lib/record/years.ts). */
  | "unpublishedYear"
  /** A province slug that names no province. */
  | "unknownProvince"
  /** A year the entity has no published result for: every year is shown. */
  | "entityYear"
  /** Entities beyond the four a comparison shows. */
  | "beyondCompared"
  /** A page number past the last page: the last page is shown. */
  | "pageBeyond";

export interface UrlNotice {
  param: string;
  value: string;
  reason: NoticeReason;
}

/** The notices of a lenient parse (lib/record/query.ts): every invalid value. */
export function invalidNotices(invalid: readonly InvalidParam[]): UrlNotice[] {
  return invalid.map(({ param, value }) => ({ param, value, reason: "invalid" }));
}

/** A year asked for that is not the one shown (a valid year without published results: the view
 * chose its opening year instead, lib/record/years.ts). */
export function yearNotice(requested: number | undefined, shown: number | null): UrlNotice[] {
  return requested !== undefined && requested !== shown ? [{ param: "tahun", value: String(requested), reason: "unpublishedYear" }] : [];
}

/** What a page says about its address: the notices and the address of what it shows. */
export interface AddressReport {
  notices: UrlNotice[];
  /** The path and query of what is shown (no locale prefix). */
  canonical: string;
}
