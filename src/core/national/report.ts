/** The national report of a set of returns (docs/national.md): one pure function from what was read to every figure. */
import { PROFILES } from "../profiles";
import { chooseProfile } from "./profile";
import { areaFigures, concatenatedRows, regionFigures } from "./areas";
import { icsFigures } from "./icsFigures";
import { nationalProblems } from "./problems";
import { supplierMarket } from "./suppliers";
import type { NationalOptions, NationalReport, ReturnSummary, UnreadableReturn } from "./types";

/**
 * National and regional figures are spec section 7 over all the trust rows of all the readable returns together
 * (shares over all trusts, not an average of the ICSs'); the ICSs each on their own; the suppliers over all rows.
 * Returns with errors count as read: their errors are listed, not left out of the figures.
 */
export function nationalReport(returns: readonly ReturnSummary[], unreadable: readonly UnreadableReturn[], given: Partial<NationalOptions> = {}): NationalReport {
  const chosen = chooseProfile(given.profile, returns.map((r) => r.targetProfile));
  const options: NationalOptions = { profile: chosen.profile, ...(given.asOf !== undefined ? { asOf: given.asOf } : {}) };
  const profile = PROFILES[options.profile];
  return {
    profile: options.profile,
    profileFrom: chosen.from,
    asOf: options.asOf ?? profile.asOf,
    minInstalledShare: profile.minInstalledShare,
    minCoveredShare: profile.minCoveredShare,
    national: areaFigures(returns, options),
    regions: regionFigures(returns, options),
    icss: returns.map((r) => icsFigures(r, options)),
    suppliers: supplierMarket(concatenatedRows(returns)),
    problems: nationalProblems(returns, unreadable),
  };
}
