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

  it("says clearly when the cell holds an Excel error or a logical value", () => {
    const ref = errorValue("#REF!");
    const message = readingMessage(first(readDate(ref)), "Go-live date", ref);
    expect(message).toContain("the Excel error #REF!");
    expect(message).toContain("Fix the formula");
    expect(readingMessage(first(readMoney(true)), "Local funding (£)", true)).toContain("the logical value TRUE");
    expect(readingMessage(first(readText(ref, 200)), "Trust name", ref)).toContain("is not text");
  });

  it("starts with a capital when there is no header to name", () => {
    const ref = errorValue("#N/A");
    expect(readingMessage(first(readDate(ref)), null, ref)).toMatch(/^The Excel error #N\/A/);
  });

  it("shortens very long values", () => {
    const long = "a".repeat(300);
    const message = readingMessage(first(readText(long, 200)), "Trust name", long);
    expect(message).toContain("300 characters long, but at most 200");
  });
});
