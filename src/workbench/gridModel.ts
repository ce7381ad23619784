/**
 * What the workbench grid draws: a sheet's cells as text from A1, the add-in's marks per cell, formulas not yet
 * computed, how much was left out, and the blank rows and columns shown beyond the used range for typing into.
 * Pure (no exceljs, no DOM), so the grid's rules are tested directly.
 */
import { cellAddress, isErrorValue, type CellValue, type SheetData } from "../core/cells";
import { isoFromDate } from "../core/dates";
import type { MarkKind } from "../app/gateway";
import { parseRangeBounds, type RangeBounds } from "../core/sheet/addresses";
import { formatUkShortDate } from "../ui/format";

/** Rows and columns the grid renders at most: big sheets show their top-left corner with a note. */
export const MAX_GRID_ROWS = 500;
export const MAX_GRID_COLUMNS = 100;

export interface GridLimits {
  readonly rows: number;
  readonly columns: number;
}

const DEFAULT_LIMITS: GridLimits = { rows: MAX_GRID_ROWS, columns: MAX_GRID_COLUMNS };

/**
 * Blank rows shown below the used rows and blank columns right of the used columns, as room to type (Excel's grid
 * never ends); and the least the grid shows, so that a blank sheet has cells to type into.
 */
export const SPARE_ROWS = 5;
export const SPARE_COLUMNS = 1;
export const MIN_SHOWN_ROWS = 20;
export const MIN_SHOWN_COLUMNS = 10;

/** A cell that holds a formula, by its position (1-based); `formula` starts with "=". */
export interface FormulaCell {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

export interface GridSheet {
  readonly name: string;
  /** texts[r][c] is the cell at row r + 1, column c + 1 (the grid always starts at A1). */
  readonly texts: readonly (readonly string[])[];
  readonly columnCount: number;
  /** The sheet's used rows and columns, before the limits. */
  readonly totalRows: number;
  readonly totalColumns: number;
  /** Marked cells by A1 address (an error mark wins over a warning mark on the same cell). */
  readonly marks: ReadonlyMap<string, MarkKind>;
  /**
   * Cells within the grid that hold a formula with no value yet, by A1 address → the formula ("=SUM(…)"): the
   * template writes formulas, which Excel computes when the file is opened; the workbench computes none.
   */
  readonly formulas: ReadonlyMap<string, string>;
  readonly limits: GridLimits;
}

/** A date as the grid shows it: the calendar day the core reads (UTC), the UK way, 31/12/2023. */
function ukDay(date: Date): string {
  const iso = isoFromDate(date);
  return iso === null ? "" : formatUkShortDate(iso);
}

/**
 * A cell as the grid shows it: dates as DD/MM/YYYY (UK Excel's short date; typing that back stores the same day, see
 * ./typedValue), errors as their code.
 */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return ukDay(value);
  if (isErrorValue(value)) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export interface MarkedRanges {
  readonly severity: MarkKind;
  readonly ranges: readonly string[];
}

/** The marked cells within the first `rows` × `columns` cells; ranges that are not A1 ranges are skipped. */
export function markedCells(marked: readonly MarkedRanges[], rows: number, columns: number): Map<string, MarkKind> {
  const cells = new Map<string, MarkKind>();
  for (const { severity, ranges } of marked) {
    for (const range of ranges) {
      const bounds = parseRangeBounds(range);
      if (!bounds) continue;
      for (const address of addressesWithin(bounds, rows, columns)) {
        if (cells.get(address) !== "error") cells.set(address, severity);
      }
    }
  }
  return cells;
}

/** The A1 addresses of the range's cells that fall within the first `rows` × `columns` cells. */
export function addressesWithin(bounds: RangeBounds, rows: number, columns: number): string[] {
  const addresses: string[] = [];
  for (let row = bounds.firstRow; row <= Math.min(bounds.lastRow, rows); row++) {
    for (let col = bounds.firstCol; col <= Math.min(bounds.lastCol, columns); col++) addresses.push(cellAddress(row, col));
  }
  return addresses;
}

/**
 * The grid of a sheet read by the gateway, with its marks and its formulas with no value yet (which count as used
 * cells: the Summary the template inserts is all formulas), cut to the limits.
 */
export function gridSheet(data: SheetData, marked: readonly MarkedRanges[], pending: readonly FormulaCell[] = [], limits: GridLimits = DEFAULT_LIMITS): GridSheet {
  const valueRows = data.rows.length === 0 ? 0 : data.firstRow + data.rows.length - 1;
  const widest = data.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const valueColumns = widest === 0 ? 0 : data.firstCol + widest - 1;
  const totalRows = pending.reduce((max, cell) => Math.max(max, cell.row), valueRows);
  const totalColumns = pending.reduce((max, cell) => Math.max(max, cell.col), valueColumns);
  const rowCount = Math.min(totalRows, limits.rows);
  const columnCount = Math.min(totalColumns, limits.columns);
  const texts = Array.from({ length: rowCount }, (_, r) =>
    Array.from({ length: columnCount }, (_, c) => {
      const value = data.rows[r + 1 - data.firstRow]?.[c + 1 - data.firstCol];
      return value === undefined ? "" : cellText(value);
    }),
  );
  const formulas = new Map<string, string>();
  for (const { row, col, formula } of pending) if (row <= rowCount && col <= columnCount) formulas.set(cellAddress(row, col), formula);
  return { name: data.name, texts, columnCount, totalRows, totalColumns, marks: markedCells(marked, rowCount, columnCount), formulas, limits };
}

/** A cut sheet shows no spare rows or columns: its own cells go on beyond the grid. */
function isCut(total: number, shown: number): boolean {
  return total > shown;
}

/**
 * How many rows and columns the grid shows: the used range, spare blank rows and columns, and `addedRows` more
 * (the user's Add rows, or moving down past the last row), at least the minimum and at most the limits.
 */
export function shownSize(grid: GridSheet, addedRows: number): GridLimits {
  const rows = isCut(grid.totalRows, grid.texts.length)
    ? grid.texts.length
    : Math.min(grid.limits.rows, Math.max(grid.totalRows + SPARE_ROWS, MIN_SHOWN_ROWS) + addedRows);
  const columns = isCut(grid.totalColumns, grid.columnCount)
    ? grid.columnCount
    : Math.min(grid.limits.columns, Math.max(grid.totalColumns + SPARE_COLUMNS, MIN_SHOWN_COLUMNS));
  return { rows, columns };
}

/** The text of the cell at (row, col), 1-based: blank beyond the used range. */
export function textAt(grid: GridSheet, row: number, col: number): string {
  return grid.texts[row - 1]?.[col - 1] ?? "";
}

/** What editing a cell starts from (F2, double-click): its formula when it has one with no value yet, else its text. */
export function editText(grid: GridSheet, row: number, col: number): string {
  return grid.formulas.get(cellAddress(row, col)) ?? textAt(grid, row, col);
}

/** Whether the cell shows anything: a value, or a formula not yet computed. */
export function isFilled(grid: GridSheet, row: number, col: number): boolean {
  return textAt(grid, row, col) !== "" || grid.formulas.has(cellAddress(row, col));
}

/** The cells of a selected address ("C7" or "B2:D4") as a set of A1 addresses within the grid; empty when unreadable. */
export function selectedCells(address: string | null, rows: number, columns: number): Set<string> {
  const bounds = address === null ? null : parseRangeBounds(address);
  return new Set(bounds ? addressesWithin(bounds, rows, columns) : []);
}

/** What the user typed into a cell of the grid ("" clears it). */
export interface TypedCell {
  readonly address: string;
  readonly text: string;
}
