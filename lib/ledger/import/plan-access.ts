/** Import plan, step 3: the importer may write results of the row's entity (an EDITOR only in its provinces). */
import { canWriteInProvince, type Actor } from "@/lib/ledger/access";
import type { PlannedEntity } from "./plan-entity";
import type { ReportIssue } from "./plan-issues";

export function planAccess(actor: Actor, entity: PlannedEntity, report: ReportIssue): boolean {
  if (canWriteInProvince(actor, entity.provinceId)) return true;
  report("province", `Anda tidak berwenang mengimpor hasil ${entity.name}.`);
  return false;
}
