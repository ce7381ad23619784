import type { SheetData } from "../../../src/core/cells";
import { validateSheet } from "../../../src/core/validate";
import { cellsOf, issuesOf, LIVE_ROW, NEW_EPR_ROW, SUBMITTED, validateRows } from "./sheetBuilder";

describe("duplicate trust codes", () => {
  it("flags every occurrence, including one written in lower case", () => {
    const result = validateRows([LIVE_ROW, { ...LIVE_ROW, trustCode: "R1H" }, { ...LIVE_ROW, trustCode: "ryj" }]);
    expect(cellsOf(result, "duplicate")).toEqual(["A2 error", "A4 error"]);
    expect(issuesOf(result, "duplicate")[0]?.message).toContain("RYJ appears on rows 2, 4");
  });

  it("leaves distinct and blank codes alone", () => {
    expect(cellsOf(validateRows([LIVE_ROW, { ...LIVE_ROW, trustCode: "R1H" }]), "duplicate")).toEqual([]);
    expect(cellsOf(validateRows([{ ...LIVE_ROW, trustCode: null }, { ...LIVE_ROW, trustCode: null }]), "duplicate")).toEqual([]);
  });
});

describe("Converge onto a supplier no other trust uses", () => {
  const converging = { ...NEW_EPR_ROW, trustCode: "RAJ", plan: "Converge", targetSupplier: "Epic" };

  it("warns when no other trust has the target as supplier or target supplier", () => {
    const result = validateRows([LIVE_ROW, converging]);
    expect(cellsOf(result, "inconsistent", "targetSupplier")).toEqual(["J3 warning"]);
  });

  it("is fine when another trust has it as supplier", () => {
    expect(cellsOf(validateRows([{ ...LIVE_ROW, supplier: "Epic" }, converging]), "inconsistent")).toEqual([]);
  });

  it("is fine when another trust has it as target supplier (in an alias spelling)", () => {
    const other = { ...NEW_EPR_ROW, trustCode: "RQM", targetSupplier: "EpicCare" };
    expect(cellsOf(validateRows([other, converging]), "inconsistent")).toEqual([]);
  });

  it("does not count the trust itself", () => {
    expect(cellsOf(validateRows([{ ...converging, eprStatus: "Live", supplier: "Epic", goLiveDate: "2020-01-01" }]), "inconsistent")).toEqual(["J2 warning"]);
  });
});

describe("Single ICS EPR rows naming more than one target supplier", () => {
  const single = (trustCode: string, targetSupplier: string | null) => ({ ...NEW_EPR_ROW, trustCode, plan: "Single ICS EPR", targetSupplier });

  it("warns on every Single ICS EPR row that names a target supplier", () => {
    const result = validateRows([single("RAJ", "Epic"), single("RQM", "Oracle Health"), single("RYJ", "Epic"), { ...NEW_EPR_ROW, trustCode: "R1H", targetSupplier: "TPP" }]);
    expect(cellsOf(result, "inconsistent", "targetSupplier")).toEqual(["J2 warning", "J3 warning", "J4 warning"]);
    expect(issuesOf(result, "inconsistent")[0]?.message).toContain("2 different target suppliers (Epic, Oracle Health)");
  });

  it("is fine when they agree, whatever other plans say", () => {
    const result = validateRows([single("RAJ", "Epic"), single("RQM", "epic"), { ...NEW_EPR_ROW, trustCode: "R1H", targetSupplier: "TPP" }]);
    expect(cellsOf(result, "inconsistent")).toEqual([]);
  });
});

describe("header problems", () => {
  const sheet = (headers: string[]): SheetData => ({
    name: "Trusts", firstRow: 1, firstCol: 1,
    rows: [headers, ["RYJ", "Imperial", "Acute", "Live", "Epic", "2019-06-01", "Keep", "x", "y"]],
  });

  it("warns about a header that names no column, at that header", () => {
    const result = validateSheet(sheet(["Trust code", "Trust name", "Trust type", "Status", "Supplier", "Go live", "Plan", "Colour"]), { submitted: SUBMITTED });
    expect(issuesOf(result, "unknown_column")).toEqual([
      expect.objectContaining({ cell: "H1", row: 1, column: null, severity: "warning", value: "Colour" }),
    ]);
    expect(result.errors).toBe(0);
  });

  it("reports a second header naming the same column as duplicate_column and reads the first", () => {
    const result = validateSheet(sheet(["Trust code", "Trust name", "Trust type", "Status", "Supplier", "Go live", "Plan", "Comments", "Notes"]), { submitted: SUBMITTED });
    expect(issuesOf(result, "duplicate_column")).toEqual([
      expect.objectContaining({ cell: "I1", column: "notes", severity: "error", value: "Notes" }),
    ]);
    expect(issuesOf(result, "duplicate_column")[0]?.message).toContain("already at H1");
    expect(result.trusts[0]?.notes).toBe("x");
  });
});
