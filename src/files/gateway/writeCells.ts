/** Writing values into cells, all or nothing: every write is checked before any cell changes. */
import type ExcelJS from "exceljs";
import { parseAddress } from "../../core/cells";
import type { CellWrite } from "../../app/gateway";

interface CheckedWrite {
  readonly row: number;
  readonly col: number;
  readonly value: CellWrite["value"];
}

function check(sheet: string, write: CellWrite): CheckedWrite {
  const cell = parseAddress(write.address);
  if (!cell) throw new Error(`Cannot write to "${write.address}" on "${sheet}": not a single-cell A1 address.`);
  if (typeof write.value === "number" && !Number.isFinite(write.value)) {
    throw new Error(`Cannot write ${String(write.value)} to ${sheet}!${write.address}: a cell holds only finite numbers.`);
  }
  return { ...cell, value: write.value };
}

/**
 * Writes the values; the cells keep their formats. Text is stored as text even when it
 * starts with "=" (the add-in writes values, never formulas). A write into a merged area
 * lands in its top-left cell, as in Excel.
 */
export function writeCellValues(ws: ExcelJS.Worksheet, writes: readonly CellWrite[]): void {
  const checked = writes.map((write) => check(ws.name, write));
  for (const { row, col, value } of checked) ws.getCell(row, col).value = value;
}
