/** Every gateway's writeCells is all or nothing: each write is checked before any cell changes. */
import { parseAddress } from "../core/cells";
import type { CellWrite } from "./gateway";

export interface CheckedWrite {
  readonly row: number;
  readonly col: number;
  readonly value: CellWrite["value"];
}

/** The writes with their cells; throws, naming the cell, for a write no workbook can hold. */
export function checkCellWrites(sheet: string, writes: readonly CellWrite[]): CheckedWrite[] {
  return writes.map((write) => {
    const cell = parseAddress(write.address);
    if (!cell) throw new Error(`Cannot write to "${write.address}" on "${sheet}": not a single-cell A1 address.`);
    if (typeof write.value === "number" && !Number.isFinite(write.value)) {
      throw new Error(`Cannot write ${String(write.value)} to ${sheet}!${write.address}: a cell holds only finite numbers.`);
    }
    return { ...cell, value: write.value };
  });
}
