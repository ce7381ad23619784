/** Target profiles of spec section 7.3. */
import type { IsoDate } from "./dates";
import type { ProfileName } from "./schema";

export interface TargetProfile {
  readonly name: ProfileName;
  readonly asOf: IsoDate;
  readonly minInstalledShare: number;
  readonly minCoveredShare: number;
}

export const PROFILES: Readonly<Record<ProfileName, TargetProfile>> = {
  "dec-2023": { name: "dec-2023", asOf: "2023-12-31", minInstalledShare: 0.9, minCoveredShare: 1 },
  "mar-2026": { name: "mar-2026", asOf: "2026-03-31", minInstalledShare: 0, minCoveredShare: 1 },
};

export const DEFAULT_PROFILE: ProfileName = "dec-2023";
