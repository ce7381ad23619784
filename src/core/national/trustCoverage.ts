/** One trust's coverage at the report's target date, for the per-row columns of the report's Trusts sheet. */
import { coverage } from "../calc";
import type { TrustRow } from "../schema";
import type { NationalOptions } from "./types";

export interface TrustCoverageFlags {
  readonly installed: boolean;
  readonly implementing: boolean;
}

/** Spec 7.3 for the one row (the core's coverage of a set of one), so the sheet's per-row flags add up to the figures. */
export function trustCoverageAt(row: TrustRow, options: NationalOptions): TrustCoverageFlags {
  const one = coverage([row], options.profile, options.asOf);
  return { installed: one.installed === 1, implementing: one.implementing === 1 };
}
