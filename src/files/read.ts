/**
 * Opening .xlsx data with exceljs and turning a worksheet into the core's grid (src/core/cells.ts).
 * No Node modules here: the workbench runs this in the browser (file reading is in ./file).
 */
import ExcelJS from "exceljs";
import { errorValue, type CellValue, type Row, type SheetData } from "../core/cells";
import type { SheetInfo } from "../app/gateway";
import { WorkbookReadError } from "./errors";
import { preflightXlsx, XlsxRejectedError, type PreflightOptions, type XlsxLimits } from "./guard";

export { WorkbookReadError };

/** How to open a workbook: the guard's limits (defaults: DEFAULT_LIMITS), its inflater, the sheets to read. */
export interface OpenOptions extends PreflightOptions {
  readonly limits?: Partial<XlsxLimits>;
}

/**
 * Loads .xlsx bytes, through the guard once; a file that is not a readable workbook throws
 * WorkbookReadError. The command line gives the guard Node's zlib (see ./nodeFile).
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array, options: OpenOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = await guarded(data instanceof Uint8Array ? data : new Uint8Array(data), options);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as a Node Buffer, but hands it to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    throw new WorkbookReadError(describeLoadFailure(err), { cause: err });
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError("not an .xlsx file (the archive holds no worksheets)");
  return workbook;
}

/** Hostile or broken files are refused (or defused) before exceljs sees them: see ./guard. */
async function guarded(bytes: Uint8Array, { limits, ...options }: OpenOptions): Promise<Uint8Array> {
  try {
    return await preflightXlsx(bytes, limits, options);
  } catch (err) {
    if (err instanceof XlsxRejectedError) throw new WorkbookReadError(err.message, { cause: err });
    throw err;
  }
}

function describeLoadFailure(err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  if (/end of (central directory|data)|corrupted zip|unexpected end|invalid (signature|zip)|crc32|is this a zip/i.test(detail)) {
    return "truncated or damaged .xlsx (the zip archive cannot be read)";
  }
  return `truncated or damaged .xlsx (${detail})`;
}

export function listSheetInfo(workbook: ExcelJS.Workbook): SheetInfo[] {
  return workbook.worksheets.map((ws) => ({ name: ws.name, visible: ws.state === "visible" || ws.state === undefined }));
}

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
export function toCellValue(value: ExcelValue): CellValue {
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
