/** EPR coverage against a target profile (spec 7.3). */
import type { IsoDate } from "../dates";
import { isLiveOrImplementing } from "../enums";
import { PROFILES } from "../profiles";
import type { CoverageResult } from "../results";
import type { ProfileName, TrustRow } from "../schema";

/**
 * When a trust has (or will have) its EPR installed: the go-live date of a
 * trust that is Live or Implementing, otherwise the target go-live date.
 */
export function installationDateOf(liveOrImplementing: boolean, goLive: IsoDate | null, targetGoLive: IsoDate | null): IsoDate | null {
  return liveOrImplementing ? goLive : targetGoLive;
}

export function installationDate(row: TrustRow): IsoDate | null {
  return installationDateOf(isLiveOrImplementing(row.eprStatus), row.goLiveDate, row.targetGoLiveDate);
}

/** ISO dates compare correctly as strings; "on D" counts as by D. */
export function isOnOrBefore(date: IsoDate | null, asOf: IsoDate): boolean {
  return date !== null && date <= asOf;
}

function isImplementingAt(row: TrustRow, asOf: IsoDate): boolean {
  return isLiveOrImplementing(row.eprStatus) || isOnOrBefore(row.contractAwardDate, asOf);
}

/** k = ⌈9T/10⌉ in integer arithmetic. */
export function date90Rank(trusts: number): number {
  return Math.floor((9 * trusts + 9) / 10);
}

/** The k-th earliest installation date (k = ⌈9T/10⌉); null when fewer than k trusts have one, or T = 0. */
function date90(rows: readonly TrustRow[]): IsoDate | null {
  const k = date90Rank(rows.length);
  if (k === 0) return null;
  const dates = rows.map(installationDate).filter((d): d is IsoDate => d !== null).sort();
  return dates[k - 1] ?? null;
}

/**
 * Installed and implementing trusts at D (the profile's date, or `asOf`; the
 * minimum shares stay the profile's). With no trusts the shares are 0 and the
 * target is not met: an empty return shows no coverage.
 */
export function coverage(rows: readonly TrustRow[], profile: ProfileName, asOf?: IsoDate): CoverageResult {
  const target = PROFILES[profile];
  const date = asOf ?? target.asOf;
  let installed = 0;
  let implementing = 0;
  for (const row of rows) {
    if (isOnOrBefore(installationDate(row), date)) installed += 1;
    else if (isImplementingAt(row, date)) implementing += 1;
  }
  const total = rows.length;
  const installedShare = total === 0 ? 0 : installed / total;
  const coveredShare = total === 0 ? 0 : (installed + implementing) / total;
  const met = total > 0 && installedShare >= target.minInstalledShare && coveredShare >= target.minCoveredShare;
  return { profile, asOf: date, installed, implementing, installedShare, coveredShare, met, date90: date90(rows) };
}
