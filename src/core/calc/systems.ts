/**
 * Which system a trust is on now and will be on (spec 7.1), as a key that
 * convergence counts. Keys are internal: only how many trusts share one matters.
 */
import { NON_SYSTEM_SUPPLIERS, isLiveOrImplementing, planChangesSystem } from "../enums";
import type { Supplier } from "../enums";
import type { TrustRow } from "../schema";

/*
 * Each kind of key has its own prefix so that kinds cannot collide: the trust
 * code `TPP` is a valid code and must not count as the supplier `TPP`.
 */
const SUPPLIER_PREFIX = "supplier:";
const PRODUCT_PREFIX = "product:";
const TRUST_PREFIX = "trust:";
/** A trust whose code failed to read still is one trust of its own: its sheet row tells it apart. */
const ROW_PREFIX = "row:";

function isNonSystemSupplier(supplier: Supplier): boolean {
  return NON_SYSTEM_SUPPLIERS.includes(supplier);
}

/** In-house and Other are never shared with another trust unless the product says so. */
function ownTrustKey(row: TrustRow): string {
  return row.trustCode !== null ? TRUST_PREFIX + row.trustCode : ROW_PREFIX + String(row.row);
}

function productKey(supplier: Supplier, product: string | null): string | null {
  const folded = product?.trim().toLowerCase() ?? "";
  return folded === "" ? null : `${PRODUCT_PREFIX}${supplier}:${folded}`;
}

/** The current system: the supplier of a Live trust; null when the trust has none. */
export function currentSystem(row: TrustRow): string | null {
  if (row.eprStatus !== "Live" || row.supplier === null) return null;
  if (!isNonSystemSupplier(row.supplier)) return SUPPLIER_PREFIX + row.supplier;
  return productKey(row.supplier, row.product) ?? ownTrustKey(row);
}

/**
 * The target system: the target supplier when the plan changes system (blank
 * target supplier: none), otherwise the supplier of a Live or Implementing
 * trust. In-house and Other targets are always the trust's own system, since
 * the return has no target product to tell whether two of them are the same.
 */
export function targetSystem(row: TrustRow): string | null {
  const supplier = planChangesSystem(row.plan)
    ? row.targetSupplier
    : isLiveOrImplementing(row.eprStatus)
      ? row.supplier
      : null;
  if (supplier === null) return null;
  return isNonSystemSupplier(supplier) ? ownTrustKey(row) : SUPPLIER_PREFIX + supplier;
}
