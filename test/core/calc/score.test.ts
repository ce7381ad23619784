import { scoreReturn } from "../../../src/core/calc";
import { trustRow } from "./trustRow";

/*
 * A small return, worked by hand:
 *   RAA Live Epic (2019-06-01), Keep, 800 beds
 *   RBB Live Oracle Health (2018-01-01), Converge to Epic by 2025-10-01, award 2024-06-30, 600 beds
 *   RCC Live In-house "PAS" (2010-01-01), New EPR on Other by 2026-02-01, 300 beds
 *   RDD Implementing Epic (go-live 2024-03-01), Keep, beds blank
 *   RTT No EPR, New EPR on Nervecentre by 2027-01-31, award 2025-01-15, 200 beds
 */
const rows = [
  trustRow({ trustCode: "RAA", eprStatus: "Live", supplier: "Epic", goLiveDate: "2019-06-01", plan: "Keep", fundingModel: "None", beds: 800 }),
  trustRow({
    trustCode: "RBB", eprStatus: "Live", supplier: "Oracle Health", goLiveDate: "2018-01-01", plan: "Converge", targetSupplier: "Epic",
    targetGoLiveDate: "2025-10-01", contractAwardDate: "2024-06-30", fundingModel: "Matched 50/50", totalCost: 20_000_000,
    localFunding: 10_000_000, nationalFunding: 10_000_000, beds: 600,
  }),
  trustRow({
    trustCode: "RCC", eprStatus: "Live", supplier: "In-house", product: "PAS", goLiveDate: "2010-01-01", plan: "New EPR", targetSupplier: "Other",
    targetGoLiveDate: "2026-02-01", fundingModel: "Tailored", totalCost: 5_000_000, localFunding: 1_000_000, nationalFunding: 3_000_000, beds: 300,
  }),
  trustRow({ trustCode: "RDD", eprStatus: "Implementing", supplier: "Epic", goLiveDate: "2024-03-01", plan: "Keep", beds: null }),
  trustRow({
    trustCode: "RTT", eprStatus: "No EPR", plan: "New EPR", targetSupplier: "Nervecentre", targetGoLiveDate: "2027-01-31",
    contractAwardDate: "2025-01-15", fundingModel: "Tailored", totalCost: 8_000_000, localFunding: 2_000_000, nationalFunding: 6_000_000, beds: 200,
  }),
];

describe("scoreReturn", () => {
  it("scores the return against dec-2023", () => {
    const result = scoreReturn(rows, { profile: "dec-2023" });
    expect(result.trusts).toBe(5);

    // now: Epic, Oracle Health, In-house PAS → every trust on its own system
    expect(result.convergence.now).toMatchObject({ systems: 3, trusts: 3 });
    expect(result.convergence.now.hhi).toBeCloseTo(1 / 3, 15);
    expect(result.convergence.now.effective).toBeCloseTo(3, 12);
    expect(result.convergence.now.score).toBeCloseTo(0, 10);

    // target: Epic ×3 (RAA, RBB, RDD), RCC's own Other, Nervecentre → HHI 11/25
    expect(result.convergence.target).toMatchObject({ systems: 3, trusts: 5, hhi: 0.44 });
    expect(result.convergence.target.effective).toBeCloseTo(25 / 11, 12);
    expect(result.convergence.target.score).toBeCloseTo(3000 / 44, 10);
    expect(result.convergence.target).not.toHaveProperty("leftOut");

    // installed by D: RAA, RBB, RCC; implementing: RDD; RTT's award is after D
    expect(result.coverage).toEqual({
      profile: "dec-2023", asOf: "2023-12-31", installed: 3, implementing: 1, installedShare: 0.6, coveredShare: 0.8, met: false,
      // k = ⌈4.5⌉ = 5: the latest of the five installation dates
      date90: "2027-01-31",
    });

    expect(result.funding).toEqual({
      totalCost: 33_000_000, localFunding: 13_000_000, nationalFunding: 19_000_000, gap: 1_000_000,
      byModel: { "Matched 50/50": 1, Tailored: 2, "Local only": 0, None: 1 },
    });
  });

  it("meets mar-2026: RDD is installed by then and RTT's contract is awarded", () => {
    const { coverage } = scoreReturn(rows, { profile: "mar-2026" });
    expect(coverage).toMatchObject({ asOf: "2026-03-31", installed: 4, implementing: 1, installedShare: 0.8, coveredShare: 1, met: true });
  });

  it("passes a custom as-of date to coverage", () => {
    const { coverage } = scoreReturn(rows, { profile: "dec-2023", asOf: "2024-06-30" });
    // RDD installed; RBB's award does not matter (already installed); RTT not yet awarded
    expect(coverage).toMatchObject({ profile: "dec-2023", asOf: "2024-06-30", installed: 4, implementing: 0, installedShare: 0.8, coveredShare: 0.8, met: false });
  });

  it("weights now and target by beds", () => {
    const { convergence } = scoreReturn(rows, { profile: "dec-2023", weight: "beds" });
    // now: 800, 600, 300 of 1700 → HHI 109/289; n = 3
    expect(convergence.now).toMatchObject({ systems: 3, trusts: 3, leftOut: 0 });
    expect(convergence.now.hhi).toBeCloseTo(109 / 289, 15);
    expect(convergence.now.effective).toBeCloseTo(289 / 109, 12);
    expect(convergence.now.score).toBeCloseTo(1900 / 109, 10);
    // target: Epic 800 + 600 (RDD blank, left out), Other 300, Nervecentre 200 of 1900 → HHI 209/361; n stays 5
    expect(convergence.target).toMatchObject({ systems: 3, trusts: 5, leftOut: 1 });
    expect(convergence.target.hhi).toBeCloseTo(209 / 361, 15);
    expect(convergence.target.effective).toBeCloseTo(19 / 11, 12);
    expect(convergence.target.score).toBeCloseTo(900 / 11, 10);
  });

  it("scores an empty return without NaN", () => {
    const result = scoreReturn([], { profile: "dec-2023" });
    expect(result.trusts).toBe(0);
    expect(result.convergence.now).toEqual({ systems: 0, trusts: 0, hhi: 0, effective: 0, score: 100 });
    expect(result.coverage).toMatchObject({ installedShare: 0, coveredShare: 0, met: false, date90: null });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
