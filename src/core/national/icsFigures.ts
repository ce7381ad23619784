/** One row per return for the ICSs table: its own figures against the report's profile (not the one on its ICS sheet). */
import { scoreReturn } from "../calc";
import type { IcsFigures, NationalOptions, ReturnSummary } from "./types";

export function icsFigures(r: ReturnSummary, options: NationalOptions): IcsFigures {
  const score = scoreReturn(r.trusts, { profile: options.profile, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) });
  const { now, target } = score.convergence;
  return {
    file: r.file,
    icsName: r.icsName,
    icbCode: r.icbCode,
    region: r.region,
    trusts: score.trusts,
    errors: r.errors,
    warnings: r.warnings,
    stamp: r.stamp,
    installedShare: score.coverage.installedShare,
    coveredShare: score.coverage.coveredShare,
    met: score.coverage.met,
    scoreNow: now.score,
    scoreTarget: target.score,
    effectiveNow: now.effective,
    effectiveTarget: target.effective,
    nationalFunding: score.funding.nationalFunding,
    submissionDate: r.submissionDate,
  };
}
