/** Funding totals of a return (spec 7.4). */
import { FUNDING_MODELS } from "../enums";
import type { FundingModel } from "../enums";
import type { FundingResult } from "../results";
import type { TrustRow } from "../schema";

/** Sums of cost and funding (blank counts as 0), the gap, and rows per funding model (every model listed, 0 when unused). */
export function funding(rows: readonly TrustRow[]): FundingResult {
  const byModel = Object.fromEntries(FUNDING_MODELS.map((model) => [model, 0])) as Record<FundingModel, number>;
  let totalCost = 0;
  let localFunding = 0;
  let nationalFunding = 0;
  for (const row of rows) {
    totalCost += row.totalCost ?? 0;
    localFunding += row.localFunding ?? 0;
    nationalFunding += row.nationalFunding ?? 0;
    if (row.fundingModel !== null) byModel[row.fundingModel] += 1;
  }
  return { totalCost, localFunding, nationalFunding, gap: totalCost - localFunding - nationalFunding, byModel };
}
