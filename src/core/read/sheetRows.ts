/** The trust rows of a `Trusts` sheet (spec section 6): every row below the header row with any content. */
import { cellAt, lastRow, type SheetData } from "../cells";
import type { ColumnKey } from "../columns";
import type { ReadRow } from "../rules/types";
import { isBlankCell } from "./presence";
import { readTrustFields, trustRowOf } from "./row";

function isWhollyBlank(sheet: SheetData, row: number): boolean {
  return (sheet.rows[row - sheet.firstRow] ?? []).every(isBlankCell);
}

/** columnOf: the sheet column a key is read from, undefined when the sheet has none. */
export function readTrustRows(sheet: SheetData, headerRow: number, columnOf: (key: ColumnKey) => number | undefined): ReadRow[] {
  const rows: ReadRow[] = [];
  for (let row = headerRow + 1; row <= lastRow(sheet); row += 1) {
    if (isWhollyBlank(sheet, row)) continue;
    const cell = (key: ColumnKey) => {
      const col = columnOf(key);
      return col === undefined ? null : cellAt(sheet, row, col);
    };
    const fields = readTrustFields(cell);
    rows.push({ row, trust: trustRowOf(row, fields), fields, cell });
  }
  return rows;
}
