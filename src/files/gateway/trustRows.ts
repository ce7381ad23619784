/**
 * Appending trust rows to a sheet's table over exceljs (the Office gateway's appendTrustRows, for the
 * workbench). exceljs's Table mutators (addRow, commit) only work on tables made in memory: a table read
 * from a file has no rows in its model, and commit() would write the new rows over the existing ones. So the
 * cells are written directly and the table's range (tableRef, autoFilterRef) is grown to cover them; a table
 * made in memory also gets the rows in its model, so a later commit() keeps them.
 */
import type ExcelJS from "exceljs";
import { columnLetters, type CellValue } from "../../core/cells";
import { isOwnExtraHeader, SOURCE_HEADER } from "../../core/headers";
import { DATE_FORMAT } from "../../core/template/layout";
import { formatRange, parseRangeBounds, type RangeBounds } from "../../core/sheet/addresses";
import { isDateNumberFormat } from "../../core/sheet/numberFormats";
import type { AppendedTrustRows, AppendTrustRowsOptions } from "../../app/gateway";
import { toExcelValue } from "./excelValue";

interface TableModel {
  tableRef: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
  /** Present on tables made in memory only. */
  rows?: unknown[][];
}

function isTableModel(value: unknown): value is TableModel {
  if (typeof value !== "object" || value === null) return false;
  return typeof Reflect.get(value, "tableRef") === "string" && Array.isArray(Reflect.get(value, "columns"));
}

/** exceljs types getTables() loosely (an entry may be [table, …]); the first table on the sheet is the return's. */
function firstTableModel(ws: ExcelJS.Worksheet): TableModel | null {
  for (const entry of ws.getTables() as unknown[]) {
    const table: unknown = Array.isArray(entry) ? entry[0] : entry;
    const model: unknown = typeof table === "object" && table !== null ? Reflect.get(table, "table") : undefined;
    if (isTableModel(model)) return model;
  }
  return null;
}

function isBlank(ws: ExcelJS.Worksheet, row: number, firstCol: number, lastCol: number): boolean {
  for (let col = firstCol; col <= lastCol; col++) {
    const value = ws.getCell(row, col).value;
    if (value !== null && value !== undefined && value !== "") return false;
  }
  return true;
}

/** The first row to write: after the table's last row that has any value (its blank rows are filled first). */
function firstFreeRow(ws: ExcelJS.Worksheet, bounds: RangeBounds): number {
  let row = bounds.lastRow;
  while (row > bounds.firstRow && isBlank(ws, row, bounds.firstCol, bounds.lastCol)) row--;
  return row + 1;
}

function checkRows(rows: readonly (readonly CellValue[])[], bounds: RangeBounds, sheet: string): void {
  rows.forEach((row, i) =>
    row.forEach((value, c) => {
      const col = c + 1;
      if (value !== null && (col < bounds.firstCol || col > bounds.lastCol)) {
        throw new Error(`Cannot add row ${i + 1} to the table on "${sheet}": it has a value in column ${columnLetters(col)}, outside the table.`);
      }
      if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`Cannot add row ${i + 1} to the table on "${sheet}": ${String(value)} is not a number a cell can hold.`);
    }),
  );
}

/** The Source column's sheet column, adding it at the table's right (header cell included) when missing. */
function sourceColumn(ws: ExcelJS.Worksheet, model: TableModel, bounds: RangeBounds): { col: number; added: boolean } {
  const index = model.columns.findIndex((c) => isOwnExtraHeader(c.name));
  if (index >= 0) return { col: bounds.firstCol + index, added: false };
  const col = bounds.lastCol + 1;
  for (let row = bounds.firstRow; row <= bounds.lastRow; row++) {
    const value = ws.getCell(row, col).value;
    if (value !== null && value !== undefined && value !== "") {
      throw new Error(`Cannot add a ${SOURCE_HEADER} column to the table on "${ws.name}": column ${columnLetters(col)}, to its right, is in use.`);
    }
  }
  model.columns.push({ name: SOURCE_HEADER, filterButton: true });
  for (const row of model.rows ?? []) row.push(null);
  const header = ws.getCell(bounds.firstRow, col);
  header.value = SOURCE_HEADER;
  header.font = { bold: true };
  return { col, added: true };
}

function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, value: CellValue): void {
  const cell = ws.getCell(row, col);
  cell.value = toExcelValue(value);
  if (value instanceof Date && !isDateNumberFormat(cell.numFmt)) cell.numFmt = DATE_FORMAT;
}

export function appendTrustRows(ws: ExcelJS.Worksheet, rows: readonly (readonly CellValue[])[], options: AppendTrustRowsOptions): AppendedTrustRows {
  const model = firstTableModel(ws);
  if (!model) throw new Error(`The sheet "${ws.name}" has no table to add the rows to: insert the template (Template tab) and use its Trusts sheet.`);
  if (model.headerRow === false || model.totalsRow === true) throw new Error(`The table on "${ws.name}" has no header row or has a totals row: the add-in adds rows only to a table like the template's.`);
  const bounds = parseRangeBounds(model.tableRef);
  if (!bounds) throw new Error(`The table on "${ws.name}" has a range the add-in cannot read: "${model.tableRef}".`);
  if (options.sources !== undefined && options.sources.length !== rows.length) throw new Error(`${rows.length} rows to add but ${options.sources.length} sources: give one source per row.`);
  checkRows(rows, bounds, ws.name);

  const source = options.sources === undefined ? null : sourceColumn(ws, model, bounds);
  const lastCol = source?.added ? source.col : bounds.lastCol;
  const firstRow = firstFreeRow(ws, bounds);
  rows.forEach((row, i) => {
    for (let col = bounds.firstCol; col <= bounds.lastCol; col++) writeCell(ws, firstRow + i, col, row[col - 1] ?? null);
    const text = options.sources?.[i];
    if (source && text !== undefined) writeCell(ws, firstRow + i, source.col, text);
  });

  const lastRow = Math.max(bounds.lastRow, firstRow + rows.length - 1);
  const grown = { firstRow: bounds.firstRow, firstCol: bounds.firstCol, lastRow, lastCol };
  model.tableRef = formatRange(grown);
  model.autoFilterRef = formatRange(grown);
  if (model.rows) syncModelRows(ws, model.rows, grown);
  return { firstRow, lastRow: firstRow + rows.length - 1, sourceColumnAdded: source?.added ?? false, sourceColumn: source?.col ?? null };
}

/** A table made in memory re-writes its model's rows on commit(): keep them equal to the cells. */
function syncModelRows(ws: ExcelJS.Worksheet, modelRows: unknown[][], bounds: RangeBounds): void {
  modelRows.length = 0;
  for (let row = bounds.firstRow + 1; row <= bounds.lastRow; row++) {
    const values: unknown[] = [];
    for (let col = bounds.firstCol; col <= bounds.lastCol; col++) values.push(ws.getCell(row, col).value);
    modelRows.push(values);
  }
}
