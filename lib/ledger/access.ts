/** Who may write what: pure rules, checked on the server before every write. */

export const ROLES = ["ADMIN", "EDITOR"] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user (or the user an API token acts for), as the write logic needs it. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** Provinces an EDITOR may write in (ignored for ADMIN). */
  provinceIds: readonly number[];
  /** "session" or "api-token:<id>", recorded in the audit trail. */
  via: string;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

/**
 * May the actor write data of an entity in this province? ADMIN everywhere (national entities,
 * whose province is null, included); EDITOR only inside its own provinces.
 */
export function canWriteInProvince(actor: Actor, provinceId: number | null): boolean {
  if (isAdmin(actor)) return true;
  return provinceId !== null && actor.provinceIds.includes(provinceId);
}
