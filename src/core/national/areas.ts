/** The headline figures of a set of returns taken together (docs/national.md): spec section 7 over all their trust rows. */
import { scoreReturn } from "../calc";
import { REGIONS, type Region } from "../enums";
import type { TrustRow } from "../schema";
import type { AreaFigures, NationalOptions, RegionFigures, ReturnSummary } from "./types";

/**
 * The returns' trust rows as one list, each row numbered by its place in the list. The core tells apart two
 * trusts with no readable code by their sheet row (an In-house trust is a system of its own, 7.1); rows of
 * different returns share sheet rows, so here they are numbered across the whole list instead.
 */
export function concatenatedRows(returns: readonly ReturnSummary[]): TrustRow[] {
  const rows: TrustRow[] = [];
  for (const r of returns) for (const trust of r.trusts) rows.push({ ...trust, row: rows.length + 1 });
  return rows;
}

/** Spec section 7 over every trust row of the returns, as one flat record. */
export function areaFigures(returns: readonly ReturnSummary[], options: NationalOptions): AreaFigures {
  const score = scoreReturn(concatenatedRows(returns), { profile: options.profile, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) });
  const { now, target } = score.convergence;
  const { coverage, funding } = score;
  return {
    icss: returns.length,
    trusts: score.trusts,
    installed: coverage.installed,
    implementing: coverage.implementing,
    installedShare: coverage.installedShare,
    coveredShare: coverage.coveredShare,
    met: coverage.met,
    date90: coverage.date90,
    systemsNow: now.systems,
    systemsTarget: target.systems,
    effectiveNow: now.effective,
    effectiveTarget: target.effective,
    scoreNow: now.score,
    scoreTarget: target.score,
    totalCost: funding.totalCost,
    localFunding: funding.localFunding,
    nationalFunding: funding.nationalFunding,
    gap: funding.gap,
  };
}

/**
 * The figures of each region a return names, in the regions' order, then of the returns naming none (region
 * null). None at all when no return names a region: one group of every return would only repeat the national row.
 */
export function regionFigures(returns: readonly ReturnSummary[], options: NationalOptions): RegionFigures[] {
  if (!returns.some((r) => r.region !== null)) return [];
  const groups: (Region | null)[] = [...REGIONS, null];
  return groups.flatMap((region) => {
    const members = returns.filter((r) => r.region === region);
    return members.length === 0 ? [] : [{ region, ...areaFigures(members, options) }];
  });
}
