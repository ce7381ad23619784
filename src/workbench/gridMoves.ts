/**
 * Where the grid's active cell goes on a key, as in Excel: an arrow one cell; Ctrl+arrow to the edge of the data (the
 * last cell of a filled run, else the next filled cell, else the grid's edge); Home to column A; Ctrl+Home to A1;
 * Ctrl+End to the last used cell; Page Up/Down by a screenful; Tab across, and Enter down to the column a run of Tabs
 * started from. Moving down may go one row past the rows shown: the grid then shows more (up to its limit).
 * Pure, so the rules are tested directly.
 */
import { isFilled, type GridLimits, type GridSheet } from "./gridModel";

export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export type Direction = "up" | "down" | "left" | "right";

export type Move =
  | { readonly kind: "step"; readonly direction: Direction }
  | { readonly kind: "jump"; readonly direction: Direction }
  | { readonly kind: "page"; readonly direction: "up" | "down" }
  | { readonly kind: "rowStart" }
  | { readonly kind: "sheetStart" }
  | { readonly kind: "dataEnd" };

/** Rows Page Up and Page Down move by. */
export const PAGE_ROWS = 20;

const ARROWS: Readonly<Record<string, Direction>> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

/** The move a key makes (Ctrl or ⌘ held: `jump`), or null for a key that does not move the active cell. */
export function moveForKey(key: string, jump: boolean): Move | null {
  const direction = ARROWS[key];
  if (direction !== undefined) return { kind: jump ? "jump" : "step", direction };
  if (key === "PageUp") return { kind: "page", direction: "up" };
  if (key === "PageDown") return { kind: "page", direction: "down" };
  if (key === "Home") return { kind: jump ? "sheetStart" : "rowStart" };
  if (key === "End" && jump) return { kind: "dataEnd" };
  return null;
}

const DELTA: Readonly<Record<Direction, CellPosition>> = { up: { row: -1, col: 0 }, down: { row: 1, col: 0 }, left: { row: 0, col: -1 }, right: { row: 0, col: 1 } };

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** Ctrl+arrow: Excel's edge of the data within the rows and columns shown. */
function jumped(grid: GridSheet, shown: GridLimits, from: CellPosition, direction: Direction): CellPosition {
  const { row: dr, col: dc } = DELTA[direction];
  const inside = (at: CellPosition): boolean => at.row >= 1 && at.col >= 1 && at.row <= shown.rows && at.col <= shown.columns;
  const step = (at: CellPosition): CellPosition => ({ row: at.row + dr, col: at.col + dc });
  const filled = (at: CellPosition): boolean => isFilled(grid, at.row, at.col);
  let at = step(from);
  if (!inside(at)) return from;
  if (filled(from) && filled(at)) {
    // Along a filled run: to its last cell.
    while (inside(step(at)) && filled(step(at))) at = step(at);
    return at;
  }
  // Else to the next filled cell, or the edge.
  while (!filled(at) && inside(step(at))) at = step(at);
  return at;
}

/** Where `move` takes the active cell; `shown` is what the grid shows now. */
export function moved(grid: GridSheet, shown: GridLimits, from: CellPosition, move: Move): CellPosition {
  switch (move.kind) {
    case "step": {
      const { row: dr, col: dc } = DELTA[move.direction];
      // One row past the last shown is allowed (the grid grows), never past the grid's limit.
      const lastRow = Math.min(grid.limits.rows, shown.rows + 1);
      return { row: clamp(from.row + dr, 1, lastRow), col: clamp(from.col + dc, 1, shown.columns) };
    }
    case "jump":
      return jumped(grid, shown, from, move.direction);
    case "page":
      return { row: clamp(from.row + (move.direction === "down" ? PAGE_ROWS : -PAGE_ROWS), 1, shown.rows), col: from.col };
    case "rowStart":
      return { row: from.row, col: 1 };
    case "sheetStart":
      return { row: 1, col: 1 };
    case "dataEnd":
      return { row: clamp(grid.totalRows, 1, shown.rows), col: clamp(grid.totalColumns, 1, shown.columns) };
  }
}

/** Tab (Shift+Tab: back) across the row; null at the row's end, where focus leaves the grid (no keyboard trap). */
export function tabbed(shown: GridLimits, from: CellPosition, back: boolean): CellPosition | null {
  const col = from.col + (back ? -1 : 1);
  return col < 1 || col > shown.columns ? null : { row: from.row, col };
}

/**
 * Enter (Shift+Enter: up): down a row, to the column a run of Tabs started from (`anchorCol`), as Excel does for
 * typing a table row by row. Down may go one row past the rows shown (the grid grows), within the limit.
 */
export function entered(grid: GridSheet, from: CellPosition, back: boolean, anchorCol: number | null): CellPosition {
  const row = back ? Math.max(1, from.row - 1) : Math.min(grid.limits.rows, from.row + 1);
  return { row, col: anchorCol ?? from.col };
}
