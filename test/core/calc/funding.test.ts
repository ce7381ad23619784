import { funding } from "../../../src/core/calc";
import { trustRow } from "./trustRow";

describe("funding", () => {
  it("sums cost and funding, counting blanks as 0, and works out the gap", () => {
    const rows = [
      trustRow({ fundingModel: "Matched 50/50", totalCost: 10_000_000, localFunding: 5_000_000, nationalFunding: 5_000_000 }),
      trustRow({ fundingModel: "Tailored", totalCost: 4_000_000, localFunding: null, nationalFunding: 3_000_000 }),
      trustRow({ fundingModel: "Matched 50/50", totalCost: null, localFunding: 250_000, nationalFunding: null }),
      trustRow({}),
    ];
    const result = funding(rows);
    expect(result.totalCost).toBe(14_000_000);
    expect(result.localFunding).toBe(5_250_000);
    expect(result.nationalFunding).toBe(8_000_000);
    // 14m − 5.25m − 8m
    expect(result.gap).toBe(750_000);
    expect(result.byModel).toEqual({ "Matched 50/50": 2, Tailored: 1, "Local only": 0, None: 0 });
  });

  it("gives a negative gap when funding exceeds cost", () => {
    expect(funding([trustRow({ totalCost: 100, localFunding: 80, nationalFunding: 40 })]).gap).toBe(-20);
  });

  it("lists every funding model with 0 for an empty return", () => {
    expect(funding([])).toEqual({
      totalCost: 0, localFunding: 0, nationalFunding: 0, gap: 0,
      byModel: { "Matched 50/50": 0, Tailored: 0, "Local only": 0, None: 0 },
    });
  });
});
