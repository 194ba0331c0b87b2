/**
 * Ids as forms, the API and files send them: decimal digits only, within the database column
 * (lib/domain/numbers.ts). `Number()` read "0x22d" as 557, "1e3" as 1000, and 2^63 reached the
 * database as an error 500.
 */
import { z } from "zod";
import { parseId } from "@/lib/domain/numbers";

const asId = (value: unknown): number => parseId(typeof value === "string" ? value.trim() : value) ?? NaN;

/** A required id; `message` for anything that is not one. */
export const idField = (message: string) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : asId(v)), z.number({ error: message }));

/** "" or nothing → null; otherwise an id. */
export const optionalIdField = (message: string) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : asId(v)), z.number({ error: message }).nullable());
