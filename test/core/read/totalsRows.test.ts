/**
 * Totals rows (spec section 6): a row whose first non-blank cell, in whichever column, reads `Total`, `Totals` or
 * `Grand total` (any case) is no trust row: no issues, not counted, not in the data.
 */
import type { CellValue, Row, SheetData } from "../../../src/core/cells";
import { isTotalsRow } from "../../../src/core/read/sheetRows";
import { readTrusts, validateSheet } from "../../../src/core/validate";

const HEADERS = ["Trust code", "Trust name", "Trust type", "Status", "Supplier", "Go-live date", "Plan", "Total cost (£)", "Beds"];
const trust = (code: string): Row => [code, `Trust ${code}`, "Acute", "Live", "Epic", "2019-06-01", "Keep", null, 500];

function sheetWith(...more: Row[]): SheetData {
  return { name: "Trusts", firstRow: 1, firstCol: 1, rows: [HEADERS, trust("RYJ"), trust("R1H"), ...more] };
}

describe("totals rows", () => {
  it.each(["Total", "Totals", "Grand total", "TOTAL", "grand TOTAL", "  Totals  ", "Grand   total"])("skips a row starting %p", (word) => {
    const result = validateSheet(sheetWith([word, null, null, null, null, null, null, 1_000_000, 1000]), { submitted: "2023-11-30" });
    expect(result.rows).toBe(2);
    expect(result.trusts.map((t) => t.row)).toEqual([2, 3]);
    expect(result.issues).toEqual([]);
  });

  it("finds the word in whichever column holds the row's first non-blank cell", () => {
    const row: CellValue[] = [null, "   ", null, null, null, null, "Total", null, 1000];
    const result = validateSheet(sheetWith(row), { submitted: "2023-11-30" });
    expect(result.rows).toBe(2);
    expect(result.issues).toEqual([]);
    expect(readTrusts(sheetWith(row))).toHaveLength(2);
  });

  it("keeps rows below a totals row", () => {
    const result = validateSheet(sheetWith(["Total", null, null, null, null, null, null, 1], trust("RAL")), { submitted: "2023-11-30" });
    expect(result.trusts.map((t) => t.row)).toEqual([2, 3, 5]);
  });

  it.each([
    ["Total cost", "other words"],
    ["Sub-total", "other words"],
    ["Totals:", "punctuation"],
    ["RYJ", "a trust whose later cell says Total"],
  ])("reads %p (%s) as a trust row", (first) => {
    expect(isTotalsRow([first, "Total"])).toBe(false);
  });

  it("is decided by the first non-blank cell only, trimmed, and never by a number or an error", () => {
    expect(isTotalsRow([null, "", "  ", "Total"])).toBe(true);
    expect(isTotalsRow([`\t Total${" ".repeat(100)}`])).toBe(true);
    expect(isTotalsRow([1000, "Total"])).toBe(false);
    expect(isTotalsRow([{ kind: "error", code: "#N/A" }, "Total"])).toBe(false);
    expect(isTotalsRow([`Total ${"x".repeat(100)}`])).toBe(false);
    expect(isTotalsRow([])).toBe(false);
  });
});
