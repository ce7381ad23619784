/** What the property tests found, pinned as examples so that a fix cannot quietly come undone. */
import { scoreReturn } from "../../../src/core/calc";
import type { CellValue } from "../../../src/core/cells";
import { readMoney, readWholeNumber } from "../../../src/core/read";
import { issueValueOf } from "../../../src/core/read/display";
import { validateSheet } from "../../../src/core/validate";

const SUBMITTED = "2023-11-15";

function sheetWith(header: string, value: CellValue) {
  return { name: "Trusts", firstRow: 1, firstCol: 1, rows: [["Trust ODS code", "Trust name", "EPR status", header], ["RYJ", "A Trust", "Live", value]] };
}

describe("money and beds too large to add up", () => {
  it("refuses 400 nines typed as text (it used to read as Infinity and make every total Infinity)", () => {
    const result = validateSheet(sheetWith("Total cost (£)", "9".repeat(400)), { submitted: SUBMITTED });
    expect(result.trusts[0]?.totalCost).toBeNull();
    expect(result.issues.find((i) => i.cell === "D2")).toMatchObject({ code: "out_of_range", severity: "error", message: expect.stringMatching(/far larger than any amount/) });
    expect(Number.isFinite(scoreReturn(result.trusts, { profile: "dec-2023" }).funding.totalCost)).toBe(true);
  });

  it("refuses amounts past 2^53 whether typed or text, and reads the largest exact one", () => {
    expect(readMoney(Number.MAX_VALUE)).toMatchObject({ state: "invalid", notes: [{ code: "out_of_range", detail: { reason: "too_large" } }] });
    expect(readMoney(Infinity)).toMatchObject({ state: "invalid", notes: [{ code: "out_of_range" }] });
    expect(readMoney("2e9bn")).toMatchObject({ state: "invalid" });
    expect(readMoney(Number.MAX_SAFE_INTEGER)).toMatchObject({ state: "value", value: Number.MAX_SAFE_INTEGER });
    expect(readMoney(Number.NaN)).toMatchObject({ state: "invalid", notes: [{ code: "invalid_number" }] });
  });

  it("refuses beds past 2^53 (their squares made the bed-weighted HHI NaN)", () => {
    expect(readWholeNumber(1e300)).toMatchObject({ state: "invalid", notes: [{ code: "invalid_number" }] });
    expect(readWholeNumber("9".repeat(30))).toMatchObject({ state: "invalid" });
    expect(readWholeNumber(450)).toMatchObject({ state: "value", value: 450 });
  });

  it("reads -0 as 0, so JSON and CSV show 0", () => {
    expect(Object.is(readMoney(-0).value, 0)).toBe(true);
    expect(Object.is(readMoney("-0").value, 0)).toBe(true);
    expect(Object.is(readWholeNumber(-0).value, 0)).toBe(true);
  });
});

describe("issue values that JSON cannot hold", () => {
  it("gives NaN and ±Infinity as text and -0 as 0, so the --json report says what the cell held", () => {
    expect(issueValueOf(Number.NaN)).toBe("NaN");
    expect(issueValueOf(Infinity)).toBe("Infinity");
    expect(issueValueOf(-Infinity)).toBe("-Infinity");
    expect(Object.is(issueValueOf(-0), 0)).toBe(true);
    expect(issueValueOf(12.5)).toBe(12.5);
  });

  it("a NaN trust code is reported with the value \"NaN\", not null", () => {
    const sheet = { name: "Trusts", firstRow: 1, firstCol: 1, rows: [["Trust ODS code", "Trust name", "EPR status"], [Number.NaN, "A Trust", "No EPR"]] };
    const nan = validateSheet(sheet, { submitted: SUBMITTED });
    expect(nan.issues.find((i) => i.cell === "A2")).toMatchObject({ code: "invalid_code", value: "NaN" });
  });
});
