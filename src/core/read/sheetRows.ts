/** The trust rows of a `Trusts` sheet (spec section 6): every row below the header row with any content. */
import { lastRow, type CellValue, type Row, type SheetData } from "../cells";
import { COLUMN_KEYS, type ColumnKey } from "../columns";
import type { ReadRow } from "../rules/types";
import { isBlankCell } from "./presence";
import { readTrustFields, trustRowOf } from "./row";

const NO_CELLS: Row = [];

/** columnOf: the sheet column a key is read from, undefined when the sheet has none. */
export function readTrustRows(sheet: SheetData, headerRow: number, columnOf: (key: ColumnKey) => number | undefined): ReadRow[] {
  // Each key's index within a row, found once for the sheet rather than once per cell.
  const indexOf = new Map<ColumnKey, number>();
  for (const key of COLUMN_KEYS) {
    const col = columnOf(key);
    if (col !== undefined) indexOf.set(key, col - sheet.firstCol);
  }
  const rows: ReadRow[] = [];
  const last = lastRow(sheet);
  for (let row = headerRow + 1; row <= last; row += 1) {
    const cells = sheet.rows[row - sheet.firstRow] ?? NO_CELLS;
    if (cells.every(isBlankCell)) continue;
    const cell = (key: ColumnKey): CellValue => {
      const index = indexOf.get(key);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const fields = readTrustFields(cell);
    rows.push({ row, trust: trustRowOf(row, fields), fields, cell });
  }
  return rows;
}
