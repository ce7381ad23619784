/** The funding and procurement row rules of spec section 6, as data. */
import { DEFAULT_SEVERITY, ruleMessages as m } from "../catalogue";
import { addMonths } from "../dates";
import type { TrustRow } from "../schema";
import { BoundedMemo } from "../read/memo";
import type { RowRule } from "./types";

/** Differences up to £1 are rounding, not a gap. */
export const FUNDING_GAP_TOLERANCE = 1;

/** total − local − national, blanks as 0, in whole pence so that floating point does not blur the £1 boundary. */
export function fundingGap(t: TrustRow): number | null {
  if (t.totalCost === null) return null;
  const pence = (amount: number | null): number => Math.round((amount ?? 0) * 100);
  return (pence(t.totalCost) - pence(t.localFunding) - pence(t.nationalFunding)) / 100;
}

/** The day 24 months on from each start date, worked out once per date (a sheet repeats them). */
const twoYearsOn = new BoundedMemo<string, string>(20_000, (start) => addMonths(start, 24));

/** More than 24 months: the award falls after the day 24 months on from the start. */
export function isOverTwoYears(start: string, award: string): boolean {
  return award > twoYearsOn.get(start);
}

export const FUNDING_RULES: readonly RowRule[] = [
  {
    id: "local-only-with-national",
    code: "inconsistent", severity: "warning", column: "nationalFunding",
    applies: ({ trust: t }) => t.fundingModel === "Local only" && (t.nationalFunding ?? 0) > 0,
    message: ({ trust: t, header: h }) => m.localOnlyWithNational(h("nationalFunding"), h("fundingModel"), t.nationalFunding ?? 0),
  },
  {
    id: "procurement-over-two-years",
    code: "procurement_over_two_years", severity: DEFAULT_SEVERITY.procurement_over_two_years, column: "contractAwardDate",
    applies: ({ trust: t }) => t.procurementStartDate !== null && t.contractAwardDate !== null && isOverTwoYears(t.procurementStartDate, t.contractAwardDate),
    message: ({ trust: t, header: h }) =>
      m.procurementOverTwoYears(h("contractAwardDate"), h("procurementStartDate"), t.contractAwardDate ?? "", t.procurementStartDate ?? ""),
  },
  {
    id: "funding-gap",
    code: "funding_gap", severity: DEFAULT_SEVERITY.funding_gap, column: "totalCost",
    applies: ({ trust: t }) => Math.abs(fundingGap(t) ?? 0) > FUNDING_GAP_TOLERANCE,
    message: ({ trust: t, header: h }) =>
      m.fundingGap(h("totalCost"), t.totalCost ?? 0, t.localFunding ?? 0, t.nationalFunding ?? 0, fundingGap(t) ?? 0),
  },
  {
    id: "matched-funding-exceeded",
    code: "matched_funding_exceeded", severity: DEFAULT_SEVERITY.matched_funding_exceeded, column: "nationalFunding",
    applies: ({ trust: t }) => t.fundingModel === "Matched 50/50" && (t.nationalFunding ?? 0) > (t.localFunding ?? 0),
    message: ({ trust: t, header: h }) => m.matchedFundingExceeded(h("nationalFunding"), h("fundingModel"), t.nationalFunding ?? 0, t.localFunding ?? 0),
  },
];
