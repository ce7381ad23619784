/**
 * The exceljs workbook model's cells as the core's grid (src/core/cells.ts): the workbench's gateway reads back what
 * it holds (what the reader read, and what the add-in wrote since). A user's file is never read through exceljs: the
 * reader (./reader) reads every file, in every host. No Node modules here: the workbench runs this in the browser.
 */
import ExcelJS from "exceljs";
import { errorValue, type CellValue, type Row, type SheetData } from "../core/cells";

const MS_PER_DAY = 86_400_000;

/** The calendar day of a date cell, at UTC midnight (exceljs gives dates in UTC; a time of day is dropped). */
function dayOf(date: Date): Date | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  return new Date(Math.floor(ms / MS_PER_DAY) * MS_PER_DAY);
}

type ExcelValue = ExcelJS.CellValue | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A cell's value as the core sees it; formulas become their cached result. */
function toCellValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return dayOf(value);
  if (!isObject(value)) return null;
  if ("error" in value && typeof value.error === "string") return errorValue(value.error);
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  if ("formula" in value || "sharedFormula" in value) return "result" in value ? toCellValue(value.result as ExcelValue) : null;
  if ("hyperlink" in value) return "text" in value ? toCellValue(value.text as ExcelValue) : null;
  if ("text" in value && typeof value.text === "string") return value.text;
  return null;
}

function gridValue(cell: ExcelJS.Cell): CellValue {
  // exceljs repeats the master's value in every merged cell; the core wants it once.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  // cell.value drops a falsy cached result (0, FALSE); cell.result keeps it. Its typing
  // leaves out booleans and errors, which it also holds.
  if (cell.type === ExcelJS.ValueType.Formula) return toCellValue(cell.result as ExcelValue);
  return toCellValue(cell.value);
}

/** Every row with no values in the grid: one shared, frozen array, so a sheet used down to row 1,048,576 costs a pointer per row. */
const EMPTY_ROW: Row = Object.freeze([]);

/** A row's values from column A, made at its final length: blank cells between values are null. */
function denseRow(cols: readonly number[], values: readonly CellValue[]): Row {
  let width = 0;
  for (const col of cols) if (col > width) width = col;
  const row: CellValue[] = new Array<CellValue>(width).fill(null);
  for (let j = 0; j < cols.length; j++) row[(cols[j] as number) - 1] = values[j] as CellValue;
  return row;
}

/**
 * The worksheet as the core's grid, from A1 (firstRow = firstCol = 1). Merged cells: the
 * value only in the top-left cell. Trailing blank cells and rows are left off (rows are ragged).
 * Rows with no values share EMPTY_ROW: a sheet with a stray value in A1048576 used to build a
 * million empty arrays (1.2 s and 40 MB; see docs/benchmarks.md).
 */
export function sheetToGrid(ws: ExcelJS.Worksheet): SheetData {
  const indexes: number[] = [];
  const filled: Row[] = [];
  const hiddenRows: number[] = [];
  // One scratch list of columns and values serves every row, so each row's array is made once.
  const cols: number[] = [];
  const values: CellValue[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    cols.length = 0;
    values.length = 0;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = gridValue(cell);
      if (value === null) return;
      cols.push(colNumber);
      values.push(value);
    });
    if (cols.length === 0) return;
    indexes.push(rowNumber - 1);
    filled.push(denseRow(cols, values));
  });
  // Hidden rows, with values or not (eachRow skips rows without values).
  for (let r = 1; r <= ws.rowCount; r++) if (ws.findRow(r)?.hidden) hiddenRows.push(r);
  const last = indexes[indexes.length - 1];
  const rows: Row[] = new Array<Row>(last === undefined ? 0 : last + 1).fill(EMPTY_ROW);
  for (let i = 0; i < filled.length; i++) rows[indexes[i] as number] = filled[i] as Row;
  return { name: ws.name, rows, firstRow: 1, firstCol: 1, hiddenRows };
}
