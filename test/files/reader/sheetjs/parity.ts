/**
 * The same workbook read from its .xlsx source (through exceljs, an independent reader: test/helpers/excelJsModel.ts)
 * and from LibreOffice's .xls or .ods copy of it: where the formats allow, the grids must match.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isErrorValue, type CellValue, type SheetData } from "../../../../src/core/cells";
import { sheetToGrid } from "../../../../src/files/read";
import { loadExcelJs } from "../../../helpers/excelJsModel";

export const FIXTURES = path.join(__dirname, "../../../fixtures/reader-formats");
export const EXAMPLES = path.join(__dirname, "../../../../examples");

export async function fixtureBytes(...parts: string[]): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.join(FIXTURES, ...parts)));
}

/** Each sheet of an .xlsx as exceljs reads it, in order. */
export async function xlsxGrids(file: string): Promise<SheetData[]> {
  const workbook = await loadExcelJs(new Uint8Array(await readFile(file)));
  return workbook.worksheets.map((ws) => sheetToGrid(ws));
}

/**
 * What LibreOffice's .ods keeps of a value: numbers to 15 significant digits (it writes office:value so), and
 * booleans as the numbers 1 and 0 (it imports an .xlsx boolean as a =TRUE() formula and saves it as a number).
 */
export function asOdsKeepsIt(value: CellValue): CellValue {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return Number(value.toPrecision(15));
  return value;
}

function comparable(value: CellValue): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isErrorValue(value)) return `error ${value.code}`;
  if (typeof value === "number") return Number(value.toPrecision(15));
  return value;
}

/** The grid as plain data (dates as ISO days, errors as "error #N/A", trailing blanks dropped), for toEqual. */
export function plainGrid(sheet: SheetData, keep: (value: CellValue) => CellValue = (value) => value): unknown[][] {
  const rows = sheet.rows.map((row) => {
    const values = row.map((value) => comparable(keep(value)));
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    return values;
  });
  while (rows.length > 0 && (rows[rows.length - 1] as unknown[]).length === 0) rows.pop();
  return rows;
}
