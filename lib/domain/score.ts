/** Scores as integer hundredths: parsing published text and formatting for display. */

export const MAX_SCORE = 10000;

export type ParseScoreResult =
  | { ok: true; hundredths: number }
  | { ok: false; reason: "empty" | "format" | "decimals" | "range" };

/**
 * Parse a published score ("91,66", "91.66", "89", " 95,4 ") into hundredths.
 * A score has at most two decimals and lies in 0–100. Thousands separators are never
 * valid in a score, so a single comma or dot is always the decimal mark.
 */
export function parseScore(input: string): ParseScoreResult {
  const text = input.trim();
  if (text === "") return { ok: false, reason: "empty" };
  const match = /^(\d{1,3})(?:[.,](\d+))?$/.exec(text);
  if (!match) return { ok: false, reason: "format" };
  const whole = Number(match[1]);
  const fraction = match[2] ?? "";
  if (fraction.length > 2) return { ok: false, reason: "decimals" };
  const hundredths = whole * 100 + Number(fraction.padEnd(2, "0"));
  if (hundredths > MAX_SCORE) return { ok: false, reason: "range" };
  return { ok: true, hundredths };
}

/** Hundredths → "91,66" in Indonesian, "91.66" in English; always two decimals. */
export function formatScore(hundredths: number, locale = "id-ID"): string {
  return formatHundredths(hundredths, locale);
}

// Building an Intl.NumberFormat costs far more than formatting with one (a national ranking
// page formats hundreds of scores), so one formatter per locale is kept.
const twoDecimals = new Map<string, Intl.NumberFormat>();

export function formatHundredths(hundredths: number, locale = "id-ID"): string {
  let format = twoDecimals.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    twoDecimals.set(locale, format);
  }
  return format.format(hundredths / 100);
}

/** Hundredths → "91.66" for machine formats (CSV, JSON): dot decimal, no grouping. */
export function hundredthsToDecimalString(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
