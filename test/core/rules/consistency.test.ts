import { CONSISTENCY_RULES } from "../../../src/core/rules/consistency";
import { cellsOf, issuesOf, LIVE_ROW, NEW_EPR_ROW, validateRows } from "./sheetBuilder";

const inconsistent = (rows: Parameters<typeof validateRows>[0], submitted?: string) => cellsOf(validateRows(rows, submitted), "inconsistent");

describe("the inconsistent rules table", () => {
  it("is data: each rule names its code, severity and column", () => {
    expect(CONSISTENCY_RULES.map((r) => [r.id, r.severity, r.column])).toEqual([
      ["live-go-live-after-submission", "error", "goLiveDate"],
      ["implementing-go-live-before-submission", "warning", "goLiveDate"],
      ["supplier-without-system", "warning", "supplier"],
      ["keep-without-system", "error", "plan"],
      ["keep-with-other-target", "warning", "targetSupplier"],
      ["contract-end-before-go-live", "error", "contractEndDate"],
      ["award-before-procurement", "error", "contractAwardDate"],
      ["target-go-live-past", "warning", "targetGoLiveDate"],
    ]);
    expect(CONSISTENCY_RULES.every((r) => r.code === "inconsistent")).toBe(true);
  });
});

describe("Live with a go-live date after the submission date", () => {
  it("is an error the day after, not on the day", () => {
    expect(inconsistent([{ ...LIVE_ROW, goLiveDate: "2023-12-01" }], "2023-11-30")).toEqual(["G2 error"]);
    expect(inconsistent([{ ...LIVE_ROW, goLiveDate: "2023-11-30" }], "2023-11-30")).toEqual([]);
  });

  it("names the dates in the message", () => {
    const [issue] = issuesOf(validateRows([{ ...LIVE_ROW, goLiveDate: "2023-12-01" }], "2023-11-30"), "inconsistent");
    expect(issue?.message).toBe("Go-live date: 1 Dec 2023 is after the submission date 30 Nov 2023, but EPR status is “Live”; correct the date, or set the status to “Implementing”.");
    expect(issue?.value).toBe("2023-12-01");
  });
});

describe("Implementing with a go-live date before the submission date", () => {
  const implementing = { ...LIVE_ROW, eprStatus: "Implementing" };
  it("is a warning the day before, not on the day", () => {
    expect(inconsistent([{ ...implementing, goLiveDate: "2023-11-29" }], "2023-11-30")).toEqual(["G2 warning"]);
    expect(inconsistent([{ ...implementing, goLiveDate: "2023-11-30" }], "2023-11-30")).toEqual([]);
  });
});

describe("a supplier with status Procuring, Business case or No EPR", () => {
  it.each(["Procuring", "Business case", "No EPR"])("is a warning for %s", (eprStatus) => {
    expect(inconsistent([{ ...NEW_EPR_ROW, eprStatus, supplier: "Epic" }])).toEqual(["E2 warning"]);
  });

  it("is fine without a supplier, or with status Live or Implementing", () => {
    expect(inconsistent([{ ...NEW_EPR_ROW, eprStatus: "No EPR" }])).toEqual([]);
    expect(inconsistent([{ ...NEW_EPR_ROW, eprStatus: "Implementing", supplier: "Epic", goLiveDate: "2024-06-01" }])).toEqual([]);
  });
});

describe("plan Keep or Interoperate without a system", () => {
  it.each(["Keep", "Interoperate"])("is an error for %s when the status is neither Live nor Implementing", (plan) => {
    expect(inconsistent([{ ...NEW_EPR_ROW, eprStatus: "Business case", plan, targetSupplier: null }])).toEqual(["I2 error"]);
  });

  it("is fine for Live and Implementing", () => {
    expect(inconsistent([{ ...LIVE_ROW, plan: "Interoperate" }])).toEqual([]);
    expect(inconsistent([{ ...LIVE_ROW, eprStatus: "Implementing", goLiveDate: "2024-06-01", plan: "Keep" }])).toEqual([]);
  });

  it("waits for a readable status", () => {
    expect(inconsistent([{ ...LIVE_ROW, eprStatus: null, plan: "Keep" }])).toEqual([]);
  });
});

describe("plan Keep or Interoperate with another target supplier", () => {
  it("is a warning when the target differs from the supplier", () => {
    expect(inconsistent([{ ...LIVE_ROW, targetSupplier: "Epic" }])).toEqual(["J2 warning"]);
    expect(inconsistent([{ ...LIVE_ROW, plan: "Interoperate", targetSupplier: "Epic" }])).toEqual(["J2 warning"]);
  });

  it("is fine when the target is the supplier (in any accepted spelling) or blank", () => {
    expect(inconsistent([{ ...LIVE_ROW, targetSupplier: "Oracle Health" }])).toEqual([]);
    expect(inconsistent([{ ...LIVE_ROW, targetSupplier: "Cerner" }])).toEqual([]);
    expect(inconsistent([{ ...LIVE_ROW, targetSupplier: null }])).toEqual([]);
  });

  it("is not raised when a plan that changes system has a different target", () => {
    expect(inconsistent([{ ...NEW_EPR_ROW, supplier: null, targetSupplier: "Epic" }])).toEqual([]);
  });
});

describe("contract end before go-live", () => {
  it("is an error a day before, not on the day", () => {
    expect(inconsistent([{ ...LIVE_ROW, contractEndDate: "2019-05-31" }])).toEqual(["H2 error"]);
    expect(inconsistent([{ ...LIVE_ROW, contractEndDate: "2019-06-01" }])).toEqual([]);
  });
});

describe("contract award before procurement start", () => {
  it("is an error a day before, not on the day", () => {
    expect(inconsistent([{ ...NEW_EPR_ROW, procurementStartDate: "2023-01-10", contractAwardDate: "2023-01-09" }])).toEqual(["N2 error"]);
    expect(inconsistent([{ ...NEW_EPR_ROW, procurementStartDate: "2023-01-10", contractAwardDate: "2023-01-10" }])).toEqual([]);
  });
});

describe("a target go-live date before the submission date", () => {
  it("is a warning when the plan changes system, the day before but not on the day", () => {
    expect(inconsistent([{ ...NEW_EPR_ROW, targetGoLiveDate: "2023-11-29" }], "2023-11-30")).toEqual(["K2 warning"]);
    expect(inconsistent([{ ...NEW_EPR_ROW, targetGoLiveDate: "2023-11-30" }], "2023-11-30")).toEqual([]);
  });

  it("is not raised for a plan that keeps the system", () => {
    expect(inconsistent([{ ...LIVE_ROW, targetGoLiveDate: "2020-01-01" }], "2023-11-30")).toEqual([]);
  });
});
