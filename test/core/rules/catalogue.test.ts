import { errorValue } from "../../../src/core/cells";
import { DEFAULT_SEVERITY, readingMessage, severityOf } from "../../../src/core/catalogue";
import { columnDef } from "../../../src/core/columns";
import { ISSUE_CODES } from "../../../src/core/issues";
import { readDate, readEnumValue, readMoney, readSupplier, readText, readTrustCode } from "../../../src/core/read";
import { STATUSES } from "../../../src/core/enums";

describe("severities", () => {
  it("gives every issue code a severity", () => {
    for (const code of ISSUE_CODES) expect(["error", "warning"]).toContain(DEFAULT_SEVERITY[code]);
  });

  it("takes too_long's severity from the column", () => {
    expect(severityOf("too_long", columnDef("trustName"))).toBe("error");
    expect(severityOf("too_long", columnDef("notes"))).toBe("warning");
    expect(severityOf("placeholder")).toBe("warning");
  });
});

describe("reading messages", () => {
  const first = <T>(result: { notes: readonly T[] }): T => {
    const note = result.notes[0];
    if (note === undefined) throw new Error("expected a note");
    return note;
  };

  it("names the header, the value and what would be right", () => {
    expect(readingMessage(first(readSupplier("cerner")), "EPR supplier", "cerner")).toBe(
      "EPR supplier: “cerner” is read as “Oracle Health”; write “Oracle Health”, the standard spelling.",
    );
    expect(readingMessage(first(readEnumValue("Done", STATUSES)), "EPR status", "Done")).toBe(
      "EPR status: “Done” is not one of the allowed values; use one of Live, Implementing, Procuring, Business case, No EPR.",
    );
    expect(readingMessage(first(readTrustCode("XYZ")), "Trust ODS code", "XYZ")).toContain("R or T followed by two letters or digits");
    expect(readingMessage(first(readDate("Q3 2023/24")), "Go-live date", "Q3 2023/24")).toContain("read as 31 Dec 2023");
    expect(readingMessage(first(readMoney("£500k")), "Total cost (£)", "£500k")).toContain("read as £500,000");
  });

  it("names the Excel error a cell holds, what usually causes it, and the fix, whatever the column", () => {
    const divided = errorValue("#DIV/0!");
    expect(readingMessage(first(readMoney(divided)), "Total cost (£)", divided)).toBe(
      "Total cost (£): the cell holds the Excel error #DIV/0!, a formula that divides by zero or by a blank cell; correct the formula or type the value.",
    );
    const ref = errorValue("#REF!");
    expect(readingMessage(first(readText(ref, 200)), "Trust name", ref)).toBe(
      "Trust name: the cell holds the Excel error #REF!, usually a formula that refers to cells that were deleted; correct the formula or type the value.",
    );
    const spill = errorValue("#SPILL!");
    expect(readingMessage(first(readDate(spill)), "Go-live date", spill)).toBe(
      "Go-live date: the cell holds the Excel error #SPILL!, usually a formula that failed; correct the formula or type the value.",
    );
  });

  it("bounds an error code the file made up, as every value from the workbook", () => {
    const odd = errorValue(`#${"X".repeat(5000)}`);
    expect(readingMessage(first(readEnumValue(odd, STATUSES)), "EPR status", odd).length).toBeLessThan(400);
  });

  it("says clearly when the cell holds a logical value", () => {
    expect(readingMessage(first(readMoney(true)), "Local funding (£)", true)).toContain("the logical value TRUE");
  });

  it("starts with a capital when there is no header to name", () => {
    const ref = errorValue("#N/A");
    expect(readingMessage(first(readDate(ref)), null, ref)).toMatch(/^The cell holds the Excel error #N\/A, usually a lookup/);
  });

  it("shortens very long values", () => {
    const long = "a".repeat(300);
    const message = readingMessage(first(readText(long, 200)), "Trust name", long);
    expect(message).toContain("300 characters long, but at most 200");
  });
});
