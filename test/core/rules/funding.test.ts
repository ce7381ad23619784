import { fundingGap, isOverTwoYears } from "../../../src/core/rules/funding";
import { cellsOf, issuesOf, NEW_EPR_ROW, validateRows } from "./sheetBuilder";

describe("funding_gap", () => {
  const gapCells = (totalCost: number | string, localFunding: number | null, nationalFunding: number | null) =>
    cellsOf(validateRows([{ ...NEW_EPR_ROW, totalCost, localFunding, nationalFunding }]), "funding_gap");

  it("tolerates a difference of up to £1 either way", () => {
    expect(gapCells(10_000_001, 5_000_000, 5_000_000)).toEqual([]);
    expect(gapCells(9_999_999, 5_000_000, 5_000_000)).toEqual([]);
    expect(gapCells(100.99, 50, 50)).toEqual([]);
  });

  it("warns beyond £1, on the total cost", () => {
    expect(gapCells(10_000_001.01, 5_000_000, 5_000_000)).toEqual(["P2 warning"]);
    expect(gapCells(9_999_998.99, 5_000_000, 5_000_000)).toEqual(["P2 warning"]);
  });

  it("counts blank local and national funding as 0", () => {
    expect(gapCells(1000, null, null)).toEqual(["P2 warning"]);
    expect(fundingGap({ ...validateRows([{ ...NEW_EPR_ROW, localFunding: null, nationalFunding: null }]).trusts[0]!, totalCost: 1000 })).toBe(1000);
  });

  it("states the gap in the message", () => {
    const result = validateRows([{ ...NEW_EPR_ROW, totalCost: "£1.2m", localFunding: 500_000, nationalFunding: 500_000 }]);
    expect(issuesOf(result, "funding_gap")[0]?.message).toContain("a gap of £200,000");
    const over = validateRows([{ ...NEW_EPR_ROW, totalCost: 900_000, localFunding: 500_000, nationalFunding: 500_000 }]);
    expect(issuesOf(over, "funding_gap")[0]?.message).toContain("£100,000 more funding than cost");
  });

  it("needs a total cost", () => {
    expect(cellsOf(validateRows([{ ...NEW_EPR_ROW, plan: "Keep", eprStatus: "Live", supplier: "Epic", goLiveDate: "2020-01-01", targetSupplier: null, totalCost: null }]), "funding_gap")).toEqual([]);
  });
});

describe("matched_funding_exceeded", () => {
  it("warns when national funding is above local funding under Matched 50/50", () => {
    expect(cellsOf(validateRows([{ ...NEW_EPR_ROW, localFunding: 4_999_999, nationalFunding: 5_000_001 }]), "matched_funding_exceeded")).toEqual(["R2 warning"]);
  });

  it("is fine when national equals local, and for other funding models", () => {
    expect(cellsOf(validateRows([NEW_EPR_ROW]), "matched_funding_exceeded")).toEqual([]);
    expect(cellsOf(validateRows([{ ...NEW_EPR_ROW, fundingModel: "Tailored", localFunding: 1, nationalFunding: 9_999_999 }]), "matched_funding_exceeded")).toEqual([]);
  });

  it("counts blank local funding as 0", () => {
    expect(cellsOf(validateRows([{ ...NEW_EPR_ROW, localFunding: null, nationalFunding: 1 }]), "matched_funding_exceeded")).toEqual(["R2 warning"]);
  });
});

describe("Local only with national funding", () => {
  it("warns when national funding is above 0", () => {
    const result = validateRows([{ ...NEW_EPR_ROW, fundingModel: "Local only", localFunding: 9_999_999, nationalFunding: 1 }]);
    expect(cellsOf(result, "inconsistent")).toEqual(["R2 warning"]);
  });

  it("is fine with 0 or blank national funding", () => {
    expect(cellsOf(validateRows([{ ...NEW_EPR_ROW, fundingModel: "Local only", localFunding: 10_000_000, nationalFunding: 0 }]), "inconsistent")).toEqual([]);
    expect(cellsOf(validateRows([{ ...NEW_EPR_ROW, fundingModel: "Local only", localFunding: 10_000_000, nationalFunding: null }]), "inconsistent")).toEqual([]);
  });
});

describe("procurement_over_two_years", () => {
  const award = (procurementStartDate: string, contractAwardDate: string) =>
    cellsOf(validateRows([{ ...NEW_EPR_ROW, procurementStartDate, contractAwardDate }]), "procurement_over_two_years");

  it("is fine at exactly 24 months and warns a day later, on the award date", () => {
    expect(award("2021-03-15", "2023-03-15")).toEqual([]);
    expect(award("2021-03-15", "2023-03-16")).toEqual(["N2 warning"]);
  });

  it("handles month ends and leap days", () => {
    expect(isOverTwoYears("2022-02-28", "2024-02-28")).toBe(false);
    expect(isOverTwoYears("2022-02-28", "2024-02-29")).toBe(true);
    expect(isOverTwoYears("2022-02-28", "2024-03-01")).toBe(true);
    expect(isOverTwoYears("2024-02-29", "2026-02-28")).toBe(false);
    expect(isOverTwoYears("2024-02-29", "2026-03-01")).toBe(true);
  });

  it("needs both dates", () => {
    expect(cellsOf(validateRows([{ ...NEW_EPR_ROW, contractAwardDate: "2030-01-01" }]), "procurement_over_two_years")).toEqual([]);
  });
});
