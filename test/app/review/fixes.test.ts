import { suggestedReplacement, withSuggestedFixes } from "../../../src/app/review/fixes";
import { isFixable, stillPending, type FixableIssue } from "../../../src/app/issueGroups";
import { validateSheet } from "../../../src/core/validate";
import { COLUMNS } from "../../../src/core/columns";
import type { CellValue, Row } from "../../../src/core/cells";
import type { ColumnKey } from "../../../src/core/columns";
import { issue } from "./issues";

describe("suggested fixes", () => {
  it("writes a month-first date day first, as the message says", () => {
    const date = issue({ cell: "G5", column: "goLiveDate", code: "invalid_date", value: "12/31/2019" });
    expect(suggestedReplacement(date)).toBe("31/12/2019");
    // Not month first: no day can be worked out.
    expect(suggestedReplacement({ ...date, value: "31/02/2023" })).toBeNull();
    expect(suggestedReplacement({ ...date, value: "soon" })).toBeNull();
  });

  it("writes the number a money or count text reads as", () => {
    expect(suggestedReplacement(issue({ column: "totalCost", code: "number_as_text", severity: "warning", value: "£18m" }))).toBe(18_000_000);
    expect(suggestedReplacement(issue({ column: "localFunding", code: "number_as_text", severity: "warning", value: "£9,000,000" }))).toBe(9_000_000);
    expect(suggestedReplacement(issue({ column: "beds", code: "number_as_text", severity: "warning", value: "1,200" }))).toBe(1200);
  });

  it("keeps the core's replacement for a spelling, and offers nothing for other kinds", () => {
    expect(suggestedReplacement(issue({ code: "non_canonical", severity: "warning", value: "Cerner", replacement: "Oracle Health" }))).toBe("Oracle Health");
    expect(suggestedReplacement(issue({ code: "non_canonical", severity: "warning", value: "Cerner" }))).toBeNull();
    expect(suggestedReplacement(issue({ code: "invalid_number", value: "about 40", column: "beds" }))).toBeNull();
  });

  it("gives the same values the core's messages name, for a sheet the core validated", () => {
    const row = (values: Partial<Record<ColumnKey, CellValue>>): Row => COLUMNS.map((c) => values[c.key] ?? null);
    const rows: Row[] = [
      COLUMNS.map((c) => c.header),
      row({ trustCode: "RYJ", trustName: "Imperial", trustType: "Acute", eprStatus: "Live", supplier: "Epic", goLiveDate: "12/31/2019", plan: "Keep", totalCost: "£18m", beds: "1,200" }),
    ];
    const result = validateSheet({ name: "Trusts", rows, firstRow: 1, firstCol: 1 }, { submitted: "2024-06-30" });
    const fixable = withSuggestedFixes(result.issues).filter(isFixable);
    expect(fixable.map((f) => [f.cell, f.code, f.replacement])).toEqual([
      ["G2", "invalid_date", "31/12/2019"],
      ["P2", "number_as_text", 18_000_000],
      ["S2", "number_as_text", 1200],
    ]);
    for (const fix of fixable) expect(fix.message).toContain(fix.code === "invalid_date" ? "write 31/12/2019" : `enter the number ${String(fix.replacement)}`);
  });
});

describe("isFixable and stillPending", () => {
  const spelling = issue({ cell: "E2", code: "non_canonical", severity: "warning", value: "Cerner", replacement: "Oracle Health" }) as FixableIssue;
  const date = issue({ cell: "G5", code: "invalid_date", value: "12/31/2019", replacement: "31/12/2019" }) as FixableIssue;

  it("fixes the kinds whose right value is known, once it is attached", () => {
    expect(isFixable(spelling)).toBe(true);
    expect(isFixable(date)).toBe(true);
    expect(isFixable(issue({ code: "invalid_date", value: "12/31/2019" }))).toBe(false);
    expect(isFixable(issue({ code: "required", replacement: "x" }))).toBe(false);
  });

  it("keeps the fixes of an open preview that a new check still has, with the same value", () => {
    expect(stillPending([spelling, date], [date, spelling])).toEqual([spelling, date]);
    // The user typed another spelling into E2 meanwhile: that fix no longer applies.
    expect(stillPending([spelling, date], [{ ...spelling, value: "cerner" }, date])).toEqual([date]);
    expect(stillPending([spelling], [])).toEqual([]);
  });
});
