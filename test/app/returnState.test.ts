import type { SheetData } from "../../src/core/cells";
import { findExistingReturn, nextStep, returnState, type CheckedCounts } from "../../src/app/returnState";

function sheet(name: string, rows: SheetData["rows"]): SheetData {
  return { name, rows, firstRow: 1, firstCol: 1 };
}

function checked(data: SheetData, headerRow: number | null, rows: number, errors = 0, warnings = 0): CheckedCounts {
  return { sheet: data, result: { headerRow, rows }, errors, warnings };
}

describe("returnState", () => {
  it("sees no return on an empty sheet, whatever the errors", () => {
    const state = returnState(checked(sheet("Sheet1", [[null, "  "]]), null, 0, 5));
    expect(state).toEqual({ kind: "no-return", sheet: "Sheet1", empty: true });
    expect(nextStep(state)).toBe('No return yet: "Sheet1" is empty. Insert the template, or pick the sheet with your trusts.');
  });

  it("sees no return on a sheet without a header row of known columns", () => {
    const state = returnState(checked(sheet("Notes", [["hello"]]), null, 0, 5));
    expect(state).toEqual({ kind: "no-return", sheet: "Notes", empty: false });
    expect(nextStep(state)).toMatch(/^No return yet: "Notes" has no header row.*Insert the template, or pick the sheet with your trusts\.$/);
  });

  it("asks for the trusts when there are headers but no rows", () => {
    const state = returnState(checked(sheet("Trusts (2)", [["Trust code"]]), 1, 0));
    expect(state).toEqual({ kind: "no-trusts", sheet: "Trusts (2)", firstRow: 2 });
    expect(nextStep(state)).toBe('Fill in your trusts on "Trusts (2)": one trust per row, from row 2.');
  });

  it("asks for the trusts before the ICS sheet's errors", () => {
    expect(returnState(checked(sheet("Trusts", []), 3, 0, 2)).kind).toBe("no-trusts");
  });

  it("asks to fix errors, else to stamp and send", () => {
    const data = sheet("Trusts", []);
    expect(returnState(checked(data, 1, 4, 2, 1))).toEqual({ kind: "errors", sheet: "Trusts", errors: 2, warnings: 1, rows: 4 });
    expect(nextStep(returnState(checked(data, 1, 4, 1)))).toBe("Fix the error below, then validate again.");
    expect(nextStep(returnState(checked(data, 1, 4, 2)))).toBe("Fix the 2 errors below, then validate again.");
    expect(returnState(checked(data, 1, 4, 0, 3))).toEqual({ kind: "ready", sheet: "Trusts", warnings: 3, rows: 4 });
    expect(nextStep(returnState(checked(data, 1, 4)))).toBe("Stamp the return, then send it.");
  });
});

describe("findExistingReturn", () => {
  const headers = [["Trust code", "Trust name", "ICS code", "Beds", "Bed days"]];
  it("finds the first Trusts sheet with a header row, reading only Trusts sheets", async () => {
    const grids: Record<string, SheetData> = {
      Sheet1: sheet("Sheet1", headers),
      Trusts: sheet("Trusts", [[null]]),
      "Trusts (2)": sheet("Trusts (2)", [[null], ...headers]),
    };
    const read: string[] = [];
    const reader = { readSheet: async (name: string) => { read.push(name); return grids[name] as SheetData; } };
    const sheets = Object.keys(grids).map((name) => ({ name, visible: true }));
    expect(await findExistingReturn(reader, sheets)).toEqual({ sheet: "Trusts (2)", headerRow: 2 });
    expect(read).toEqual(["Trusts", "Trusts (2)"]);
    expect(await findExistingReturn(reader, [{ name: "Sheet1", visible: true }])).toBeNull();
  });
});
