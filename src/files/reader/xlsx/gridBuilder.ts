/**
 * Building a sheet's grid row by row as cells stream past: a row's values are collected in scratch
 * arrays reused for every row, and the row's array is made once, at its final length, when the row
 * ends. Rows without values are not made at all: they share EMPTY_ROW. Every slot made (a row's
 * cells from column A to its last value, and one per row down to the last row with values) is
 * charged to the workbook's grid budget before it is made.
 */
import type { CellValue, Row, SheetData } from "../../../core/cells";
import type { ReadBudget } from "./budget";

/** Every row with no values: one shared, frozen array. */
export const EMPTY_ROW: Row = Object.freeze([]);

export class GridBuilder {
  private readonly rowIndexes: number[] = [];
  private readonly rows: Row[] = [];
  private readonly cols: number[] = [];
  private readonly values: CellValue[] = [];
  private count = 0;
  private width = 0;

  constructor(private readonly budget: ReadBudget) {}

  /** A value (never null) at a 1-based column of the current row; a later value at the same column wins. */
  put(col: number, value: CellValue): void {
    this.cols[this.count] = col;
    this.values[this.count] = value;
    this.count++;
    if (col > this.width) this.width = col;
  }

  /** Ends the current row, sheet row rowNumber (1-based). */
  endRow(rowNumber: number): void {
    const { count, width } = this;
    if (count === 0) return;
    this.budget.addGridSlots(width);
    const row = new Array<CellValue>(width).fill(null);
    for (let i = 0; i < count; i++) row[(this.cols[i] as number) - 1] = this.values[i] as CellValue;
    this.rowIndexes.push(rowNumber - 1);
    this.rows.push(row);
    this.count = 0;
    this.width = 0;
  }

  finish(name: string, hiddenRows: readonly number[]): SheetData {
    let height = 0;
    for (const index of this.rowIndexes) if (index + 1 > height) height = index + 1;
    this.budget.addGridSlots(height);
    const rows = new Array<Row>(height).fill(EMPTY_ROW);
    // Rows in document order: a row written twice (not something Excel writes) keeps its last copy.
    for (let i = 0; i < this.rows.length; i++) rows[this.rowIndexes[i] as number] = this.rows[i] as Row;
    return { name, rows, firstRow: 1, firstCol: 1, hiddenRows };
  }
}
