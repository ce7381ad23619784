/** Writing values into cells, all or nothing: every write is checked (app/cellWrites.ts) before any cell changes. */
import type ExcelJS from "exceljs";
import { checkCellWrites } from "../../app/cellWrites";
import type { CellWrite } from "../../app/gateway";

/**
 * Writes the values; the cells keep their formats. Text is stored as text even when it
 * starts with "=" (the add-in writes values, never formulas). A write into a merged area
 * lands in its top-left cell, as in Excel.
 */
export function writeCellValues(ws: ExcelJS.Worksheet, writes: readonly CellWrite[]): void {
  const checked = checkCellWrites(ws.name, writes);
  for (const { row, col, value } of checked) ws.getCell(row, col).value = value;
}
