/** Filling a template workbook: the ICS values and the `Trusts` table's rows. */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cells";
import { isErrorValue } from "../core/cells";
import type { IcsDetails } from "../core/schema";
import { icsValueCell } from "../core/template/ics";
import { dateFromIso } from "../core/dates";

type ExcelCellValue = ExcelJS.CellValue;

function toExcel(value: CellValue): ExcelCellValue {
  if (value === null) return null;
  if (isErrorValue(value)) return { error: value.code as ExcelJS.CellErrorValue["error"] };
  return value;
}

/**
 * Replaces the rows of the `Trusts` table on `sheetName` with `rows` (columns A..T), growing the
 * table so that Excel sees every row as part of it. Cells outside the table are not touched.
 */
export function writeTrustsTable(wb: ExcelJS.Workbook, rows: readonly (readonly CellValue[])[], sheetName = "Trusts"): void {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`the workbook has no sheet named "${sheetName}"`);
  const table = findTable(ws);
  if (!table) throw new Error(`the sheet "${sheetName}" has no table to fill`);
  const width = table.table.columns.length;
  const blank = Array.from({ length: width }, () => null);
  const data = rows.length === 0 ? [blank] : rows.map((r) => Array.from({ length: width }, (_, i) => toExcel(r[i] ?? null)));
  table.removeRows(0, table.table.rows.length);
  for (const r of data) table.addRow(r);
  table.commit();
}

/** Writes the ICS details into the template's `ICS` sheet (column B). */
export function writeIcsDetails(wb: ExcelJS.Workbook, details: IcsDetails, sheetName = "ICS"): void {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`the workbook has no sheet named "${sheetName}"`);
  for (const key of Object.keys(details) as (keyof IcsDetails)[]) {
    const value = details[key];
    const cell = ws.getCell(icsValueCell(key));
    cell.value = value === null ? null : key === "submissionDate" ? dateFromIso(value) : value;
  }
}

interface TableLike {
  table: { columns: unknown[]; rows: unknown[][] };
  removeRows(index: number, count: number): void;
  addRow(values: unknown[]): void;
  commit(): void;
}

/** exceljs types getTables() loosely; the first table on the sheet is the return's. */
function findTable(ws: ExcelJS.Worksheet): TableLike | null {
  for (const entry of ws.getTables() as unknown[]) {
    const candidate: unknown = Array.isArray(entry) ? entry[0] : entry;
    if (isTable(candidate)) return candidate;
  }
  return null;
}

function isTable(value: unknown): value is TableLike {
  if (typeof value !== "object" || value === null) return false;
  const inner: unknown = Reflect.get(value, "table");
  return typeof inner === "object" && inner !== null && Array.isArray(Reflect.get(inner, "rows")) && typeof Reflect.get(value, "addRow") === "function";
}
