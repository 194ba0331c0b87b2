/**
 * Whole numbers that come from outside (URLs, query strings, form fields, JSON bodies, files).
 *
 * `Number(text)` reads far more than digits: "1e3" is 1000, "0x22d" is 557, " 12 " is 12, ""
 * is 0 and "9223372036854775808" silently loses precision. An id or a year is written with
 * decimal digits and nothing else, and must fit the column it is stored in.
 */

/** The largest id a database column holds (SQLite and PostgreSQL `integer`, Prisma `Int`). */
export const MAX_ID = 2_147_483_647;

export interface WholeNumberRange {
  min?: number;
  max?: number;
}

/** A run of ASCII decimal digits, at most 15 of them (below 2^53: always exact). */
const DIGITS = /^[0-9]{1,15}$/;

/**
 * The value of `input` when it is a whole number within [min, max] (default 0 to MAX_ID):
 * a string of decimal digits only, or a JavaScript number that is a safe integer. Anything
 * else — signs, spaces, decimals, exponents, hexadecimal, empty text, other types — is null.
 */
export function parseWholeNumber(input: unknown, range: WholeNumberRange = {}): number | null {
  const min = range.min ?? 0;
  const max = range.max ?? MAX_ID;
  let value: number;
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input)) return null;
    value = input;
  } else if (typeof input === "string") {
    if (!DIGITS.test(input)) return null;
    value = Number(input);
  } else {
    return null;
  }
  return value >= min && value <= max ? value : null;
}

/** An id (1 to MAX_ID) from a path segment, form field or body field; null when not one. */
export function parseId(input: unknown): number | null {
  return parseWholeNumber(input, { min: 1, max: MAX_ID });
}

/** An assessment year as Rapor stores them (2000–2100); null when not one. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const satisfies WholeNumberRange;

export function parseYear(input: unknown): number | null {
  return parseWholeNumber(input, YEAR_RANGE);
}
