/**
 * Market shares by supplier, now and after the plans, by trusts and by beds: the Scores view's chart for one
 * return (app/figures.ts) and the national report's Suppliers table. Pure.
 */
import { systemsConvergence } from "../calc";
import { isLiveOrImplementing, planChangesSystem, type Supplier } from "../enums";
import type { TrustRow } from "../schema";
import type { SupplierMarket, SupplierMarketRow } from "./types";

/** The supplier of the trust's current system (spec 7.1): a Live trust's supplier. */
export function supplierNow(row: TrustRow): Supplier | null {
  return row.eprStatus === "Live" ? row.supplier : null;
}

/** The supplier of the trust's target system (spec 7.1): the target supplier when the plan changes system, else its own when Live or Implementing. */
export function supplierAtTarget(row: TrustRow): Supplier | null {
  if (planChangesSystem(row.plan)) return row.targetSupplier;
  return isLiveOrImplementing(row.eprStatus) ? row.supplier : null;
}

/** Beds as a weight: blank (or not a usable number) leaves the trust out of the bed shares. */
function bedsOf(row: TrustRow): number | null {
  return typeof row.beds === "number" && Number.isFinite(row.beds) && row.beds >= 0 ? row.beds : null;
}

interface Tally {
  /** Trusts and beds per supplier. */
  readonly trusts: Map<Supplier, number>;
  readonly beds: Map<Supplier, number>;
  trustsTotal: number;
  bedsTotal: number;
  withoutBeds: number;
  readonly hhi: number;
  readonly bedHhi: number;
}

function tally(rows: readonly TrustRow[], supplierOf: (row: TrustRow) => Supplier | null): Tally {
  const suppliers = rows.map(supplierOf);
  const beds = rows.map(bedsOf);
  const result: Tally = {
    trusts: new Map(), beds: new Map(), trustsTotal: 0, bedsTotal: 0, withoutBeds: 0,
    // Each supplier one system (In-house and Other too): the HHI of the shares below, by the core's one formula (7.2).
    hhi: systemsConvergence(suppliers).hhi,
    bedHhi: systemsConvergence(suppliers, beds).hhi,
  };
  suppliers.forEach((supplier, i) => {
    if (supplier === null) return;
    result.trusts.set(supplier, (result.trusts.get(supplier) ?? 0) + 1);
    result.trustsTotal += 1;
    const b = beds[i] ?? null;
    if (b === null) {
      result.withoutBeds += 1;
      return;
    }
    result.beds.set(supplier, (result.beds.get(supplier) ?? 0) + b);
    result.bedsTotal += b;
  });
  return result;
}

const shareOf = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * The market: one row per supplier that any trust is on now or will be on, largest (now or at target) first, then
 * by name. Shares are of the trusts with a supplier (by trusts), or of the beds of those giving their beds (by beds).
 */
export function supplierMarket(rows: readonly TrustRow[]): SupplierMarket {
  const now = tally(rows, supplierNow);
  const target = tally(rows, supplierAtTarget);
  const suppliers = new Set<Supplier>([...now.trusts.keys(), ...target.trusts.keys()]);
  const marketRows: SupplierMarketRow[] = [...suppliers].map((supplier) => {
    const trustsNow = now.trusts.get(supplier) ?? 0;
    const trustsTarget = target.trusts.get(supplier) ?? 0;
    const bedsNow = now.beds.get(supplier) ?? 0;
    const bedsTarget = target.beds.get(supplier) ?? 0;
    return {
      supplier, trustsNow, trustsTarget,
      shareNow: shareOf(trustsNow, now.trustsTotal), shareTarget: shareOf(trustsTarget, target.trustsTotal),
      bedsNow, bedsTarget,
      bedShareNow: shareOf(bedsNow, now.bedsTotal), bedShareTarget: shareOf(bedsTarget, target.bedsTotal),
    };
  });
  marketRows.sort((a, b) => Math.max(b.shareNow, b.shareTarget) - Math.max(a.shareNow, a.shareTarget) || a.supplier.localeCompare(b.supplier));
  return {
    rows: marketRows,
    trustsNow: now.trustsTotal, trustsTarget: target.trustsTotal,
    bedsNow: now.bedsTotal, bedsTarget: target.bedsTotal,
    withoutBedsNow: now.withoutBeds, withoutBedsTarget: target.withoutBeds,
    hhiNow: now.hhi, hhiTarget: target.hhi, bedHhiNow: now.bedHhi, bedHhiTarget: target.bedHhi,
  };
}
