/**
 * The calculations over plain spreadsheet values, for the Excel custom
 * functions (EPR.DISTINCT, EPR.HHI, EPR.EFFECTIVE, EPR.CONVERGENCE, EPR.COVERAGE).
 * The functions layer turns cells into these arguments and maps supplier
 * aliases to canonical names before calling.
 */
import type { IsoDate } from "../dates";
import type { ConvergenceResult } from "../results";
import { convergence } from "./convergence";
import { installationDateOf, isOnOrBefore } from "./coverage";

export type TrustCoverageState = "installed" | "implementing" | "not covered";

/** Blank or only spaces: no system. Otherwise the text trimmed and case-folded is the system. */
function supplierKey(supplier: string | null): string | null {
  const folded = supplier?.trim().toLowerCase() ?? "";
  return folded === "" ? null : folded;
}

/**
 * Convergence over a column of supplier names (and optionally a column of
 * weights, aligned with it). Each distinct non-blank text is one system: the
 * sheet has no product or trust code here, so `In-house` rows share one key.
 */
export function systemsConvergence(suppliers: readonly (string | null)[], weights?: readonly (number | null)[]): ConvergenceResult {
  return convergence(suppliers.map(supplierKey), weights);
}

function isLiveOrImplementingText(status: string | null): boolean {
  const folded = status?.trim().toLowerCase();
  return folded === "live" || folded === "implementing";
}

/**
 * One trust's coverage at asOf (spec 7.3). The contract award date is not
 * passed here, so only the status makes a trust implementing.
 */
export function trustCoverage(status: string | null, goLive: IsoDate | null, targetGoLive: IsoDate | null, asOf: IsoDate): TrustCoverageState {
  const liveOrImplementing = isLiveOrImplementingText(status);
  if (isOnOrBefore(installationDateOf(liveOrImplementing, goLive, targetGoLive), asOf)) return "installed";
  return liveOrImplementing ? "implementing" : "not covered";
}
