import { errorValue, type SheetData } from "../../src/core/cells";
import { cellText, gridSheet, markedCells, selectedCells, typedValue } from "../../src/workbench/gridModel";

function sheetOf(rows: SheetData["rows"], firstRow = 1, firstCol = 1): SheetData {
  return { name: "Trusts", rows, firstRow, firstCol };
}

describe("cellText", () => {
  test("shows dates as the calendar day, errors as their code, booleans as Excel does", () => {
    expect(cellText(new Date(Date.UTC(2023, 11, 31)))).toBe("2023-12-31");
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
    const grid = gridSheet(sheetOf(rows), [{ severity: "error", ranges: ["A1:E12"] }], { rows: 10, columns: 3 });
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

describe("typedValue", () => {
  test("blank is null, a plain number is a number, anything else stays text as typed", () => {
    expect(typedValue("   ")).toBeNull();
    expect(typedValue(" 42 ")).toBe(42);
    expect(typedValue("-1.5")).toBe(-1.5);
    expect(typedValue("£1.2m")).toBe("£1.2m");
    expect(typedValue("RZ2")).toBe("RZ2");
    expect(typedValue("1e3")).toBe("1e3");
  });
});
