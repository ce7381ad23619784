/**
 * A SheetJS worksheet (dense mode) as the core's grid, bounded: only the rows and cells SheetJS made are visited
 * (never the sheet's `!ref`, which a hostile file sets to A1:XFD1048576), and every row's width, the slots the
 * grid allocates, is counted against the cell budget before the row is made.
 */
import type { CellObject, WorkSheet } from "@e965/xlsx";
import type { CellValue, Row, SheetData } from "../../../core/cells";
import { overLimit } from "../csv/budget";
import { sheetJsCellValue } from "./cellValue";

/** Every row with no values: one shared, frozen array. */
const EMPTY_ROW: Row = Object.freeze([]);

/** Counts shared across every sheet of the workbook (the budgets are per workbook). */
export interface CellBudget {
  readonly maxCells: number;
  /** Whose limit maxCells is, for the message (../csv/budget.ts overLimit). */
  readonly scope?: string;
  cells: number;
}

/** The indexes an array really holds, ascending (a sparse array is walked by its entries, not its length). */
function indexesOf(items: readonly unknown[]): number[] {
  return Object.keys(items)
    .map(Number)
    .filter((index) => Number.isInteger(index) && index >= 0);
}

function gridRow(cells: readonly CellObject[], date1904: boolean, budget: CellBudget): Row {
  const cols: number[] = [];
  const values: CellValue[] = [];
  for (const col of indexesOf(cells)) {
    const cell = cells[col];
    if (!cell) continue;
    const value = sheetJsCellValue(cell, date1904);
    if (value === null) continue;
    cols.push(col);
    values.push(value);
  }
  const last = cols[cols.length - 1];
  if (last === undefined) return EMPTY_ROW;
  budget.cells += last + 1;
  if (budget.cells > budget.maxCells) throw overLimit("cells", budget.maxCells, budget.scope);
  const row = new Array<CellValue>(last + 1).fill(null);
  for (let j = 0; j < cols.length; j++) row[cols[j] as number] = values[j] as CellValue;
  return row;
}

/** Hidden rows (1-based) up to the last row with a value: past it there is nothing for them to hide. */
function hiddenRowsOf(ws: WorkSheet, rowCount: number, extraRanges: readonly (readonly [number, number])[]): number[] {
  const hidden = new Set<number>();
  const info = ws["!rows"] ?? [];
  for (const index of indexesOf(info)) if (info[index]?.hidden && index < rowCount) hidden.add(index + 1);
  for (const [first, last] of extraRanges) for (let row = first; row <= Math.min(last, rowCount); row++) hidden.add(row);
  return [...hidden].sort((a, b) => a - b);
}

export function sheetToGrid(
  name: string,
  ws: WorkSheet,
  date1904: boolean,
  budget: CellBudget,
  extraHiddenRows: readonly (readonly [number, number])[] = [],
): SheetData {
  const data: readonly (CellObject[] | undefined)[] = ws["!data"] ?? [];
  const rows: Row[] = [];
  for (const index of indexesOf(data)) {
    const row = gridRow(data[index] ?? [], date1904, budget);
    if (row === EMPTY_ROW) continue;
    while (rows.length < index) rows.push(EMPTY_ROW);
    rows[index] = row;
  }
  return { name, rows, firstRow: 1, firstCol: 1, hiddenRows: hiddenRowsOf(ws, rows.length, extraHiddenRows) };
}
