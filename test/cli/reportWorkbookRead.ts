/** Reading the report workbook's tables back (as the command line reads any workbook: formulas by their last value). */
import { cellAt, lastRow, type CellValue } from "../../src/core/cells";
import { isoFromDate, isoFromSerial } from "../../src/core/dates";
import { openWorkbookFile } from "../../src/files/nodeFile";

export type TableRow = ReadonlyMap<string, CellValue>;

/** The rows under the header row, each by its headers, until the first row with a blank first cell. */
export async function readTable(path: string, sheet: string, headerRow = 1): Promise<TableRow[]> {
  const data = await (await openWorkbookFile(path)).readSheet(sheet);
  const headers: string[] = [];
  for (let c = 1; typeof cellAt(data, headerRow, c) === "string"; c++) headers.push(String(cellAt(data, headerRow, c)));
  const rows: TableRow[] = [];
  for (let r = headerRow + 1; r <= lastRow(data) && cellAt(data, r, 1) !== null; r++) {
    rows.push(new Map(headers.map((h, i) => [h, cellAt(data, r, i + 1)] as const)));
  }
  return rows;
}

/** Column B of the rows whose column A is a label (the National sheet's target, the Suppliers sheet's HHI). */
export async function readLabelled(path: string, sheet: string): Promise<ReadonlyMap<string, CellValue>> {
  const data = await (await openWorkbookFile(path)).readSheet(sheet);
  const out = new Map<string, CellValue>();
  for (let r = data.firstRow; r <= lastRow(data); r++) {
    const label = cellAt(data, r, 1);
    if (typeof label === "string" && !out.has(label)) out.set(label, cellAt(data, r, 2));
  }
  return out;
}

/** A date cell as YYYY-MM-DD (a Date, or a serial where the program wrote no date format); blank as null. */
export function isoOf(value: CellValue): string | null {
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === "number") return isoFromSerial(value);
  return null;
}
