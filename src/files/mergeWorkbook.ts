/** The consolidated ICS return as a template workbook: every merged trust row, with a `Source` column. */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cells";
import { COLUMNS } from "../core/columns";
import { SOURCE_HEADER } from "../core/headers";
import type { MergedRow } from "../core/merge";
import { trustRowCells } from "../core/rowCells";
import { SHEET } from "../core/template/layout";
import { writeTrustsTable } from "./writeRows";
import { templateWorkbook } from "./writeTemplate";

/** Header of the column after the template's 20 (U): where each row came from. */
export { SOURCE_HEADER };

/** Where a merged row came from, e.g. `north.xlsx › Trusts › row 7`. */
export function sourceText(row: MergedRow): string {
  return `${row.source} › row ${row.trust.row}`;
}

/**
 * `Source` is a column of the Trusts table itself (not a loose column beside it), so sorting or
 * filtering the table in Excel keeps each row's source with it.
 */
function addSourceColumn(wb: ExcelJS.Workbook): void {
  const table = wb.getWorksheet(SHEET.trusts)?.getTable(SHEET.trusts);
  if (!table) throw new Error("the template has no Trusts table");
  // No values: writeTrustsTable replaces every row right after.
  table.addColumn({ name: SOURCE_HEADER, filterButton: true }, [], COLUMNS.length);
  table.commit();
}

export function mergedWorkbook(rows: readonly MergedRow[]): ExcelJS.Workbook {
  const wb = templateWorkbook();
  addSourceColumn(wb);
  const cells: CellValue[][] = rows.map((r) => [...trustRowCells(r.trust), sourceText(r)]);
  writeTrustsTable(wb, cells, SHEET.trusts);
  const ws = wb.getWorksheet(SHEET.trusts);
  if (ws) {
    ws.getCell(1, COLUMNS.length + 1).font = { bold: true };
    ws.getColumn(COLUMNS.length + 1).width = 40;
  }
  return wb;
}
