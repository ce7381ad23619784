import { REQUIRED_RULES } from "../../../src/core/rules/required";
import { validateSheet } from "../../../src/core/validate";
import { cellsOf, issuesOf, LIVE_ROW, NEW_EPR_ROW, SUBMITTED, trustsSheet, validateRows } from "./sheetBuilder";

describe("complete rows", () => {
  it("a complete live row and a complete new-EPR row have no issues", () => {
    expect(validateRows([LIVE_ROW, NEW_EPR_ROW]).issues).toEqual([]);
  });
});

describe("required", () => {
  it("has one rule per column that is ever required", () => {
    expect(REQUIRED_RULES.map((r) => r.column)).toEqual([
      "trustCode", "trustName", "trustType", "eprStatus", "supplier", "goLiveDate", "plan", "targetSupplier",
      "targetGoLiveDate", "businessCaseStage", "fundingModel", "totalCost",
    ]);
  });

  it.each([
    ["trustCode", "A2"], ["trustName", "B2"], ["trustType", "C2"], ["eprStatus", "D2"], ["plan", "I2"],
  ] as const)("always requires %s", (key, cell) => {
    const result = validateRows([{ ...LIVE_ROW, [key]: null }]);
    expect(cellsOf(result, "required", key)).toEqual([`${cell} error`]);
  });

  it("requires supplier and go-live date when Live or Implementing, not otherwise", () => {
    const blank = { supplier: null, goLiveDate: null };
    const live = validateRows([{ ...LIVE_ROW, ...blank }]);
    expect(cellsOf(live, "required")).toEqual(["E2 error", "G2 error"]);
    expect(issuesOf(live, "required", "supplier")[0]?.message).toMatch(/required when EPR status is Live or Implementing \(here “Live”\)/);
    const implementing = validateRows([{ ...LIVE_ROW, ...blank, eprStatus: "Implementing" }]);
    expect(cellsOf(implementing, "required")).toEqual(["E2 error", "G2 error"]);
    const procuring = validateRows([{ ...NEW_EPR_ROW, ...blank }]);
    expect(issuesOf(procuring, "required")).toEqual([]);
  });

  it.each(["Single ICS EPR", "Converge", "New EPR"])("requires the target fields when the plan is %s", (plan) => {
    const result = validateRows([{ ...LIVE_ROW, plan }]);
    expect(issuesOf(result, "required").map((i) => i.column)).toEqual([
      "targetSupplier", "targetGoLiveDate", "businessCaseStage", "fundingModel", "totalCost",
    ]);
  });

  it.each(["Keep", "Interoperate"])("does not require the target fields when the plan is %s", (plan) => {
    expect(issuesOf(validateRows([{ ...LIVE_ROW, plan }]), "required")).toEqual([]);
  });

  it("does not require a field whose condition could not be read", () => {
    const result = validateRows([{ ...LIVE_ROW, eprStatus: "Installed", supplier: null, goLiveDate: null }]);
    expect(cellsOf(result, "invalid_enum")).toEqual(["D2 error"]);
    expect(issuesOf(result, "required")).toEqual([]);
  });

  it("does not add required to a value that failed to read", () => {
    const result = validateRows([{ ...LIVE_ROW, goLiveDate: "someday" }]);
    expect(cellsOf(result, "invalid_date")).toEqual(["G2 error"]);
    expect(issuesOf(result, "required")).toEqual([]);
  });
});

describe("placeholders", () => {
  it("are a required error where the field is required", () => {
    const result = validateRows([{ ...LIVE_ROW, trustType: "TBC", goLiveDate: "unknown" }]);
    expect(cellsOf(result, "required")).toEqual(["C2 error", "G2 error"]);
    expect(issuesOf(result, "placeholder")).toEqual([]);
    const issue = issuesOf(result, "required", "trustType")[0];
    expect(issue?.value).toBe("TBC");
    expect(issue?.message).toMatch(/placeholder “TBC”/);
  });

  it("are a placeholder warning where the field is optional", () => {
    const result = validateRows([{ ...LIVE_ROW, contractEndDate: "N/A", beds: "?", notes: "-" }]);
    expect(cellsOf(result, "placeholder")).toEqual(["H2 warning", "S2 warning", "T2 warning"]);
    expect(issuesOf(result, "required")).toEqual([]);
    expect(result.trusts[0]?.contractEndDate).toBeNull();
  });

  it("are a warning on a conditionally required field when the condition does not hold", () => {
    const result = validateRows([{ ...NEW_EPR_ROW, supplier: "TBD" }]);
    expect(cellsOf(result, "placeholder")).toEqual(["E2 warning"]);
  });
});

describe("missing_column", () => {
  const withoutSupplier = trustsSheet([LIVE_ROW, { ...LIVE_ROW, trustCode: "R1H" }], ["trustCode", "trustName", "trustType", "eprStatus", "goLiveDate", "plan"]);

  it("reports a column some row requires once, on the header row's first cell, instead of per-row required", () => {
    const result = validateSheet(withoutSupplier, { submitted: SUBMITTED });
    expect(cellsOf(result, "missing_column")).toEqual(["A1 error"]);
    expect(issuesOf(result, "missing_column")[0]).toMatchObject({ column: "supplier", row: 1, value: null });
    expect(issuesOf(result, "missing_column")[0]?.message).toMatch(/required by 2 rows/);
    expect(issuesOf(result, "required")).toEqual([]);
  });

  it("reports every always-required column that is missing", () => {
    const result = validateSheet(trustsSheet([LIVE_ROW], ["trustCode", "trustName", "eprStatus", "supplier", "goLiveDate"]), { submitted: SUBMITTED });
    expect(issuesOf(result, "missing_column").map((i) => i.column)).toEqual(["trustType", "plan"]);
  });

  it("does not report a conditionally required column no row needs", () => {
    const result = validateSheet(trustsSheet([{ ...LIVE_ROW, plan: "Keep" }], ["trustCode", "trustName", "trustType", "eprStatus", "supplier", "goLiveDate", "plan"]), { submitted: SUBMITTED });
    expect(result.issues).toEqual([]);
  });
});
