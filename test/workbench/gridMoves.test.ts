import type { SheetData } from "../../src/core/cells";
import { gridSheet, shownSize } from "../../src/workbench/gridModel";
import { entered, moved, moveForKey, PAGE_ROWS, tabbed, type Move } from "../../src/workbench/gridMoves";

/** Trusts-like: headers in row 1, three filled rows, a gap in column B at row 3. */
function trusts() {
  const data: SheetData = {
    name: "Trusts",
    rows: [
      ["Trust ODS code", "Trust name", "Trust type"],
      ["RZ2", "Dale Valley", "Acute"],
      ["RX1", null, "Acute"],
      ["RY3", "Fell", "Mental health"],
    ],
    firstRow: 1,
    firstCol: 1,
  };
  return gridSheet(data, [], [], { rows: 30, columns: 10 });
}

const grid = trusts();
const shown = shownSize(grid, 0);

function key(name: string, jump = false): Move {
  const move = moveForKey(name, jump);
  if (move === null) throw new Error(`${name} does not move`);
  return move;
}

describe("moveForKey", () => {
  test("arrows, Page Up/Down, Home, Ctrl+Home and Ctrl+End move; other keys do not", () => {
    expect(moveForKey("ArrowDown", false)).toEqual({ kind: "step", direction: "down" });
    expect(moveForKey("ArrowLeft", true)).toEqual({ kind: "jump", direction: "left" });
    expect(moveForKey("Home", true)).toEqual({ kind: "sheetStart" });
    expect(moveForKey("End", true)).toEqual({ kind: "dataEnd" });
    expect(moveForKey("End", false)).toBeNull();
    expect(moveForKey("a", false)).toBeNull();
    expect(moveForKey("Tab", false)).toBeNull();
  });
});

describe("moved", () => {
  test("one cell per arrow, kept within the grid at the top and left", () => {
    expect(moved(grid, shown, { row: 2, col: 2 }, key("ArrowRight"))).toEqual({ row: 2, col: 3 });
    expect(moved(grid, shown, { row: 1, col: 1 }, key("ArrowUp"))).toEqual({ row: 1, col: 1 });
    expect(moved(grid, shown, { row: 1, col: 1 }, key("ArrowLeft"))).toEqual({ row: 1, col: 1 });
    expect(moved(grid, shown, { row: 1, col: shown.columns }, key("ArrowRight"))).toEqual({ row: 1, col: shown.columns });
  });

  test("down from the last row shown goes one row further (the grid grows), never past the limit", () => {
    expect(shown.rows).toBe(20);
    expect(moved(grid, shown, { row: 20, col: 1 }, key("ArrowDown"))).toEqual({ row: 21, col: 1 });
    const full = { rows: 30, columns: 10 };
    expect(moved(grid, full, { row: 30, col: 1 }, key("ArrowDown"))).toEqual({ row: 30, col: 1 });
  });

  test("Ctrl+arrow goes to the end of a filled run, else to the next filled cell, else to the edge", () => {
    expect(moved(grid, shown, { row: 1, col: 1 }, key("ArrowDown", true))).toEqual({ row: 4, col: 1 });
    // B2 is filled, B3 is not: on to the next filled cell, B4.
    expect(moved(grid, shown, { row: 2, col: 2 }, key("ArrowDown", true))).toEqual({ row: 4, col: 2 });
    // Below the data: to the grid's last row shown.
    expect(moved(grid, shown, { row: 4, col: 1 }, key("ArrowDown", true))).toEqual({ row: shown.rows, col: 1 });
    expect(moved(grid, shown, { row: 2, col: 1 }, key("ArrowRight", true))).toEqual({ row: 2, col: 3 });
    expect(moved(grid, shown, { row: 2, col: 3 }, key("ArrowRight", true))).toEqual({ row: 2, col: shown.columns });
    expect(moved(grid, shown, { row: 1, col: 1 }, key("ArrowUp", true))).toEqual({ row: 1, col: 1 });
  });

  test("Home, Ctrl+Home, Ctrl+End and the page keys", () => {
    expect(moved(grid, shown, { row: 3, col: 3 }, key("Home"))).toEqual({ row: 3, col: 1 });
    expect(moved(grid, shown, { row: 3, col: 3 }, key("Home", true))).toEqual({ row: 1, col: 1 });
    expect(moved(grid, shown, { row: 1, col: 1 }, key("End", true))).toEqual({ row: 4, col: 3 });
    // A page down from row 1 passes the 20 rows shown: it stops at the last (only arrows grow the grid).
    expect(1 + PAGE_ROWS).toBeGreaterThan(shown.rows);
    expect(moved(grid, shown, { row: 1, col: 2 }, key("PageDown"))).toEqual({ row: shown.rows, col: 2 });
    expect(moved(grid, shown, { row: 5, col: 2 }, key("PageUp"))).toEqual({ row: 1, col: 2 });
  });
});

describe("tabbed and entered", () => {
  test("Tab moves across and leaves the grid at the row's end; Shift+Tab at column A", () => {
    expect(tabbed(shown, { row: 2, col: 1 }, false)).toEqual({ row: 2, col: 2 });
    expect(tabbed(shown, { row: 2, col: shown.columns }, false)).toBeNull();
    expect(tabbed(shown, { row: 2, col: 2 }, true)).toEqual({ row: 2, col: 1 });
    expect(tabbed(shown, { row: 2, col: 1 }, true)).toBeNull();
  });

  test("Enter goes down to the column the Tabs started from; Shift+Enter goes up", () => {
    expect(entered(grid, { row: 5, col: 3 }, false, 1)).toEqual({ row: 6, col: 1 });
    expect(entered(grid, { row: 5, col: 3 }, false, null)).toEqual({ row: 6, col: 3 });
    expect(entered(grid, { row: 5, col: 3 }, true, null)).toEqual({ row: 4, col: 3 });
    expect(entered(grid, { row: 1, col: 3 }, true, null)).toEqual({ row: 1, col: 3 });
    expect(entered(grid, { row: 30, col: 3 }, false, null)).toEqual({ row: 30, col: 3 });
  });
});
