/**
 * `formula_error` (spec section 5): an Excel error value in any column is one error naming it; the cell then
 * counts as blank for every rule and gets no other issue of its own, not even `required`.
 */
import { cellAddress, errorValue } from "../../../src/core/cells";
import { COLUMN_KEYS, columnIndex, type ColumnKey } from "../../../src/core/columns";
import { readIcsSheet } from "../../../src/core/ics";
import { validateSheet } from "../../../src/core/validate";
import { cellsOf, issuesOf, LIVE_ROW, NEW_EPR_ROW, SUBMITTED, trustsSheet, validateRows, type RowInput } from "./sheetBuilder";

const NA = errorValue("#N/A");

/** Rows between them provoking most row rules when their cells hold values: a live trust, one procuring, one converging. */
const BASE_ROWS: readonly RowInput[] = [
  { ...LIVE_ROW, contractEndDate: "2018-01-01", targetSupplier: "Epic" },
  { ...NEW_EPR_ROW, trustCode: "RYJ", procurementStartDate: "2020-01-01", contractAwardDate: "2019-01-01", totalCost: 20_000_000, nationalFunding: 9_000_000 },
  { ...NEW_EPR_ROW, trustCode: "RAL", plan: "Converge", targetSupplier: "Dedalus", fundingModel: "Local only", targetGoLiveDate: "2020-01-01" },
];

describe("formula_error", () => {
  it.each(COLUMN_KEYS.map((key) => [key] as const))("is the only issue on a %s cell holding an error, whatever the row", (key: ColumnKey) => {
    BASE_ROWS.forEach((base, index) => {
      const rows = BASE_ROWS.map((row, i) => (i === index ? { ...row, [key]: NA } : row));
      const result = validateRows(rows);
      const address = cellAddress(index + 2, columnIndex(key) + 1);
      const onCell = result.issues.filter((i) => i.cell === address);
      expect(onCell.map((i) => [i.code, i.severity, i.column, i.value])).toEqual([["formula_error", "error", key, "#N/A"]]);
      expect(result.trusts[index]?.[key]).toBeNull();
    });
  });

  it("names the error and the fix in its message", () => {
    const result = validateRows([{ ...LIVE_ROW, beds: errorValue("#DIV/0!") }]);
    expect(issuesOf(result, "formula_error")[0]?.message).toBe(
      "Beds: the cell holds the Excel error #DIV/0!, a formula that divides by zero or by a blank cell; correct the formula or type the value.",
    );
  });

  it("counts as blank for the fields that depend on it: a status in error requires no supplier", () => {
    const result = validateRows([{ ...LIVE_ROW, eprStatus: errorValue("#REF!"), supplier: null, goLiveDate: null }]);
    expect(result.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["D2 formula_error"]);
  });

  it("makes a row of errors alone a trust row", () => {
    const result = validateRows([{ trustCode: NA }]);
    expect(result.rows).toBe(1);
    expect(cellsOf(result, "formula_error")).toEqual(["A2 error"]);
  });
});

describe("formula_error in the rules across rows", () => {
  it("is no trust code: two errors are not a duplicate", () => {
    const result = validateRows([{ ...LIVE_ROW, trustCode: NA }, { ...LIVE_ROW, trustCode: NA }]);
    expect(cellsOf(result, "duplicate")).toEqual([]);
    expect(cellsOf(result, "formula_error")).toEqual(["A2 error", "A3 error"]);
  });

  it("uses no supplier for Converge: the converging row still has no other trust on its target", () => {
    const converging = { ...NEW_EPR_ROW, trustCode: "RAJ", plan: "Converge", targetSupplier: "Epic" };
    const result = validateRows([{ ...LIVE_ROW, supplier: NA, targetSupplier: NA }, converging]);
    expect(cellsOf(result, "inconsistent", "targetSupplier")).toEqual(["J3 warning"]);
  });

  it("names no target supplier among the Single ICS EPR rows", () => {
    const single = { ...NEW_EPR_ROW, plan: "Single ICS EPR", targetSupplier: "Epic" };
    const result = validateRows([single, { ...single, trustCode: "R1H", targetSupplier: NA }]);
    expect(cellsOf(result, "inconsistent", "targetSupplier")).toEqual([]);
  });

  it("is 0 of funding, as a blank is", () => {
    const result = validateRows([{ ...NEW_EPR_ROW, localFunding: errorValue("#VALUE!") }]);
    expect(cellsOf(result, "funding_gap")).toEqual(["P2 warning"]);
    expect(cellsOf(result, "matched_funding_exceeded")).toEqual(["R2 warning"]);
  });

  it("requires no column by a plan in error: a missing target supplier column is then no missing_column", () => {
    const keys = COLUMN_KEYS.filter((key) => key !== "targetSupplier");
    const changing = { ...NEW_EPR_ROW, targetSupplier: null };
    expect(cellsOf(validateSheet(trustsSheet([changing], keys), { submitted: SUBMITTED }), "missing_column")).toEqual(["A1 error"]);
    const result = validateSheet(trustsSheet([{ ...changing, plan: NA }], keys), { submitted: SUBMITTED });
    expect(result.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["I2 formula_error"]);
  });
});

describe("formula_error on the ICS sheet", () => {
  it("names the error in column B, and the value counts as not given", () => {
    const result = readIcsSheet({ name: "ICS", firstRow: 1, firstCol: 1, rows: [["Submission date", errorValue("#N/A")], ["ICB ODS code", errorValue("#REF!")]] });
    expect(result.details).toMatchObject({ submissionDate: null, icbCode: null });
    expect(result.issues.map((i) => `${i.cell} ${i.code} ${i.severity} ${String(i.value)}`)).toEqual(["B1 formula_error error #N/A", "B2 formula_error error #REF!"]);
  });
});
