/**
 * Text a spreadsheet would run as a formula (OWASP, "CSV Injection"): a cell that starts with
 * = + - @, a tab or a carriage return. A negative number written as plain decimal text ("-3.25",
 * as the exports write changes) is data, not a formula. The exports make such cells inert
 * (lib/export/spreadsheet-safe.ts); the importer warns about them (lib/ledger/import/parse.ts).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}
