/** The trust rows of a `Trusts` sheet (spec section 6): every row below the header row with any content. */
import { lastRow, type CellValue, type Row, type SheetData } from "../cells";
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import type { ReadRow } from "../rules/types";
import { isBlankCell } from "./presence";
import { readTrustFields, trustRowOf } from "./row";

const NO_CELLS: Row = [];

/**
 * Reads each trust row in turn and hands it to visit. Rows are not kept here: a caller that keeps
 * only what it needs lets the rest (how every cell read) be collected young, which matters at
 * tens of thousands of rows. columnOf: the sheet column a key is read from, undefined when the sheet has none.
 */
export function forEachTrustRow(sheet: SheetData, headerRow: number, columnOf: (key: ColumnKey) => number | undefined, visit: (row: ReadRow) => void): void {
  // Each key's index within a row, found once for the sheet rather than once per cell.
  const indexOf = new Map<ColumnKey, number>();
  for (const key of COLUMN_KEYS) {
    const col = columnOf(key);
    if (col !== undefined) indexOf.set(key, col - sheet.firstCol);
  }
  const last = lastRow(sheet);
  for (let row = headerRow + 1; row <= last; row += 1) {
    const cells = sheet.rows[row - sheet.firstRow] ?? NO_CELLS;
    if (cells.every(isBlankCell)) continue;
    const cell = (key: ColumnKey): CellValue => {
      const index = indexOf.get(key);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const fields = readTrustFields(cell);
    visit({ row, trust: trustRowOf(row, fields), fields, cell });
  }
}

/** Every trust row, read. */
export function readTrustRows(sheet: SheetData, headerRow: number, columnOf: (key: ColumnKey) => number | undefined): ReadRow[] {
  const rows: ReadRow[] = [];
  forEachTrustRow(sheet, headerRow, columnOf, (row) => rows.push(row));
  return rows;
}
