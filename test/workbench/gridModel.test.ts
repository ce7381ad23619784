import { errorValue, type SheetData } from "../../src/core/cells";
import { cellText, editText, gridSheet, isFilled, markedCells, MIN_SHOWN_COLUMNS, MIN_SHOWN_ROWS, selectedCells, shownSize, SPARE_COLUMNS, SPARE_ROWS } from "../../src/workbench/gridModel";

function sheetOf(rows: SheetData["rows"], firstRow = 1, firstCol = 1): SheetData {
  return { name: "Trusts", rows, firstRow, firstCol };
}

describe("cellText", () => {
  test("shows dates as the calendar day the UK way, errors as their code, booleans as Excel does", () => {
    expect(cellText(new Date(Date.UTC(2023, 11, 31)))).toBe("31/12/2023");
    expect(cellText(new Date(Date.UTC(2025, 2, 1)))).toBe("01/03/2025");
    // The day the core reads: UTC's, whatever the time of day.
    expect(cellText(new Date(Date.UTC(2025, 2, 31, 23, 30)))).toBe("31/03/2025");
    expect(cellText(errorValue("#REF!"))).toBe("#REF!");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(1200000)).toBe("1200000");
    expect(cellText(null)).toBe("");
    expect(cellText(new Date(Number.NaN))).toBe("");
  });
});

describe("gridSheet", () => {
  test("lays the cells out from A1, whatever the block's first row and column", () => {
    const grid = gridSheet(sheetOf([["a", null, "c"], ["d"]], 2, 2), []);
    expect(grid.texts).toEqual([
      ["", "", "", ""],
      ["", "a", "", "c"],
      ["", "d", "", ""],
    ]);
    expect(grid.totalRows).toBe(3);
    expect(grid.totalColumns).toBe(4);
    expect(grid.columnCount).toBe(4);
  });

  test("cuts a big sheet to the limits but says how big it is", () => {
    const rows = Array.from({ length: 12 }, (_, r) => Array.from({ length: 5 }, (_, c) => `${r}:${c}`));
    const grid = gridSheet(sheetOf(rows), [{ severity: "error", ranges: ["A1:E12"] }], [], { rows: 10, columns: 3 });
    expect(grid.texts).toHaveLength(10);
    expect(grid.texts[9]).toEqual(["9:0", "9:1", "9:2"]);
    expect(grid.totalRows).toBe(12);
    expect(grid.totalColumns).toBe(5);
    // Marks beyond the cut are not kept.
    expect(grid.marks.size).toBe(30);
    expect(grid.marks.has("D1")).toBe(false);
  });

  test("an empty sheet has no rows and no columns", () => {
    const grid = gridSheet(sheetOf([]), []);
    expect(grid.texts).toEqual([]);
    expect(grid.totalRows).toBe(0);
    expect(grid.columnCount).toBe(0);
  });

  test("formulas with no value yet count as used cells, and are kept by address within the grid", () => {
    // The template's Summary: labels in A, formulas in B (no values until Excel computes them).
    const grid = gridSheet(sheetOf([["Trusts"], ["HHI (now)"]]), [], [
      { row: 1, col: 2, formula: "=SUM(Calc!$A$2:$A$1001)" },
      { row: 2, col: 2, formula: "=IF(Calc!$O$8=0,0,1)" },
      { row: 30, col: 7, formula: "=1" },
    ], { rows: 10, columns: 5 });
    expect(grid.totalRows).toBe(30);
    expect(grid.totalColumns).toBe(7);
    expect(grid.columnCount).toBe(5);
    expect(grid.texts[0]).toEqual(["Trusts", "", "", "", ""]);
    // Beyond the cut (G30) it is left out, as a value would be.
    expect(Object.fromEntries(grid.formulas)).toEqual({ B1: "=SUM(Calc!$A$2:$A$1001)", B2: "=IF(Calc!$O$8=0,0,1)" });
    expect(editText(grid, 1, 2)).toBe("=SUM(Calc!$A$2:$A$1001)");
    expect(editText(grid, 1, 1)).toBe("Trusts");
    expect(editText(grid, 9, 9)).toBe("");
    expect(isFilled(grid, 2, 2)).toBe(true);
    expect(isFilled(grid, 3, 1)).toBe(false);
  });
});

describe("shownSize", () => {
  test("a blank sheet shows the least grid, to type into", () => {
    expect(shownSize(gridSheet(sheetOf([]), []), 0)).toEqual({ rows: MIN_SHOWN_ROWS, columns: MIN_SHOWN_COLUMNS });
  });

  test("spare blank rows and a column beyond the used range, and the rows the user added", () => {
    const wide = Array.from({ length: 30 }, (_, r) => Array.from({ length: 24 }, (_, c) => `${r}:${c}`));
    const grid = gridSheet(sheetOf(wide), []);
    expect(shownSize(grid, 0)).toEqual({ rows: 30 + SPARE_ROWS, columns: 24 + SPARE_COLUMNS });
    expect(shownSize(grid, 10)).toEqual({ rows: 40 + SPARE_ROWS, columns: 24 + SPARE_COLUMNS });
  });

  test("never beyond the limits; a sheet cut at a limit shows no spare rows or columns", () => {
    const rows = Array.from({ length: 8 }, () => ["x", "y"]);
    const near = gridSheet(sheetOf(rows), [], [], { rows: 10, columns: 3 });
    expect(shownSize(near, 100)).toEqual({ rows: 10, columns: 3 });
    const cut = gridSheet(sheetOf(Array.from({ length: 12 }, () => ["x", "y", "z", "w"])), [], [], { rows: 10, columns: 3 });
    expect(shownSize(cut, 5)).toEqual({ rows: 10, columns: 3 });
  });
});

describe("markedCells", () => {
  test("expands ranges to cells; an error wins over a warning on the same cell, in either order", () => {
    const cells = markedCells(
      [
        { severity: "warning", ranges: ["A1:B2"] },
        { severity: "error", ranges: ["B2", "C3"] },
        { severity: "warning", ranges: ["C3"] },
      ],
      10,
      10,
    );
    expect(Object.fromEntries(cells)).toEqual({ A1: "warning", B1: "warning", A2: "warning", B2: "error", C3: "error" });
  });

  test("skips what is not an A1 range", () => {
    expect(markedCells([{ severity: "error", ranges: ["Sheet1", "A:A", "B2"] }], 5, 5).size).toBe(1);
  });
});

describe("selectedCells", () => {
  test("a cell, a range, nothing, and a selection outside the grid", () => {
    expect([...selectedCells("C7", 10, 10)]).toEqual(["C7"]);
    expect([...selectedCells("$A$1:B2", 10, 10)]).toEqual(["A1", "B1", "A2", "B2"]);
    expect(selectedCells(null, 10, 10).size).toBe(0);
    expect(selectedCells("A900", 500, 10).size).toBe(0);
  });
});
