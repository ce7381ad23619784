/** When a field must be filled (spec section 3), for the `required` rule and `missing_column`. */
import { columnDef, type ColumnKey, type Requirement } from "../columns";
import { isLiveOrImplementing, planChangesSystem } from "../enums";
import type { TrustRow } from "../schema";

export function isRequiredFor(requirement: Requirement, trust: TrustRow): boolean {
  switch (requirement) {
    case "always": return true;
    case "whenLiveOrImplementing": return isLiveOrImplementing(trust.eprStatus);
    case "whenPlanChangesSystem": return planChangesSystem(trust.plan);
    case "never": return false;
  }
}

export function isColumnRequiredFor(key: ColumnKey, trust: TrustRow): boolean {
  return isRequiredFor(columnDef(key).required, trust);
}
