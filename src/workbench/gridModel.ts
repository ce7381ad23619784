/**
 * What the workbench grid draws: a sheet's cells as text from A1, the add-in's marks per cell, and how much
 * was left out. Pure (no exceljs, no DOM), so the grid's rules are tested directly.
 */
import { cellAddress, isErrorValue, type CellValue, type SheetData } from "../core/cells";
import type { Severity } from "../core/issues";
import { parseRangeBounds, type RangeBounds } from "../core/sheet/addresses";

/** Rows and columns the grid renders at most: big sheets show their top-left corner with a note. */
export const MAX_GRID_ROWS = 500;
export const MAX_GRID_COLUMNS = 100;

export interface GridSheet {
  readonly name: string;
  /** texts[r][c] is the cell at row r + 1, column c + 1 (the grid always starts at A1). */
  readonly texts: readonly (readonly string[])[];
  readonly columnCount: number;
  /** The sheet's used rows and columns, before the limits. */
  readonly totalRows: number;
  readonly totalColumns: number;
  /** Marked cells by A1 address (an error mark wins over a warning mark on the same cell). */
  readonly marks: ReadonlyMap<string, Severity>;
}

function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** A cell as the grid shows it: dates as YYYY-MM-DD (the calendar day the core reads), errors as their code. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return isoDay(value);
  if (isErrorValue(value)) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export interface MarkedRanges {
  readonly severity: Severity;
  readonly ranges: readonly string[];
}

/** The marked cells within the first `rows` × `columns` cells; ranges that are not A1 ranges are skipped. */
export function markedCells(marked: readonly MarkedRanges[], rows: number, columns: number): Map<string, Severity> {
  const cells = new Map<string, Severity>();
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

/** The grid of a sheet read by the gateway, with its marks, cut to the limits. */
export function gridSheet(data: SheetData, marked: readonly MarkedRanges[], limits = { rows: MAX_GRID_ROWS, columns: MAX_GRID_COLUMNS }): GridSheet {
  const totalRows = data.rows.length === 0 ? 0 : data.firstRow + data.rows.length - 1;
  const widest = data.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const totalColumns = widest === 0 ? 0 : data.firstCol + widest - 1;
  const rowCount = Math.min(totalRows, limits.rows);
  const columnCount = Math.min(totalColumns, limits.columns);
  const texts = Array.from({ length: rowCount }, (_, r) =>
    Array.from({ length: columnCount }, (_, c) => {
      const value = data.rows[r + 1 - data.firstRow]?.[c + 1 - data.firstCol];
      return value === undefined ? "" : cellText(value);
    }),
  );
  return { name: data.name, texts, columnCount, totalRows, totalColumns, marks: markedCells(marked, rowCount, columnCount) };
}

/** The cells of a selected address ("C7" or "B2:D4") as a set of A1 addresses within the grid; empty when unreadable. */
export function selectedCells(address: string | null, rows: number, columns: number): Set<string> {
  const bounds = address === null ? null : parseRangeBounds(address);
  return new Set(bounds ? addressesWithin(bounds, rows, columns) : []);
}

/** What the user typed into a grid cell, as the value written: blank → null, a plain number → number, else text. */
export function typedValue(text: string): string | number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}
