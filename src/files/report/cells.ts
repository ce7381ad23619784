/** Writing the report's cells: formulas with their cached results, formats, headers. */
import type ExcelJS from "exceljs";
import { dateFromIso, type IsoDate } from "../../core/dates";

/** A formula's cached result: what a program that does not recalculate shows. */
export type CachedResult = string | number | boolean | Date;

/** Number formats as on the template's Summary sheet (core/template). */
export { DATE_FORMAT, MONEY_FORMAT } from "../../core/template/layout";
export const SHARE_FORMAT = "0.0%";
export const SCORE_FORMAT = "0.0";
export const EFFECTIVE_FORMAT = "0.00";
export const HHI_FORMAT = "0.0000";

/** Target met, as Write Summary shows it: Excel's TRUE/FALSE reads as code to most users. */
export const yesNo = (met: boolean): string => (met ? "Yes" : "No");

export function setFormula(ws: ExcelJS.Worksheet, row: number, col: number, formula: string, result: CachedResult, numFmt?: string): void {
  const cell = ws.getCell(row, col);
  cell.value = { formula, result };
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

export function setValue(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, numFmt?: string): void {
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

export function dateValue(iso: IsoDate | null): Date | null {
  return iso === null ? null : dateFromIso(iso);
}

/** Bold headers in a row, the row frozen above the data, and the widths given. */
export function writeHeaders(ws: ExcelJS.Worksheet, row: number, headers: readonly string[], widths: readonly number[]): void {
  headers.forEach((header, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.getColumn(i + 1).width = widths[i] ?? 14;
  });
}

/** `$A$2:$A$9` on a sheet, quoted as formulas need. */
export function span(sheet: string, letter: string, first: number, last: number): string {
  return `${sheet}!$${letter}$${first}:$${letter}$${last}`;
}
